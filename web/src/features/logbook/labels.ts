// Human-readable labels of the logbook categories.

const CATEGORY_LABELS: Record<string, string> = {
  use: 'Use',
  cleaning: 'Cleaning',
  maintenance: 'Maintenance',
  calibration: 'Calibration',
  shift_handover: 'Shift handover',
  deviation_note: 'Deviation note',
  other: 'Other',
};

export function categoryLabel(c: string): string {
  return CATEGORY_LABELS[c] ?? c;
}
