// Display of the API's exact values: rounding half-up (away from zero) on the number's
// shortest decimal form, as the JSON carries it; nothing else is computed here.

/** `value` × 10^shift rounded half-up to `decimals` digits, as text ("81.3"). */
export function roundHalfUp(value: number, decimals: number, shift = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const negative = value < 0;
  const [mantissa, expText] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  // value = digits × 10^(exp - (digits.length - 1)); keep `decimals` fractional digits.
  const scale = Number(expText) + shift - (digits.length - 1) + decimals;
  let n: bigint;
  if (scale >= 0) {
    n = BigInt(digits) * 10n ** BigInt(scale);
  } else {
    const keep = digits.length + scale;
    const next = keep >= 0 && keep < digits.length ? Number(digits[keep]) : 0;
    n = keep > 0 ? BigInt(digits.slice(0, keep)) : 0n;
    if (next >= 5) n += 1n;
  }
  let text = n.toString().padStart(decimals + 1, '0');
  if (decimals > 0) text = text.slice(0, -decimals) + '.' + text.slice(-decimals);
  return (negative && n !== 0n ? '-' : '') + text;
}

/** A fraction as a percentage with one decimal ("81.3 %"), or the time / count. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === '1') return `${roundHalfUp(value, 1, 2)} %`;
  if (unit === 's') return formatSeconds(value);
  return roundHalfUp(value, 2);
}

/** Seconds as "1 h 02 min" / "12 min 30 s" (rounded half-up to the second). */
export function formatSeconds(seconds: number): string {
  const s = Number(roundHalfUp(seconds, 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min${r ? ` ${String(r).padStart(2, '0')} s` : ''}`;
  return `${r} s`;
}

/** A UTC time of the API ("2026-03-02T06:00:00Z") as "2026-03-02 06:00:00". */
export function formatTime(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');
}

/** The rows of a source: "a1b2c3d4… row 6" or "rows 6–9"; "ledger entry 12" or "ledger entries 12–14". */
export function formatSource(s: { kind: string; file_hash?: string; first: number; last: number }): string {
  if (s.kind === 'ledger') return s.first === s.last ? `ledger entry ${s.first}` : `ledger entries ${s.first}–${s.last}`;
  const rows = s.first === s.last ? `row ${s.first}` : `rows ${s.first}–${s.last}`;
  return `${(s.file_hash ?? '').slice(0, 12)}… ${rows}`;
}

/**
 * A number typed by the user in the KPI's display form as the value in its unit: a
 * percentage ("85" or "85.5") for a fraction (unit "1") becomes 0.85 (by moving the
 * decimal point in the text: no binary arithmetic), else the number as typed. null when
 * the text is not a decimal number.
 */
export function parseTargetInput(text: string, unit: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(unit === '1' ? `${t}e-2` : t);
  return Number.isFinite(n) ? n : null;
}
