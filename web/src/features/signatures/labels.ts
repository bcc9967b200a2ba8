// Human-readable labels of signature meanings.

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
