// The data quality report's cross-checks (GET /api/v1/data-quality's `issues`): ERP
// orders against the MES's, downtime without a reason, rows the imports refused; each
// with its subject, time, what is wrong and its sources, which open to their rows.
import { useState } from 'preact/hooks';
import { misApi, type Query } from './api';
import { formatSource, formatTime } from './format';
import { SourceDetail } from './SourceRows';
import { useApi } from './useApi';

/** What each kind of issue means (docs/mis.md, "Data quality"). */
export const ISSUE_LABELS: Record<string, string> = {
  erp_order_not_in_mes: 'An ERP order the MES has no order for',
  mes_order_not_in_erp: 'An MES order in no imported ERP file',
  order_quantity_mismatch: 'ERP and MES quantities of an order differ',
  unassigned_downtime: 'Downtime without a reason',
  import_row_refused: 'A row an import refused',
};

export function CrossChecks({ query }: { query: Query }) {
  const { data, error } = useApi(() => misApi.dataQuality(query), 'dq' + JSON.stringify(query));
  const [open, setOpen] = useState<string | null>(null);
  const issues = data?.issues ?? [];
  const opened = open === null ? null : issues.flatMap((f, i) => f.sources.map((s, j) => ({ key: `${i}:${j}`, s }))).find((x) => x.key === open);
  return (
    <section class="panel" aria-labelledby="checks-title">
      <h2 id="checks-title">Cross-checks</h2>
      {error && <div class="msg msg-error" role="alert">{error}</div>}
      {!data && !error && <p class="muted">Loading…</p>}
      {data && issues.length === 0 && <p class="empty" data-testid="checks-none">No issues: ERP and MES orders agree, every downtime has a reason, and no import row was refused.</p>}
      {issues.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="cross-checks">
            <thead><tr><th scope="col">Kind</th><th scope="col">Subject</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">What is wrong</th><th scope="col">Sources</th></tr></thead>
            <tbody>
              {issues.map((issue, i) => (
                <tr key={i} data-testid={`issue-${issue.kind}`}>
                  <td>{ISSUE_LABELS[issue.kind] ?? issue.kind}</td>
                  <td class="mono">{issue.subject}</td>
                  <td class="nowrap">{issue.start ? formatTime(issue.start) : ''}</td>
                  <td class="nowrap">{issue.end ? formatTime(issue.end) : ''}</td>
                  <td>{issue.detail}</td>
                  <td>
                    {issue.sources.map((s, j) => (
                      <button type="button" class="btn btn-small" key={j} aria-expanded={open === `${i}:${j}`}
                        onClick={() => setOpen(open === `${i}:${j}` ? null : `${i}:${j}`)}>{formatSource(s)}</button>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {opened && <SourceDetail key={opened.key} source={opened.s} />}
    </section>
  );
}
