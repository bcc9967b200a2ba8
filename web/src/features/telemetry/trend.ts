// The pure part of the trend page: the ranges offered, the points of a values answer
// (raw values, compacted minutes and steps alike), their summary against the tag's limits,
// and the series the chart draws. No DOM here.
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
