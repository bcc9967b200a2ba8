// A tag's trend ("#/tags/<tag>", docs/telemetry.md): its values over the last hour, shift
// or day (raw for the hour, min/max/average per minute or per 5 minutes for longer ranges,
// and compacted minutes as the server keeps them), with the low and high limits drawn and
// the points out of limits marked; a summary in words and the values as a table for those
// who do not read the chart.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import { ApiError, errorMessage } from '../../shared/http';
import { formatTime } from '../../shared/time';
import { telemetryApi } from './api';
import { TrendChart } from './Chart';
import type { Range, TrendPoint } from './trend';
import { formatValue, isGrouped, outOfLimits, pointsOf, RANGES, summarize } from './trend';
import type { Values } from './types';

async function load(tag: string, range: Range): Promise<Values> {
  const to = new Date();
  const from = new Date(to.getTime() - range.seconds * 1000);
  try {
    return await telemetryApi.values(tag, from.toISOString(), to.toISOString(), range.step);
  } catch (e) {
    // More raw values than one answer holds: ask per minute instead.
    if (range.step === 0 && e instanceof ApiError && e.status === 400)
      return telemetryApi.values(tag, from.toISOString(), to.toISOString(), 60);
    throw e;
  }
}

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
  const [range, setRange] = useState<Range>(RANGES[0]);
  const [values, setValues] = useState<Values | null>(null);
  const [error, setError] = useState('');
  const [reload, setReload] = useState(0);
  useEffect(() => {
    let live = true;
    setError('');
    load(tag, range)
      .then((v) => live && setValues(v))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [tag, range, reload]);
  const points = useMemo(() => (values ? pointsOf(values) : []), [values]);
  const unit = values?.unit ?? '';
  const s = summarize(points, values?.low ?? null, values?.high ?? null);
  const limits =
    values && (values.low !== null || values.high !== null)
      ? `limits ${formatValue(values.low, unit)} to ${formatValue(values.high, unit)}`
      : 'no limits';
  const words = values
    ? `${tag}, ${range.label.toLowerCase()}: ${s.count} values from ${formatValue(s.min, unit)} to ${formatValue(s.max, unit)}, average ${formatValue(s.avg, unit)}; ${limits}; ${s.outside} out of limits.`
    : '';
  return (
    <section class="page telemetry" data-testid="page-trend">
      <div class="page-head">
        <h1>
          Trend of <span data-testid="tr-tag">{tag}</span>
        </h1>
        <p class="page-sub">
          <a href="#/tags">All process values</a>
          {values && values.step > 0 && <> · min, max and average per {values.step >= 60 ? `${values.step / 60} min` : `${values.step} s`}</>}
        </p>
      </div>
      <div class="form-row tr-ranges" role="group" aria-label="Time range">
        {RANGES.map((r) => (
          <button
            type="button"
            key={r.id}
            class={`btn ${r.id === range.id ? 'btn-primary' : ''}`}
            aria-pressed={r.id === range.id}
            data-testid={`tr-range-${r.id}`}
            onClick={() => setRange(r)}
          >
            {r.label}
          </button>
        ))}
        <button type="button" class="btn" data-testid="tr-refresh" onClick={() => setReload((n) => n + 1)}>
          Refresh
        </button>
      </div>
      <ErrorBox message={error} testId="tr-error" />
      {!values && !error && <p class="muted">Loading...</p>}
      {values && (
        <>
          <dl class="tr-summary" data-testid="tr-summary" aria-live="polite">
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
            <TrendChart points={points} low={values.low} high={values.high} unit={unit} label={words} />
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
