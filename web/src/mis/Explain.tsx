// One figure explained (GET /api/v1/kpi/explain with drilldown): its formula, policy
// (name, version, knobs), element totals with their sources (import rows or MES ledger
// entries), and the rows behind them with their values (the drill-down's state intervals
// and counts).
import { misApi, type Explained, type Figure, type SourceRef } from './api';
import { FigureValue, KPI_LABELS } from './Figures';
import { formatSource, formatTime, roundHalfUp } from './format';
import { useApi } from './useApi';
import { SourceRows } from './SourceRows';

const within = (s: SourceRef | null, refs: SourceRef[]) =>
  !!s && refs.some((r) => r.kind === s.kind && r.file_hash === s.file_hash && s.first >= r.first && s.last <= r.last);

function Rows({ explained }: { explained: Explained }) {
  const refs = Object.values(explained.element_sources).flat();
  const units = explained.drilldown ?? [];
  const segments = units.flatMap((u) => u.segments.map((s) => ({ unit: u.work_unit, ...s }))).filter((s) => within(s.source, refs));
  const counts = units.flatMap((u) => u.counts.map((c) => ({ unit: u.work_unit, ...c }))).filter((c) => within(c.source, refs));
  return (
    <>
      <h3>State rows behind it</h3>
      {segments.length === 0 ? <p class="muted">None.</p> : (
        <div class="table-wrap">
          <table class="table" data-testid="explain-state-rows">
            <thead><tr><th scope="col">Source</th><th scope="col">Work unit</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">State</th><th scope="col">Reason</th><th scope="col">Element</th></tr></thead>
            <tbody>
              {segments.map((s, i) => (
                <tr key={i}>
                  <td class="mono" title={s.source?.file_hash}>{s.source ? formatSource(s.source) : ''}</td>
                  <td>{s.unit}</td><td class="nowrap">{formatTime(s.start)}</td><td class="nowrap">{formatTime(s.end)}</td>
                  <td>{s.state}</td><td>{s.reason}</td><td>{s.element}{s.micro_stop ? ' (micro-stop)' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Count rows behind it</h3>
      {counts.length === 0 ? <p class="muted">None.</p> : (
        <div class="table-wrap">
          <table class="table" data-testid="explain-count-rows">
            <thead><tr><th scope="col">Source</th><th scope="col">Work unit</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Product</th><th scope="col" class="num">Total</th><th scope="col" class="num">Good</th><th scope="col" class="num">Scrap</th><th scope="col" class="num">Rework</th></tr></thead>
            <tbody>
              {counts.map((c, i) => (
                <tr key={i}>
                  <td class="mono" title={c.source.file_hash}>{formatSource(c.source)}</td>
                  <td>{c.unit}</td><td class="nowrap">{formatTime(c.start)}</td><td class="nowrap">{formatTime(c.end)}</td>
                  <td>{c.product}</td><td class="num">{c.total}</td><td class="num">{c.good}</td><td class="num">{c.scrap}</td><td class="num">{c.rework}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function Explain({ figure, onClose }: { figure: Figure; onClose: () => void }) {
  const { data, error } = useApi(() => misApi.explain(figure), figure.explain);
  return (
    <section class="panel" aria-labelledby="explain-title" data-testid="explain">
      <div class="mis-panel-head">
        <h2 id="explain-title">Explain: {KPI_LABELS[figure.kpi] ?? figure.kpi} of {figure.scope || 'the plant'}</h2>
        <button type="button" class="btn btn-small" onClick={onClose}>Close</button>
      </div>
      {error && <div class="msg msg-error" role="alert">{error}</div>}
      {!data && !error && <p class="muted">Loading…</p>}
      {data && (
        <>
          <dl class="mis-facts">
            <dt>Value</dt><dd><FigureValue figure={data} /> <span class="muted mono">(exact: {String(data.value)})</span></dd>
            <dt>Formula</dt><dd class="mono" data-testid="explain-formula">{data.formula}</dd>
            <dt>Policy</dt>
            <dd data-testid="explain-policy">
              {data.policy.name} version {data.policy.version}:{' '}
              {Object.entries(data.policy.knobs).map(([k, v]) => `${k}=${v}`).join(', ')}
              {data.policy.overridden.length > 0 && ` (overridden: ${data.policy.overridden.join(', ')})`}
            </dd>
            <dt>Window</dt><dd>{formatTime(data.window.from)} – {formatTime(data.window.to)} UTC</dd>
          </dl>
          <h3>Elements</h3>
          <div class="table-wrap">
            <table class="table" data-testid="explain-elements">
              <thead><tr><th scope="col">Element</th><th scope="col" class="num">Total</th><th scope="col">Sources</th></tr></thead>
              <tbody>
                {Object.entries(data.elements).map(([k, v]) => (
                  <tr key={k}>
                    <td class="mono">{k}</td>
                    <td class="num">{roundHalfUp(v, 2)}</td>
                    <td class="mono">{(data.element_sources[k] ?? []).map(formatSource).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="muted">Times in seconds; import rows are the file's SHA-256 and its line numbers (the CSV header is line 1); ledger entries are the MES ledger's seqs.</p>
          <h3>Sources of the elements</h3>
          <SourceRows sources={data.element_sources} />
          <Rows explained={data} />
        </>
      )}
    </section>
  );
}
