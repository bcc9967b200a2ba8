// Human-readable labels of change request history entries.

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
