// Human-readable labels of the logbook: categories, equipment levels, subject types.

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

const LEVEL_LABELS: Record<string, string> = {
  enterprise: 'Enterprise',
  site: 'Site',
  area: 'Area',
  work_center: 'Work center',
  work_unit: 'Work unit',
};

/** Label of an equipment hierarchy level. */
export function levelLabel(level: string): string {
  return LEVEL_LABELS[level] ?? (level || 'Unknown level');
}

/** How the subject of an entry relates to master data (the server's subject_type). */
export function subjectTypeLabel(t: string | undefined): string | null {
  if (t === 'free_text') return 'Free text (not in master data)';
  if (t === 'unchecked') return 'Not checked against master data';
  return null;
}
