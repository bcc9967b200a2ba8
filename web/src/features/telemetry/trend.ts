// The pure part of the trend page: the ranges offered (the spans ending now, and a custom
// from/to), the view kept in the hash ("#/tags/<tag>?range=shift", "?from=...&to=..."),
// the window and step asked for, when a view is read again (live), the points of a values
// answer (raw values, compacted minutes and steps alike), their summary against the tag's
// limits, and the series the chart draws. No DOM here.
import type { Values } from './types';

export interface Range {
  id: 'hour' | 'shift' | 'day';
  label: string;
  seconds: number;
  /** The step asked for (seconds; 0 = the raw values). */
  step: number;
}

export const RANGES: Range[] = [
  { id: 'hour', label: 'Last hour', seconds: 3600, step: 0 },
  { id: 'shift', label: 'Last shift (8 h)', seconds: 8 * 3600, step: 60 },
  { id: 'day', label: 'Last day', seconds: 24 * 3600, step: 300 },
];

/** The longest window the server answers (docs/telemetry.md "Reading values"). */
export const MAX_SPAN_DAYS = 366;
const MAX_SPAN_MS = MAX_SPAN_DAYS * 24 * 3600 * 1000;

/** Steps for windows longer than a day: the smallest giving at most 500 points. */
const LONG_STEPS = [900, 1800, 3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600, 24 * 3600];

/**
 * The step for a window of `seconds`, as the spans ask: raw up to an hour, per minute up
 * to 8 h, per 5 minutes up to a day, then the smallest of 15 min .. 1 day giving at most
 * 500 steps (a day per step for the longest window: 366 steps).
 */
export function stepFor(seconds: number): number {
  if (seconds <= 3600) return 0;
  if (seconds <= 8 * 3600) return 60;
  if (seconds <= 24 * 3600) return 300;
  return LONG_STEPS.find((s) => seconds / s <= 500) ?? LONG_STEPS[LONG_STEPS.length - 1];
}

/** What the trend shows: a span ending now (live), or a fixed window (epoch ms). */
export type View = { kind: 'span'; range: Range } | { kind: 'custom'; from: number; to: number };

export const DEFAULT_VIEW: View = { kind: 'span', range: RANGES[0] };

/**
 * Until when a view follows the clock (epoch ms): a span for ever; a custom window until
 * its To (a shift in progress: the window stays From..To, it does not slide).
 */
export const liveUntil = (v: View) => (v.kind === 'span' ? Infinity : v.to);

/**
 * True while the view is live, `lastStart` being when its last read started (epoch ms): a
 * span always; a custom window until a read has started at or after its To (that last read
 * completes the window's tail). A window that ended before the page opened is read once
 * and is not live.
 */
export const isLive = (v: View, lastStart: number) => lastStart < liveUntil(v);

/** The window to ask for at `now` (epoch ms): a span slides to end at now. */
export interface Window {
  from: number;
  to: number;
  /** Seconds; 0 = the raw values. */
  step: number;
}

export function windowOf(v: View, now: number): Window {
  if (v.kind === 'span') return { from: now - v.range.seconds * 1000, to: now, step: v.range.step };
  return { from: v.from, to: v.to, step: stepFor((v.to - v.from) / 1000) };
}

/** The instants a range may use: 1970-01-01 to the end of 9999 (UTC), as the links and inputs write them. */
export const MIN_INSTANT = 0;
export const MAX_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const inYears = (ms: number) => Number.isFinite(ms) && ms >= MIN_INSTANT && ms <= MAX_INSTANT;

/** The range checked: why `from`..`to` (epoch ms, NaN = not a time) cannot be shown, or ''. */
export function rangeError(from: number, to: number): string {
  if (!Number.isFinite(from)) return 'From: enter a date and time.';
  if (!Number.isFinite(to)) return 'To: enter a date and time.';
  if (!inYears(from)) return 'From: enter a date and time between 1970 and 9999.';
  if (!inYears(to)) return 'To: enter a date and time between 1970 and 9999.';
  if (to <= from) return 'To must be after From.';
  if (to - from > MAX_SPAN_MS) return `The range may span at most ${MAX_SPAN_DAYS} days.`;
  return '';
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The fields of a datetime-local text when it names a date and time of the calendar (2026-02-30 does not), else null. */
function localFields(text: string): number[] | null {
  const m = LOCAL_INPUT.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  if (h > 23 || mi > 59 || s > 59) return null;
  const day = new Date(Date.UTC(2000, mo - 1, d));
  day.setUTCFullYear(y);
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return [y, mo, d, h, mi, s];
}

/**
 * "2026-12-01T10:04" (datetime-local, browser time) as epoch ms; NaN when not one, or when
 * the local clock skips that time (the spring change; see localTimeSkipped). A time the
 * clock shows twice (the autumn change) is the earlier instant.
 */
export function parseLocalInput(text: string): number {
  const f = localFields(text);
  if (!f) return NaN;
  const [y, mo, d, h, mi, s] = f;
  const date = new Date(y, mo - 1, d, h, mi, s);
  date.setFullYear(y, mo - 1, d); // years 0..99 are not 1900..1999
  // A time in the spring gap comes back moved by the change.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || date.getHours() !== h || date.getMinutes() !== mi) return NaN;
  return date.getTime();
}

/** True when the text is a date and time of the calendar that the browser's local clock skips (it jumps over it when changing to summer time). */
export function localTimeSkipped(text: string): boolean {
  return localFields(text) !== null && Number.isNaN(parseLocalInput(text));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms as a datetime-local value in browser time ("2026-12-01T10:04:05"). */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * An input filled by the page: its text and the instant it was filled from. In the hour the
 * clock shows twice the text alone would read back as the earlier instant; unchanged, it
 * keeps its own.
 */
export interface Filled {
  text: string;
  ms: number;
}

/** The instant of an input's text: the filled instant while the text is unchanged, else parseLocalInput. */
export function readLocalInput(text: string, filled?: Filled | null): number {
  if (filled && filled.text === text) return filled.ms;
  return parseLocalInput(text);
}

/** The custom range typed in the two inputs (with what the page filled them with): the view, or the message naming what is wrong. */
export function customView(
  fromText: string,
  toText: string,
  filled: { from?: Filled | null; to?: Filled | null } = {},
): { view: View; error: '' } | { view: null; error: string } {
  const from = readLocalInput(fromText, filled.from);
  const to = readLocalInput(toText, filled.to);
  for (const [field, text, ms] of [['From', fromText, from], ['To', toText, to]] as const)
    if (Number.isNaN(ms) && localTimeSkipped(text))
      return { view: null, error: `${field}: ${text.trim().replace('T', ' ')} does not exist in local time: the clock skips it when changing to summer time. Enter a time before or after the change.` };
  const error = rangeError(from, to);
  return error ? { view: null, error } : { view: { kind: 'custom', from, to }, error: '' };
}

/** The hash query of a view: "range=shift", or "from=<ISO UTC>&to=<ISO UTC>" (a link means the same instant everywhere). */
export function queryOf(v: View): string {
  if (v.kind === 'span') return `range=${v.range.id}`;
  return `from=${encodeURIComponent(new Date(v.from).toISOString())}&to=${encodeURIComponent(new Date(v.to).toISOString())}`;
}

const LINK_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An instant of a link as epoch ms: ISO 8601 with Z or an offset ("2026-12-01T08:00:00Z",
 * "...+01:00"), or epoch ms (digits); NaN for anything else (a time without an offset would
 * mean another instant in every time zone), for a date not of the calendar, and outside
 * the years 1970..9999 (see rangeError).
 */
export function instantOfLink(text: string | null): number {
  if (text === null) return NaN;
  const t = text.trim();
  if (/^\d{1,16}$/.test(t)) return Number(t);
  const m = LINK_INSTANT.exec(t);
  if (!m) return NaN;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  if (h > 23 || mi > 59 || s > 59) return NaN;
  const day = new Date(Date.UTC(2000, mo - 1, d));
  day.setUTCFullYear(y);
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return NaN;
  return Date.parse(t.toUpperCase());
}

/**
 * The view of a hash query (what follows "?"): "range=<id>", "from=&to=" (ISO 8601 with Z
 * or an offset, or epoch ms; see instantOfLink), or nothing (the last hour). A query that names no valid view gives the last
 * hour and the message saying why.
 */
export function viewOfQuery(query: string): { view: View; error: string } {
  const q = new URLSearchParams(query);
  const from = q.get('from');
  const to = q.get('to');
  if (from !== null || to !== null) {
    const f = instantOfLink(from);
    const t = instantOfLink(to);
    const error = rangeError(f, t);
    if (error) return { view: DEFAULT_VIEW, error: `The link's range cannot be shown: ${error}` };
    return { view: { kind: 'custom', from: f, to: t }, error: '' };
  }
  const id = q.get('range');
  if (id === null || id === '') return { view: DEFAULT_VIEW, error: '' };
  const range = RANGES.find((r) => r.id === id);
  if (!range) return { view: DEFAULT_VIEW, error: `The link's range cannot be shown: range must be one of ${RANGES.map((r) => r.id).join(', ')}.` };
  return { view: { kind: 'span', range }, error: '' };
}

/** What decides whether a view is read again: the page's state at the check. */
export interface ReadState {
  /** "Pause live updates" is on. */
  paused: boolean;
  /** The tab is hidden (document.visibilityState). */
  hidden: boolean;
  /** A read has started and not ended. */
  inFlight: boolean;
  /** When the last read started (epoch ms). */
  lastStart: number;
}

/**
 * The next read of a view: due `every` ms after the last one started while the view is live
 * (see isLive: a custom window is read again until a read has started at or after its To,
 * so the first read due after To is its last); never while one is in flight, paused or the
 * tab is hidden.
 */
export function refreshDue(v: View, state: ReadState, now: number, every: number): boolean {
  if (!isLive(v, state.lastStart) || state.paused || state.hidden || state.inFlight) return false;
  return now - state.lastStart >= every;
}

/** One point of the trend: a value, or a group (a compacted minute, a step) of `count`. */
export interface TrendPoint {
  /** Epoch milliseconds: the value's time, or the start of its minute or step. */
  t: number;
  /** The value, or the group's average. */
  value: number;
  min: number;
  max: number;
  count: number;
  /** A step, or a minute compacted by retention (not one raw value). */
  group: boolean;
}

export function pointsOf(v: Values): TrendPoint[] {
  if (v.step > 0)
    return v.steps
      .filter((s) => s.count > 0 && s.avg !== null && s.min !== null && s.max !== null)
      .map((s) => ({ t: Date.parse(s.from), value: s.avg as number, min: s.min as number, max: s.max as number, count: s.count, group: true }));
  return v.values.map((r) => ({ t: Date.parse(r.time), value: r.value, min: r.min ?? r.value, max: r.max ?? r.value, count: r.count ?? 1, group: r.count !== undefined }));
}

/** True when the point (or any value of its group) is below `low` or above `high`. */
export function outOfLimits(p: TrendPoint, low: number | null, high: number | null): boolean {
  return (low !== null && p.min < low) || (high !== null && p.max > high);
}

export interface Summary {
  /** Values in the window (a group counts all of its values). */
  count: number;
  min: number | null;
  max: number | null;
  avg: number | null;
  /** Points out of limits: values, or groups holding one. */
  outside: number;
  /** The latest point's value (a group: its average). */
  last: number | null;
}

export function summarize(points: TrendPoint[], low: number | null, high: number | null): Summary {
  let count = 0;
  let sum = 0;
  let min: number | null = null;
  let max: number | null = null;
  let outside = 0;
  for (const p of points) {
    count += p.count;
    sum += p.value * p.count;
    min = min === null ? p.min : Math.min(min, p.min);
    max = max === null ? p.max : Math.max(max, p.max);
    if (outOfLimits(p, low, high)) outside += 1;
  }
  return { count, min, max, avg: count > 0 ? sum / count : null, outside, last: points.length ? points[points.length - 1].value : null };
}

/** True when some point is a group (a step, a compacted minute). */
export const isGrouped = (points: TrendPoint[]) => points.some((p) => p.group);

/**
 * The chart's data, uPlot's columns: x in seconds, then the value (or average), with
 * groups the min and max of each, then the low and high limit lines (constant), and the
 * out-of-limit marks (the offending min or max, null elsewhere).
 */
export function seriesOf(points: TrendPoint[], low: number | null, high: number | null): (number | null)[][] {
  const xs = points.map((p) => p.t / 1000);
  const range = isGrouped(points) ? [points.map((p) => p.min), points.map((p) => p.max)] : [];
  return [
    xs,
    points.map((p) => p.value),
    ...range,
    points.map(() => low),
    points.map(() => high),
    points.map((p) => {
      if (high !== null && p.max > high) return p.max;
      if (low !== null && p.min < low) return p.min;
      return null;
    }),
  ];
}

/** A number as the summary shows it: up to 4 significant decimals, no trailing zeros. */
export function formatValue(v: number | null, unit = ''): string {
  if (v === null || !Number.isFinite(v)) return '-';
  const text = Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)));
  return unit ? `${text} ${unit}` : text;
}
