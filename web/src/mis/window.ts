// The time window of the figures: a day, an ISO week (Monday first), a month, or custom,
// in the site's time zone (GET /api/v1/health `time_zone`; docs/mis.md, "Site time zone").
// Days start at local midnight, so a day is 23 or 25 hours long when the clocks change.
// The window sent to the API is [from, to) in UTC.
export type WindowKind = 'day' | 'week' | 'month' | 'custom';

export interface WindowChoice {
  kind: WindowKind;
  date: string; // YYYY-MM-DD: the local day the day/week/month holds
  from: string; // custom: YYYY-MM-DDTHH:MM, local time of the site
  to: string;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The civil time of `zone` at instant `ms`, as if it were UTC (ms since the epoch). */
function civilAt(zone: string, ms: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, f);
  }
  const part: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') part[p.type] = Number(p.value);
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
}

/**
 * The UTC instant (ms) of the local civil time `civil` (ms, as if UTC) in `zone`. A time
 * that exists once is exact; one in a gap (spring forward) takes the offset before the
 * gap, and one in a fold (fall back) the earlier instant, as the server's rule.
 */
export function utcOfLocal(zone: string, civil: number): number {
  const offsetAt = (t: number) => civilAt(zone, t) - Math.floor(t / 1000) * 1000;
  // The offsets in force a day before and a day after bracket every candidate.
  const candidates = [offsetAt(civil - 86_400_000), offsetAt(civil + 86_400_000)]
    .map((o) => civil - o)
    .filter((t) => civilAt(zone, t) === civil)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0];
  return civil - offsetAt(civil - 86_400_000); // in a gap: the offset before it
}

/** [from, to) of the choice as ISO 8601 UTC times, or null when incomplete or unknown. */
export function windowOf(c: WindowChoice, zone = 'UTC'): { from: string; to: string } | null {
  try {
    if (c.kind === 'custom') {
      if (!c.from || !c.to) return null;
      const from = Date.parse(c.from + ':00Z');
      const to = Date.parse(c.to + ':00Z');
      if (Number.isNaN(from) || Number.isNaN(to)) return null;
      return { from: iso(utcOfLocal(zone, from)), to: iso(utcOfLocal(zone, to)) };
    }
    const day = new Date(c.date + 'T00:00:00Z');
    if (Number.isNaN(day.getTime())) return null;
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth();
    const d = day.getUTCDate();
    const span = (a: number, b: number) => ({ from: iso(utcOfLocal(zone, a)), to: iso(utcOfLocal(zone, b)) });
    if (c.kind === 'day') return span(Date.UTC(y, m, d), Date.UTC(y, m, d + 1));
    if (c.kind === 'week') {
      const monday = d - ((day.getUTCDay() + 6) % 7);
      return span(Date.UTC(y, m, monday), Date.UTC(y, m, monday + 7));
    }
    return span(Date.UTC(y, m, 1), Date.UTC(y, m + 1, 1));
  } catch {
    return null; // a zone the browser does not know
  }
}

/** Today's date (YYYY-MM-DD) in `zone`. */
export function todayIn(zone = 'UTC'): string {
  try {
    return new Date(civilAt(zone, Date.now())).toISOString().slice(0, 10);
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}
