// One scope (#/scope/ID): its OEE figures with "Explain", the scopes below it (a line's
// work units) with theirs, a work unit's state intervals (explain's drill-down; each
// interval's source opens to its import rows or MES ledger entries), and the
// loss waterfall and downtime Pareto.
import { useState } from 'preact/hooks';
import { misApi, type Figure, type Query } from './api';
import { FigureCells, FigureValue, KPI_LABELS, useFigures } from './Figures';
import { Explain } from './Explain';
import { LossCharts } from './LossCharts';
import { LEVEL_LABELS, ScopeLink, treeOf } from './Overview';
import { formatSeconds, formatSource, formatTime } from './format';
import { useApi } from './useApi';
import { SourceDetail } from './SourceRows';

function StateIntervals({ figure }: { figure: Figure }) {
  const { data, error } = useApi(() => misApi.explain(figure), figure.explain);
  const [open, setOpen] = useState<number | null>(null);
  if (error) return <div class="msg msg-error" role="alert">{error}</div>;
  if (!data) return <p class="muted">Loading state intervals…</p>;
  const segments = (data.drilldown ?? []).flatMap((u) => u.segments);
  return (
    <section class="panel" aria-labelledby="intervals-title">
      <h2 id="intervals-title">State intervals</h2>
      {segments.length === 0 ? <p class="muted">No state data in the window.</p> : (
        <div class="table-wrap">
          <table class="table" data-testid="intervals">
            <thead><tr><th scope="col">Start</th><th scope="col">End</th><th scope="col" class="num">Duration</th><th scope="col">State</th><th scope="col">Reason</th><th scope="col">Element</th><th scope="col">Source</th></tr></thead>
            <tbody>
              {segments.map((s, i) => (
                <tr key={i} data-testid="interval">
                  <td class="nowrap">{formatTime(s.start)}</td>
                  <td class="nowrap">{formatTime(s.end)}</td>
                  <td class="num nowrap">{formatSeconds((Date.parse(s.end) - Date.parse(s.start)) / 1000)}</td>
                  <td>{s.state}</td>
                  <td>{s.reason}</td>
                  <td class="mono">{s.element}{s.micro_stop ? ' (micro-stop)' : ''}</td>
                  <td class="mono" title={s.source?.file_hash}>
                    {s.source ? (
                      <button type="button" class="btn btn-small" aria-expanded={open === i} data-testid="interval-source"
                        onClick={() => setOpen(open === i ? null : i)}>{formatSource(s.source)}</button>
                    ) : s.element === 'outside_pot' ? 'outside planned time' : 'no row (gap)'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open !== null && segments[open]?.source && <SourceDetail key={open} source={segments[open].source!} />}
    </section>
  );
}

export function ScopePage({ query }: { query: Query }) {
  const scopes = useApi(() => misApi.scopes(), 'scopes');
  const figures = useFigures(query);
  const [explained, setExplained] = useState<string | null>(null);
  const all = scopes.data?.scopes ?? [];
  const scope = all.find((s) => s.id === query.scope);
  const children = treeOf(all, query.scope, true).filter((r) => r.depth === 0);
  const isUnit = scope ? scope.level === 'work_unit' : children.length === 0;
  const explainFigure = figures.data?.figures.find((f) => f.kpi === explained);
  const availability = figures.data?.figures.find((f) => f.kpi === 'availability');
  return (
    <div class="page mis-page">
      <nav aria-label="Breadcrumb" class="mis-nav">
        <a href="#/" data-testid="back">← All equipment</a>
        <a href={`#/trend/${encodeURIComponent(query.scope)}`} data-testid="open-trend">Trend and target</a>
        <a href={`#/quality/${encodeURIComponent(query.scope)}`} data-testid="open-quality">Data quality</a>
      </nav>
      <h1 data-testid="scope-title">
        {scope?.name || query.scope}{' '}
        <span class="muted">{scope ? LEVEL_LABELS[scope.level] ?? scope.level : 'Work unit'} {query.scope}</span>
      </h1>
      <section class="panel" aria-labelledby="figures-title">
        <h2 id="figures-title">OEE</h2>
        {figures.error && <div class="msg msg-error" role="alert">{figures.error}</div>}
        {figures.data && (
          <table class="table" data-testid="figures">
            <thead><tr><th scope="col">KPI</th><th scope="col" class="num">Value</th><th scope="col">Formula</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {figures.data.figures.map((f) => (
                <tr key={f.kpi} data-testid={`figure-${f.kpi}`}>
                  <td>{KPI_LABELS[f.kpi] ?? f.kpi}</td>
                  <td class="num nowrap"><FigureValue figure={f} /></td>
                  <td class="mono">{f.formula}</td>
                  <td class="actions">
                    <button type="button" class="btn btn-small" data-testid={`explain-${f.kpi}`}
                      aria-label={`Explain ${KPI_LABELS[f.kpi] ?? f.kpi}`} onClick={() => setExplained(f.kpi)}>
                      Explain
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {explainFigure && <Explain key={explainFigure.explain} figure={explainFigure} onClose={() => setExplained(null)} />}
      {children.length > 0 && (
        <section class="panel" aria-labelledby="children-title">
          <h2 id="children-title">{children.every((c) => c.scope.level === 'work_unit') ? 'Work units' : 'Below'}</h2>
          <table class="table" data-testid="children">
            <thead>
              <tr>
                <th scope="col">Equipment</th>
                {(figures.data?.figures ?? []).map((f) => <th scope="col" class="num" key={f.kpi}>{KPI_LABELS[f.kpi] ?? f.kpi}</th>)}
              </tr>
            </thead>
            <tbody>
              {children.map(({ scope: c }) => (
                <tr key={c.id} data-testid={`row-${c.id}`}>
                  <td><ScopeLink scope={c} /></td>
                  <FigureCells query={{ ...query, scope: c.id }} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {isUnit && availability && <StateIntervals key={availability.explain} figure={availability} />}
      <LossCharts query={query} />
    </div>
  );
}
