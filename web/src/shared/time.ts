// Time formatting: every time in the UI is shown one way, local date and time with the
// UTC offset spelled out ("2026-11-25 10:04:05 UTC+01:00", formatTime); and conversion
// of <input type="datetime-local"> values to ISO UTC for API filters.

function pad(n: number, width = 2): string {
  return String(Math.trunc(Math.abs(n))).padStart(width, '0');
}

/** Parses a server timestamp (RFC 3339, possibly with microseconds). */
export function parseTime(iso: string): Date {
  // Trim sub-millisecond digits so every engine parses it the same way.
  const trimmed = iso.replace(/(\.\d{3})\d+/, '$1');
  return new Date(trimmed);
}

/** The one time format: "2026-11-25 10:04:05 UTC+01:00" in the browser's time zone. */
export function formatTime(iso: string): string {
  const d = parseTime(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const offMin = -d.getTimezoneOffset();
  const sign = offMin >= 0 ? '+' : '-';
  const off = `UTC${sign}${pad(offMin / 60)}:${pad(offMin % 60)}`;
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${off}`
  );
}

/** Same as formatTime (kept for its callers). */
export function formatLocal(iso: string): string {
  return formatTime(iso);
}

/** Converts a datetime-local value ("2026-11-25T10:04") to ISO UTC, or undefined if empty. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value); // datetime-local values without zone parse as local time
  if (Number.isNaN(d.getTime())) return undefined;
  return d.toISOString();
}

/** Server microseconds since the epoch in the one format (see formatTime); "—" when absent. */
export function formatMicros(us: number | null | undefined): string {
  if (us == null) return '—';
  return formatTime(new Date(Math.floor(us / 1000)).toISOString());
}

/** A signature's date and time for its manifestation: the one format (see formatTime). */
export function formatSignatureTime(iso: string): string {
  return formatTime(iso);
}
