// A scope's KPI over time (#/trend/ID, "" = the plant): GET /api/v1/kpi/trend per day or
// per shift of the toolbar's window, drawn with the target of (scope, KPI), the points in
// a table with their explain; holders of mis.imports set or remove the target.
import { useState } from 'preact/hooks';
import { errorMessage } from '../shared/http';
import { misApi, OEE_KPIS, type MisUser, type Query } from './api';
import { KPI_LABELS } from './Figures';
import { formatTime, formatValue, parseTargetInput, roundHalfUp } from './format';
import { TrendChart } from './TrendChart';
import { useApi } from './useApi';

const MORE_KPIS = ['scrap_ratio', 'rework_ratio', 'utilization', 'teep', 'mtbf', 'mttr'];
const value = (e: Event) => (e.target as HTMLInputElement).value;

function TargetForm({ scope, kpi, unit, current, onSaved }: {
  scope: string; kpi: string; unit: string; current: number | null; onSaved: () => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      setText('');
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const save = (e: Event) => {
    e.preventDefault();
    const target = parseTargetInput(text, unit);
    if (target === null) {
      setError(`Target: expected a number${unit === '1' ? ' in percent (e.g. 85 or 85.5)' : ''}.`);
      return;
    }
    run(() => misApi.putTarget(scope, kpi, target));
  };
  return (
    <form class="mis-toolbar" aria-label="Target" onSubmit={save} data-testid="target-form">
      <label class="field">
        <span>Target{unit === '1' ? ' (%)' : unit ? ` (${unit})` : ''}</span>
        <input name="target" inputMode="decimal" value={text} onInput={(e) => setText(value(e))}
          placeholder={current === null ? '' : unit === '1' ? roundHalfUp(current, 1, 2) : String(current)} />
      </label>
      <button type="submit" class="btn" data-testid="target-save">Set target</button>
      {current !== null && (
        <button type="button" class="btn btn-danger" data-testid="target-remove"
          onClick={() => run(() => misApi.deleteTarget(scope, kpi))}>Remove target</button>
      )}
      {error && <div class="msg msg-error" role="alert">{error}</div>}
    </form>
  );
}

export function TrendPage({ query, user }: { query: Query; user: MisUser }) {
  const kpis = [...(OEE_KPIS[query.profile] ?? OEE_KPIS.iso22400), ...MORE_KPIS];
  const [chosen, setKpi] = useState('availability');
  const kpi = kpis.includes(chosen) ? chosen : 'availability'; // ids differ by profile
  const [step, setStep] = useState('day');
  const [version, setVersion] = useState(0);
  const trend = useApi(() => misApi.trend(query, kpi, step), JSON.stringify({ query, kpi, step, version }));
  const scopes = useApi(() => misApi.scopes(), 'scopes');
  const scope = scopes.data?.scopes.find((s) => s.id === query.scope);
  const name = query.scope ? scope?.name || query.scope : 'the plant';
  const t = trend.data;
  const label = KPI_LABELS[kpi] ?? kpi;
  const summary = t
    ? `${label} of ${name} per ${t.step}: ${t.points.length} points` +
      (t.target ? `; target ${formatValue(t.target.value, t.unit)}` : '; no target set')
    : '';
  return (
    <div class="page mis-page">
      <nav aria-label="Breadcrumb">
        <a href={query.scope ? `#/scope/${encodeURIComponent(query.scope)}` : '#/'} data-testid="back">← {query.scope ? name : 'All equipment'}</a>
      </nav>
      <h1 data-testid="trend-title">Trend: {label} of {name}</h1>
      <form class="mis-toolbar" aria-label="KPI and step" onSubmit={(e) => e.preventDefault()}>
        <label class="field">
          <span>KPI</span>
          <select name="kpi" value={kpi} onChange={(e) => setKpi(value(e))}>
            {kpis.map((k) => <option key={k} value={k}>{KPI_LABELS[k] ?? k}</option>)}
          </select>
        </label>
        <label class="field">
          <span>Per</span>
          <select name="step" value={step} onChange={(e) => setStep(value(e))}>
            <option value="day">Day (UTC)</option>
            <option value="shift">Shift (calendar)</option>
          </select>
        </label>
      </form>
      <section class="panel" aria-labelledby="trend-chart-title">
        <h2 id="trend-chart-title">{label} per {step === 'day' ? 'day' : 'shift'}</h2>
        {trend.error && <div class="msg msg-error" role="alert">{trend.error}</div>}
        {!t && !trend.error && <p class="muted">Loading…</p>}
        {t && (
          <>
            <p class="muted" data-testid="trend-summary">
              {summary}{t.target && ` (set by ${t.target.set_by} at ${formatTime(t.target.set_at)} UTC)`}. Formula: <span class="mono">{t.formula}</span>
            </p>
            {t.points.length === 0 ? <p class="empty">No {t.step === 'shift' ? 'shifts in the calendar' : 'days'} in the window.</p> : <TrendChart trend={t} label={summary} kpiLabel={label} />}
            {user.permissions.includes('mis.imports') && (
              <TargetForm scope={query.scope} kpi={kpi} unit={t.unit} current={t.target?.value ?? null} onSaved={() => setVersion(version + 1)} />
            )}
            <div class="table-wrap">
              <table class="table" data-testid="trend-points">
                <thead><tr><th scope="col">{t.step === 'day' ? 'Day' : 'Shift'}</th><th scope="col">From</th><th scope="col">To</th><th scope="col" class="num">{label}</th><th scope="col" class="num">Target</th></tr></thead>
                <tbody>
                  {t.points.map((p) => (
                    <tr key={p.from} data-testid="trend-point">
                      <td>{p.label}</td>
                      <td class="nowrap">{formatTime(p.from)}</td>
                      <td class="nowrap">{formatTime(p.to)}</td>
                      <td class="num nowrap" data-testid="trend-value">{p.value === null ? `— (${p.null_reason})` : formatValue(p.value, t.unit)}</td>
                      <td class="num nowrap">{t.target ? formatValue(t.target.value, t.unit) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
