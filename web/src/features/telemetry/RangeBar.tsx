// The trend's range controls: the spans ending now, a custom from/to (two LocalTimeField
// inputs in browser time, checked before anything changes: a refused range keeps the
// view and says why), and for a live view (a span, or a custom range until its To) the
// live controls (pause/resume, until when, when last updated).
import { useEffect, useState } from 'preact/hooks';
import { formatTime } from '../../shared/time';
import { LocalTimeField } from './LocalTimeField';
import type { Filled, View } from './trend';
import { customView, MAX_SPAN_DAYS, RANGES, toLocalInput } from './trend';

/** The id of the refused range's message, which the inputs point at. */
const ERROR_ID = 'tr-range-error';

interface Props {
  view: View;
  /** The window shown (epoch ms), to fill the custom inputs with. */
  shown: { from: number; to: number } | null;
  onView: (v: View) => void;
  onRefresh: () => void;
  /** The view follows the clock (see isLive in trend.ts). */
  live: boolean;
  /** Until when it does (epoch ms; Infinity for a span). */
  liveUntil: number;
  paused: boolean;
  onPaused: (paused: boolean) => void;
  /** When the shown values were read (epoch ms). */
  refreshedAt: number | null;
  everySeconds: number;
}

export function RangeBar({ view, shown, onView, onRefresh, live, liveUntil, paused, onPaused, refreshedAt, everySeconds }: Props) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState('');
  // What the inputs were filled with (text and instant): unchanged, a text keeps its instant
  // (in the hour the clock shows twice the text alone names the earlier one).
  const [filledWith, setFilledWith] = useState<{ from: Filled; to: Filled } | null>(null);
  // The inputs start from the window shown, and follow a view chosen elsewhere (a span, a link).
  const key = view.kind === 'span' ? view.range.id : `${view.from}-${view.to}`;
  const filled = shown !== null;
  useEffect(() => {
    if (!shown) return;
    // The instants to the second, as the texts show them.
    const f = { text: toLocalInput(shown.from), ms: Math.floor(shown.from / 1000) * 1000 };
    const t = { text: toLocalInput(shown.to), ms: Math.floor(shown.to / 1000) * 1000 };
    setFrom(f.text);
    setTo(t.text);
    setFilledWith({ from: f, to: t });
    setError('');
    // Only when the view changes (or its first window arrives), never while typing.
  }, [key, filled]);
  const submit = (e: Event) => {
    e.preventDefault();
    const r = customView(from, to, filledWith ?? {});
    if (r.view === null) {
      setError(r.error);
      return;
    }
    setError('');
    onView(r.view);
  };
  const until = Number.isFinite(liveUntil) ? formatTime(new Date(liveUntil).toISOString()) : '';
  const invalid = error !== '';
  const errorId = invalid ? ERROR_ID : null;
  return (
    <div class="tr-controls">
      <div class="form-row tr-ranges" role="group" aria-label="Time range">
        {RANGES.map((r) => {
          const on = view.kind === 'span' && view.range.id === r.id;
          return (
            <button type="button" key={r.id} class={`btn ${on ? 'btn-primary' : ''}`} aria-pressed={on} data-testid={`tr-range-${r.id}`} onClick={() => onView({ kind: 'span', range: r })}>
              {r.label}
            </button>
          );
        })}
        <button type="button" class="btn" data-testid="tr-refresh" onClick={onRefresh}>
          Refresh
        </button>
      </div>
      <form class="form-row tr-custom" aria-label="Custom range" noValidate onSubmit={submit} data-testid="tr-custom">
        <LocalTimeField name="From" value={from} onValue={setFrom} errorId={errorId} testId="tr-from" />
        <LocalTimeField name="To" value={to} onValue={setTo} errorId={errorId} testId="tr-to" />
        <button type="submit" class={`btn ${view.kind === 'custom' ? 'btn-primary' : ''}`} data-testid="tr-custom-show">
          Show range
        </button>
        <span class="muted tr-hint">at most {MAX_SPAN_DAYS} days</span>
      </form>
      {invalid && (
        <div class="msg msg-error" role="alert" id={ERROR_ID} data-testid="tr-range-error">
          {error} The chart still shows the previous range.
        </div>
      )}
      <div class="form-row tr-live" data-testid="tr-live" data-live={live && !paused ? 'on' : 'off'}>
        {live ? (
          <>
            <span data-testid="tr-live-status">
              {paused ? 'Live updates paused.' : until ? `Live until ${until}: updates every ${everySeconds} s.` : `Live: updates every ${everySeconds} s.`}
            </span>
            <button type="button" class="btn" data-testid="tr-live-toggle" onClick={() => onPaused(!paused)}>
              {paused ? 'Resume live updates' : 'Pause live updates'}
            </button>
          </>
        ) : (
          <span data-testid="tr-live-status">
            This range ended at {until}: not updated live (choose a span ending now, or a To still ahead, to follow new values).
          </span>
        )}
        <span class="muted" data-testid="tr-refreshed">
          {refreshedAt !== null && `Last updated ${formatTime(new Date(refreshedAt).toISOString())}`}
        </span>
      </div>
    </div>
  );
}
