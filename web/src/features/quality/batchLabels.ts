// Words for the batch record's codes (docs/batch-record.md) and the file download.

const STATE_LABELS: Record<string, string> = {
  in_progress: 'In progress (incomplete)',
  awaiting_review: 'Awaiting review',
  ready_for_release: 'Ready for release',
  released: 'Released',
  amended: 'Amended after release',
};

const KIND_LABELS: Record<string, string> = {
  limit_violation: 'Limit violation',
  late_entry: 'Late entry',
  correction: 'Correction',
  refused_attempt: 'Refused attempt',
  over_consumption: 'Over-consumption',
  deviation: 'Deviation',
  yield_out_of_limits: 'Yield out of limits',
};

const REVIEW_LABELS: Record<string, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  dispositioned: 'Dispositioned',
  cleared_by_disposition: "Cleared by the deviation's disposition",
};

const MISSING_LABELS: Record<string, string> = {
  operation_not_complete: 'Operation not complete',
  required_value_missing: 'Required value missing',
  verification_unsigned: 'Verification not signed',
};

export const batchStateLabel = (s: string) => STATE_LABELS[s] ?? s;
export const exceptionKindLabel = (k: string) => KIND_LABELS[k] ?? k;
export const reviewLabel = (s: string) => REVIEW_LABELS[s] ?? s;
export const missingLabel = (k: string) => MISSING_LABELS[k] ?? k;

/** "18 to 25 C", "≥ 18 C", "—". */
export function limitText(low: number | null | undefined, high: number | null | undefined, unit = ''): string {
  const u = unit ? ` ${unit}` : '';
  if (low != null && high != null) return `${low} to ${high}${u}`;
  if (low != null) return `≥ ${low}${u}`;
  if (high != null) return `≤ ${high}${u}`;
  return '—';
}

/** Refusals of the release in words that say what to do. */
export const RELEASE_REFUSAL_NOTES: Record<string, string> = {
  open_deviation: '— each deviation is cleared by its own signed disposition in the Deviations tab; then release again.',
  exceptions_open: '— acknowledge or disposition each open exception above first.',
  record_incomplete: '— the record is not complete: see "Completeness" above.',
  already_released: '— this record is released and unchanged: nothing to release.',
  reason_required: '— an amended record is released again only with a reason.',
};

/** Saves `text` as a file called `name` through a temporary link. */
export function download(text: string, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
