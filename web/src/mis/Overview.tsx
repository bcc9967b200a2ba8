// The OEE overview: the equipment hierarchy (GET /api/v1/scopes) down to the lines
// (work centers), each with its OEE figures; a scope's name opens it (#/scope/ID).
import { misApi, OEE_KPIS, type Query, type Scope } from './api';
import { FigureCells, KPI_LABELS } from './Figures';
import { useApi } from './useApi';

/** The scopes in tree order with their depth; work units only when `withUnits` or roots. */
export function treeOf(scopes: Scope[], root: string, withUnits: boolean): { scope: Scope; depth: number }[] {
  const out: { scope: Scope; depth: number }[] = [];
  const ids = new Set(scopes.map((s) => s.id));
  const walk = (parent: string, depth: number) => {
    for (const s of scopes) {
      const isChild = parent === '' ? s.parent === '' || !ids.has(s.parent) : s.parent === parent;
      if (!isChild || s.id === parent) continue;
      // A work unit outside the hierarchy (brownfield data) is a root: always listed.
      if (s.level === 'work_unit' && !withUnits && depth > 0) continue;
      out.push({ scope: s, depth });
      walk(s.id, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

export const LEVEL_LABELS: Record<string, string> = {
  enterprise: 'Enterprise',
  site: 'Site',
  area: 'Area',
  work_center: 'Line',
  work_unit: 'Work unit',
};

export function ScopeLink({ scope }: { scope: Scope }) {
  return (
    <a href={`#/scope/${encodeURIComponent(scope.id)}`} data-testid={`scope-${scope.id}`}>
      {scope.name || scope.id}
    </a>
  );
}

export function Overview({ query }: { query: Query }) {
  const scopes = useApi(() => misApi.scopes(), 'scopes');
  const kpis = OEE_KPIS[query.profile] ?? OEE_KPIS.iso22400;
  const rows = scopes.data ? treeOf(scopes.data.scopes, '', false) : [];
  return (
    <section class="panel" aria-labelledby="overview-title">
      <div class="mis-panel-head">
        <h1 id="overview-title">OEE by equipment</h1>
        <span class="mis-nav">
          <a href="#/trend/" data-testid="plant-trend">Trend of the plant</a>
          <a href="#/quality/" data-testid="plant-quality">Data quality of the plant</a>
        </span>
      </div>
      {scopes.error && <div class="msg msg-error" role="alert">{scopes.error}</div>}
      {scopes.data && rows.length === 0 && (
        <p class="empty">No equipment yet: import the `equipment` kind (docs/mis-imports.md).</p>
      )}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="overview">
            <thead>
              <tr>
                <th scope="col">Equipment</th>
                <th scope="col">Level</th>
                {kpis.map((k) => <th scope="col" class="num" key={k}>{KPI_LABELS[k] ?? k}</th>)}
              </tr>
            </thead>
            <tbody>
              <tr data-testid="row-plant">
                <td>Plant (all)</td>
                <td class="muted">—</td>
                <FigureCells query={{ ...query, scope: '' }} />
              </tr>
              {rows.map(({ scope, depth }) => (
                <tr key={scope.id} data-testid={`row-${scope.id}`}>
                  <td class={`depth-${Math.min(depth, 4)}`}><ScopeLink scope={scope} /></td>
                  <td class="muted">{LEVEL_LABELS[scope.level] ?? scope.level}</td>
                  <FigureCells query={{ ...query, scope: scope.id }} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
