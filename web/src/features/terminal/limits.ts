// Instant in/out feedback on a process parameter or a characteristic while the operator
// types: the same comparison the server makes (execution's domain: a value equal to a
// limit is inside), worded for the shop floor. The server's answer stays the record;
// this only tells the operator before they press Record.

export interface Limits {
  low?: number | null;
  high?: number | null;
  target?: number | null;
  unit?: string;
  critical?: boolean;
}

export type LimitState = 'empty' | 'invalid' | 'in' | 'low' | 'high';

export interface LimitFeedback {
  state: LimitState;
  // One sentence for the operator, e.g. "Above the high limit 170 rpm: a deviation is needed".
  text: string;
}

// Parses what the operator typed: a decimal number with a point or a comma, or nothing.
export function parseEntry(raw: string): number | null | 'invalid' {
  const t = raw.trim().replace(',', '.');
  if (t === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return 'invalid';
  const n = Number(t);
  return Number.isFinite(n) ? n : 'invalid';
}

function withUnit(value: number, unit?: string): string {
  return unit ? `${value} ${unit}` : String(value);
}

// The limits as one phrase: "130 to 170 rpm", "at least 5 kg", "at most 0.5 %", "no limits".
export function describeLimits(l: Limits): string {
  const has = (v: number | null | undefined): v is number => typeof v === 'number';
  if (has(l.low) && has(l.high)) return `${l.low} to ${withUnit(l.high, l.unit)}`;
  if (has(l.low)) return `at least ${withUnit(l.low, l.unit)}`;
  if (has(l.high)) return `at most ${withUnit(l.high, l.unit)}`;
  return 'no limits';
}

export function evaluate(raw: string, l: Limits): LimitFeedback {
  const v = parseEntry(raw);
  if (v === null) return { state: 'empty', text: `Expected ${describeLimits(l)}` };
  if (v === 'invalid') return { state: 'invalid', text: 'Not a number: type digits, e.g. 150 or 0.45' };
  const consequence = l.critical
    ? 'a critical parameter: the operation cannot be completed until a deviation is dispositioned'
    : 'it will be recorded as an exception';
  if (typeof l.low === 'number' && v < l.low)
    return { state: 'low', text: `Below the low limit ${withUnit(l.low, l.unit)}: ${consequence}` };
  if (typeof l.high === 'number' && v > l.high)
    return { state: 'high', text: `Above the high limit ${withUnit(l.high, l.unit)}: ${consequence}` };
  return { state: 'in', text: `Within limits (${describeLimits(l)})` };
}
