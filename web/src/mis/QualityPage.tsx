// Data quality of a scope and window (#/quality/ID, "" = the plant): the cross-checks
// (CrossChecks.tsx), then the KPI engine's findings (GET /api/v1/kpi's `findings`: gaps, overlapping states, counts outside
// states, missing cycle times, ...), how many of each kind, and each with its work unit,
// time, what the engine did, and its sources, which open to their rows.
import { useState } from 'preact/hooks';
import { misApi, OEE_KPIS, type Query } from './api';
import { CrossChecks } from './CrossChecks';
import { formatSource, formatTime } from './format';
import { SourceDetail } from './SourceRows';
import { useApi } from './useApi';

const SHOWN = 500;

/** What each kind of finding means (docs/kpi.md, data quality). */
export const FINDING_LABELS: Record<string, string> = {
  gap: 'Gap: no state data in planned busy time',
  offline: 'Offline: the work unit sent no data',
  overlapping_states: 'Overlapping state intervals',
  count_outside_states: 'Counts outside any state interval',
  count_mismatch: 'Counts do not add up (good + scrap + rework ≠ total)',
  negative_count: 'Negative count',
  missing_cycle_time: 'Missing ideal cycle time',
  running_outside_planned_time: 'Running outside planned time',
  running_in_planned_stop: 'Running during a planned stop',
  no_shift_calendar: 'No shift calendar',
  bad_interval: 'Interval whose end is not after its start',
};

export function QualityPage({ query }: { query: Query }) {
  const kpis = OEE_KPIS[query.profile] ?? OEE_KPIS.iso22400;
  const { data, error } = useApi(() => misApi.kpi(query, kpis), JSON.stringify(query));
  const scopes = useApi(() => misApi.scopes(), 'scopes');
  const [open, setOpen] = useState<string | null>(null);
  const name = query.scope ? scopes.data?.scopes.find((s) => s.id === query.scope)?.name || query.scope : 'the plant';
  const findings = data?.findings ?? [];
  const byKind = new Map<string, number>();
  for (const f of findings) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  const opened = open === null ? null : findings.flatMap((f, i) => f.sources.map((s, j) => ({ key: `${i}:${j}`, s }))).find((x) => x.key === open);
  return (
    <div class="page mis-page">
      <nav aria-label="Breadcrumb">
        <a href={query.scope ? `#/scope/${encodeURIComponent(query.scope)}` : '#/'} data-testid="back">← {query.scope ? name : 'All equipment'}</a>
      </nav>
      <h1 data-testid="quality-title">Data quality of {name}</h1>
      {error && <div class="msg msg-error" role="alert">{error}</div>}
      {!data && !error && <p class="muted">Loading…</p>}
      <CrossChecks query={query} />
      {data && findings.length === 0 && <p class="empty" data-testid="quality-none">No findings: the engine found nothing to flag in this window.</p>}
      {findings.length > 0 && (
        <>
          <section class="panel" aria-labelledby="kinds-title">
            <h2 id="kinds-title">Findings by kind</h2>
            <table class="table" data-testid="finding-kinds">
              <thead><tr><th scope="col">Kind</th><th scope="col" class="num">Findings</th></tr></thead>
              <tbody>
                {[...byKind.entries()].sort((a, b) => b[1] - a[1]).map(([kind, n]) => (
                  <tr key={kind} data-testid={`kind-${kind}`}><td>{FINDING_LABELS[kind] ?? kind} <span class="muted mono">({kind})</span></td><td class="num">{n}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
          <section class="panel" aria-labelledby="findings-title">
            <h2 id="findings-title">Findings{findings.length > SHOWN ? ` (the first ${SHOWN} of ${findings.length})` : ''}</h2>
            <div class="table-wrap">
              <table class="table" data-testid="findings">
                <thead><tr><th scope="col">Kind</th><th scope="col">Work unit</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">What the engine did</th><th scope="col">Sources</th></tr></thead>
                <tbody>
                  {findings.slice(0, SHOWN).map((f, i) => (
                    <tr key={i} data-testid="finding">
                      <td class="mono">{f.kind}</td><td>{f.work_unit}</td>
                      <td class="nowrap">{formatTime(f.start)}</td><td class="nowrap">{formatTime(f.end)}</td>
                      <td>{f.detail}</td>
                      <td>
                        {f.sources.map((s, j) => (
                          <button type="button" class="btn btn-small" key={j} aria-expanded={open === `${i}:${j}`} data-testid="finding-source"
                            onClick={() => setOpen(open === `${i}:${j}` ? null : `${i}:${j}`)}>{formatSource(s)}</button>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {opened && <SourceDetail key={opened.key} source={opened.s} />}
          </section>
        </>
      )}
    </div>
  );
}
