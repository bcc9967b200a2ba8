// The period and filters a review of the audit trail signs, taken from the audit trail
// page's filters: from = the filter's "from" or the start of the ledger; to = the
// filter's "to" or just after the newest entry shown (the server refuses a period that
// ends after its own clock, so the browser's clock is never used).
import type { LedgerEntry, LedgerFilter, ReviewRequest } from './types';

/** The start of every ledger. */
export const LEDGER_START = '1970-01-01T00:00:00Z';

/** Microseconds since the epoch as ISO UTC with all six fraction digits. */
export function isoFromMicros(us: number): string {
  const ms = Math.floor(us / 1000);
  const base = new Date(ms).toISOString(); // "2026-11-30T02:00:00.123Z"
  return `${base.slice(0, 23)}${String(us % 1000).padStart(3, '0')}Z`;
}

export interface ReviewPeriod {
  from: string;
  to: string;
  filters: ReviewRequest['filters'];
}

/** The period to review, or null when there is nothing shown to end it at. */
export function reviewPeriod(filter: LedgerFilter, newest: LedgerEntry | undefined): ReviewPeriod | null {
  const to = filter.to ?? (newest ? isoFromMicros(newest.time_us + 1) : undefined);
  if (!to) return null;
  const filters: ReviewRequest['filters'] = {};
  if (filter.type) filters.type = filter.type;
  if (filter.actor) filters.actor = filter.actor;
  if (filter.subject) filters.subject = filter.subject;
  return { from: filter.from ?? LEDGER_START, to, filters };
}
