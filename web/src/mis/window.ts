// The time window of the figures: a day, an ISO week (Monday first), a month, or custom,
// in UTC (the MIS has no site time zone yet: docs/mis.md). The window is [from, to).
export type WindowKind = 'day' | 'week' | 'month' | 'custom';

export interface WindowChoice {
  kind: WindowKind;
  date: string; // YYYY-MM-DD: the day the day/week/month holds
  from: string; // custom: YYYY-MM-DDTHH:MM (UTC)
  to: string;
}

const iso = (d: Date) => d.toISOString().replace('.000Z', 'Z');

/** [from, to) of the choice as ISO 8601 UTC times, or null when incomplete. */
export function windowOf(c: WindowChoice): { from: string; to: string } | null {
  if (c.kind === 'custom') {
    if (!c.from || !c.to) return null;
    return { from: iso(new Date(c.from + ':00Z')), to: iso(new Date(c.to + ':00Z')) };
  }
  const day = new Date(c.date + 'T00:00:00Z');
  if (Number.isNaN(day.getTime())) return null;
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth();
  const d = day.getUTCDate();
  if (c.kind === 'day') return { from: iso(day), to: iso(new Date(Date.UTC(y, m, d + 1))) };
  if (c.kind === 'week') {
    const monday = d - ((day.getUTCDay() + 6) % 7);
    return { from: iso(new Date(Date.UTC(y, m, monday))), to: iso(new Date(Date.UTC(y, m, monday + 7))) };
  }
  return { from: iso(new Date(Date.UTC(y, m, 1))), to: iso(new Date(Date.UTC(y, m + 1, 1))) };
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
