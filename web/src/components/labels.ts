// Human-readable labels for enumerated API values (logbook categories, event types).

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

export const EVENT_TYPES = [
  'ledger.initialized',
  'user.created',
  'user.disabled',
  'session.login_succeeded',
  'session.login_failed',
  'session.logged_out',
  'logbook.entry_recorded',
  'logbook.entry_corrected',
];
