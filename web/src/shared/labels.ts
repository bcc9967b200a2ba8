// Human-readable labels shared by several capabilities (StatusBadge, state filters).

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
