// The OEE figures of one scope as table cells (GET /api/v1/kpi), each value rounded
// half-up for display only; a null figure shows its reason.
import { misApi, OEE_KPIS, type Figure, type Query } from './api';
import { formatValue } from './format';
import { useApi } from './useApi';

export function useFigures(query: Query) {
  const kpis = OEE_KPIS[query.profile] ?? OEE_KPIS.iso22400;
  return useApi(() => misApi.kpi(query, kpis), JSON.stringify(query));
}

export function FigureValue({ figure }: { figure: Figure }) {
  if (figure.value === null)
    return (
      <span class="mis-null" title={figure.null_detail} data-testid={`value-${figure.kpi}`}>
        — <span class="muted">({figure.null_reason})</span>
      </span>
    );
  return <span data-testid={`value-${figure.kpi}`}>{formatValue(figure.value, figure.unit)}</span>;
}

/** The figure cells of `query`'s scope, in the profile's order. */
export function FigureCells({ query }: { query: Query }) {
  const { data, error } = useFigures(query);
  const kpis = OEE_KPIS[query.profile] ?? OEE_KPIS.iso22400;
  if (error) return <td colSpan={kpis.length} class="msg-error">{error}</td>;
  return (
    <>
      {kpis.map((k) => {
        const f = data?.figures.find((x) => x.kpi === k);
        return <td class="num nowrap" key={k}>{f ? <FigureValue figure={f} /> : '…'}</td>;
      })}
    </>
  );
}

export const KPI_LABELS: Record<string, string> = {
  oee_index: 'OEE',
  oee: 'OEE',
  availability: 'Availability',
  effectiveness: 'Effectiveness',
  performance: 'Performance',
  quality_ratio: 'Quality ratio',
  quality: 'Quality',
};
