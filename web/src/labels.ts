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
  'change_request.opened',
  'change_request.submitted',
  'change_request.reviewed',
  'change_request.approval_signed',
  'change_request.approved',
  'change_request.rejected',
  'change_request.withdrawn',
  'masterdata.draft_saved',
  'masterdata.draft_withdrawn',
  'signature.applied',
  'signature.failed',
  'signature.policy_published',
  'signature.policy_acknowledged',
  'site.settings_changed',
  'user.renamed',
  'personnel.qualification_granted',
  'personnel.qualification_revoked',
  'personnel.training_recorded',
];

const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  effective: 'Effective',
  superseded: 'Superseded',
  obsolete: 'Obsolete',
  withdrawn: 'Withdrawn',
  open: 'Open',
  rejected: 'Rejected',
  none: 'Not effective',
};

/** Version status / state and change request state labels. */
export function statusLabel(s: string): string {
  return STATUS_LABELS[s] ?? s;
}

const MEANING_LABELS: Record<string, string> = {
  authored: 'Authored',
  reviewed: 'Reviewed',
  approved: 'Approved',
  rejected: 'Rejected',
  verified: 'Verified',
  released: 'Released',
};

/** Signature meaning labels (the controlled list of docs/masterdata.md section 4). */
export function meaningLabel(m: string): string {
  return MEANING_LABELS[m] ?? m;
}

const HISTORY_LABELS: Record<string, string> = {
  'change_request.opened': 'Opened',
  'change_request.submitted': 'Submitted for review',
  'change_request.reviewed': 'Reviewed',
  'change_request.approval_signed': 'Approval signed',
  'change_request.approved': 'Approved',
  'change_request.rejected': 'Rejected',
  'change_request.withdrawn': 'Withdrawn',
  'masterdata.draft_saved': 'Draft saved',
  'masterdata.draft_withdrawn': 'Draft withdrawn',
  'signature.applied': 'Signature applied',
};

export function historyLabel(type: string): string {
  return HISTORY_LABELS[type] ?? type;
}
