// A tag's trend ("#/tags/<tag>", docs/telemetry.md): its values over the last hour, shift
// or day, or a custom from/to (raw for an hour or less, min/max/average per step for
// longer ranges, and compacted minutes as the server keeps them), with the low and high
// limits drawn and the points out of limits marked; a summary in words and the values as
// a table for those who do not read the chart. A span ending now follows the clock: it is
// read again every 5 s (one request at a time; not while paused or the tab is hidden); so
// is a custom range whose To is still ahead (its window fixed), until one last read after To.
// The view is kept in the hash ("?range=shift", "?from=...&to=...") for reloads and links.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import { ApiError, errorMessage } from '../../shared/http';
import { hashLink } from '../../shared/session';
import { formatTime } from '../../shared/time';
import { telemetryApi } from './api';
import { TrendChart } from './Chart';
import { RangeBar } from './RangeBar';
import type { TrendPoint, View, Window } from './trend';
import { formatValue, isGrouped, isLive, liveUntil, outOfLimits, pointsOf, queryOf, refreshDue, summarize, viewOfQuery, windowOf } from './trend';
import type { Values } from './types';

/** How often a live view is read again. */
const REFRESH_MS = 5000;

/** The reason the server gives when a window holds more raw values than one answer (docs/telemetry.md "Reading values"). */
const TOO_MANY_VALUES = 'too_many_values';

/**
 * Reads the window; raw values (step 0) that are more than one answer holds (400
 * too_many_values, nothing else) are asked for again per minute, and `perMinute` says so.
 * With `perMinute` already set the raw values are not asked for.
 */
async function load(tag: string, w: Window, perMinute: boolean, signal: AbortSignal): Promise<{ values: Values; perMinute: boolean }> {
  const from = new Date(w.from).toISOString();
  const to = new Date(w.to).toISOString();
  if (w.step === 0 && perMinute) return { values: await telemetryApi.values(tag, from, to, 60, signal), perMinute };
  try {
    return { values: await telemetryApi.values(tag, from, to, w.step, signal), perMinute: false };
  } catch (e) {
    if (w.step === 0 && e instanceof ApiError && e.status === 400 && e.problem.reason === TOO_MANY_VALUES)
      return { values: await telemetryApi.values(tag, from, to, 60, signal), perMinute: true };
    throw e;
  }
}

const hashQuery = () => window.location.hash.split('?')[1] ?? '';
const viewKey = (v: View) => (v.kind === 'span' ? v.range.id : `${v.from}-${v.to}`);
const iso = (ms: number) => new Date(ms).toISOString();

function ValuesTable({ points, values, unit }: { points: TrendPoint[]; values: Values; unit: string }) {
  // Steps, or compacted minutes among the raw values: each row is a group.
  const grouped = isGrouped(points);
  return (
    <table class="table" data-testid="tr-table">
      <caption class="muted">
        {points.length} {grouped ? 'groups' : 'values'} {unit && `in ${unit}`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">{grouped ? 'Average' : 'Value'}</th>
          {grouped && <th scope="col">Min</th>}
          {grouped && <th scope="col">Max</th>}
          {grouped && <th scope="col">Count</th>}
          <th scope="col">Limits</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p, i) => {
          const out = outOfLimits(p, values.low, values.high);
          return (
            <tr key={i} class={out ? 'tr-out' : ''}>
              <td>{formatTime(new Date(p.t).toISOString())}</td>
              <td class="tr-num">{formatValue(p.value)}</td>
              {grouped && <td class="tr-num">{formatValue(p.min)}</td>}
              {grouped && <td class="tr-num">{formatValue(p.max)}</td>}
              {grouped && <td class="tr-num">{p.count}</td>}
              <td>{out ? <strong>out of limits</strong> : 'within'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function Trend({ tag }: { tag: string }) {
  // The view comes from the hash; choosing one sets the hash (a history entry).
  const [query, setQuery] = useState(hashQuery);
  useEffect(() => {
    const onHash = () => setQuery(hashQuery());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const { view, error: linkError } = useMemo(() => viewOfQuery(query), [query]);
  const key = viewKey(view);
  // What the shown data must belong to (another view's of the same tag is kept until its answer is in or its read fails).
  const shownKey = `${tag}|${key}`;
  const choose = (v: View) => {
    window.location.hash = `${hashLink('tags', tag)}?${queryOf(v)}`;
  };

  // What is shown: the values, the window they were read for and the view it belongs to.
  // A refresh replaces them only when the answer is in (no blank chart in between).
  const [data, setData] = useState<{ values: Values; window: Window; tag: string; key: string; at: number } | null>(null);
  const [error, setError] = useState('');
  const [reload, setReload] = useState(0);
  const [paused, setPaused] = useState(false);
  // A read in flight (the page is aria-busy meanwhile).
  const [reading, setReading] = useState(false);
  // When the last read of which tag and view started: a custom range is live until one starts at or after its To.
  const [started, setStarted] = useState<{ key: string; at: number } | null>(null);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  // The tag and view whose raw values were too many: its live reads ask per minute directly.
  const perMinuteFor = useRef('');
  useEffect(() => {
    const ctrl = new AbortController();
    let inFlight = false;
    let lastStart = 0;
    const read = async () => {
      inFlight = true;
      setReading(true);
      lastStart = Date.now();
      setStarted({ key: shownKey, at: lastStart });
      const w = windowOf(view, lastStart);
      try {
        const r = await load(tag, w, perMinuteFor.current === shownKey, ctrl.signal);
        if (ctrl.signal.aborted) return;
        perMinuteFor.current = r.perMinute ? shownKey : '';
        setData({ values: r.values, window: w, tag, key: shownKey, at: Date.now() });
        setError('');
      } catch (e) {
        if (ctrl.signal.aborted) return;
        setError(errorMessage(e));
        // Another tag's or view's values are not kept once this one's read failed.
        setData((d) => (d && d.key !== shownKey ? null : d));
      } finally {
        inFlight = false;
        if (!ctrl.signal.aborted) setReading(false);
      }
    };
    read();
    // A live view: checked every second, read again when due (see refreshDue); the check
    // stops once the view is no longer live (a custom range read after its To).
    const timer = isLive(view, lastStart)
      ? window.setInterval(() => {
          if (!isLive(view, lastStart)) {
            window.clearInterval(timer);
            return;
          }
          const state = { paused: pausedRef.current, hidden: document.visibilityState === 'hidden', inFlight, lastStart };
          if (refreshDue(view, state, Date.now(), REFRESH_MS)) read();
        }, 1000)
      : 0;
    return () => {
      window.clearInterval(timer);
      ctrl.abort();
      setReading(false);
    };
    // `view` and `shownKey` are keyed by `key` and `tag`.
  }, [tag, key, reload]);

  const current = data && data.key === shownKey ? data : null;
  // What is shown: the current tag and view's values, or while a new view of the same tag
  // loads, the previous view's (labelled with their own window); never another tag's.
  const kept = data && data.tag === tag ? data : null;
  const values = kept?.values ?? null;
  const points = useMemo(() => (values ? pointsOf(values) : []), [values]);
  const unit = values?.unit ?? '';
  const s = summarize(points, values?.low ?? null, values?.high ?? null);
  const limits =
    values && (values.low !== null || values.high !== null)
      ? `limits ${formatValue(values.low, unit)} to ${formatValue(values.high, unit)}`
      : 'no limits';
  const label =
    current && view.kind === 'span'
      ? view.range.label.toLowerCase()
      : kept
        ? `${formatTime(iso(kept.window.from))} to ${formatTime(iso(kept.window.to))}`
        : '';
  const words = values
    ? `${tag}, ${label}: ${s.count} values from ${formatValue(s.min, unit)} to ${formatValue(s.max, unit)}, average ${formatValue(s.avg, unit)}; ${limits}; ${s.outside} out of limits.`
    : '';
  // Live until a read of this view starts at or after its end (before its first read: as of now).
  const following = isLive(view, started && started.key === shownKey ? started.at : Date.now());
  const live = following && !paused;
  return (
    <section class="page telemetry" data-testid="page-trend" aria-busy={reading} data-view={key} data-shown={current ? 'ready' : 'loading'}>
      <div class="page-head">
        <h1>
          Trend of <span data-testid="tr-tag">{tag}</span>
        </h1>
        <p class="page-sub">
          <a href="#/tags">All process values</a>
          {kept && (
            <span data-testid="tr-window">
              {' '}
              · {formatTime(iso(kept.window.from))} to {formatTime(iso(kept.window.to))}
            </span>
          )}
          {values && values.step > 0 && <> · min, max and average per {values.step >= 60 ? `${values.step / 60} min` : `${values.step} s`}</>}
          {kept && !current && <span class="muted"> · loading the new range...</span>}
        </p>
      </div>
      <RangeBar
        view={view}
        shown={current ? current.window : null}
        onView={choose}
        onRefresh={() => setReload((n) => n + 1)}
        live={following}
        liveUntil={liveUntil(view)}
        paused={paused}
        onPaused={setPaused}
        refreshedAt={kept?.at ?? null}
        everySeconds={REFRESH_MS / 1000}
      />
      <ErrorBox message={linkError} testId="tr-link-error" />
      <ErrorBox message={error} testId="tr-error" />
      {!values && !error && <p class="muted">Loading...</p>}
      {values && (
        <>
          <dl class="tr-summary" data-testid="tr-summary" aria-live={live ? 'off' : 'polite'}>
            <div>
              <dt>Values</dt>
              <dd data-testid="tr-count">{s.count}</dd>
            </div>
            <div>
              <dt>Min</dt>
              <dd data-testid="tr-min">{formatValue(s.min, unit)}</dd>
            </div>
            <div>
              <dt>Max</dt>
              <dd data-testid="tr-max">{formatValue(s.max, unit)}</dd>
            </div>
            <div>
              <dt>Average</dt>
              <dd data-testid="tr-avg">{formatValue(s.avg, unit)}</dd>
            </div>
            <div>
              <dt>Latest</dt>
              <dd data-testid="tr-last">{formatValue(s.last, unit)}</dd>
            </div>
            <div>
              <dt>Limits</dt>
              <dd data-testid="tr-limits">
                {formatValue(values.low, unit)} to {formatValue(values.high, unit)}
              </dd>
            </div>
            <div class={s.outside > 0 ? 'tr-alert' : ''}>
              <dt>Out of limits</dt>
              <dd data-testid="tr-outside">{s.outside}</dd>
            </div>
          </dl>
          {points.length === 0 ? (
            <p class="muted" data-testid="tr-empty">
              No values in this range.
            </p>
          ) : (
            <TrendChart points={points} low={values.low} high={values.high} unit={unit} label={words} window={kept?.window ?? null} />
          )}
          <details class="tr-details">
            <summary data-testid="tr-table-toggle">Values as a table</summary>
            <ValuesTable points={points} values={values} unit={unit} />
          </details>
        </>
      )}
    </section>
  );
}
