// The trace's nodes as a table (the graph's accessible equivalent): each with its depth,
// material, status, quantity, producing order and how it connects; the id opens the trace
// from that node.
import type { Trace } from './types';
import { edgeLabel, quantityText } from './layout';

interface Props {
  trace: Trace;
  linkTo: (nodeId: string) => string;
}

export function NodeTable({ trace, linkTo }: Props) {
  const backward = trace.direction === 'backward';
  const via = (id: string) =>
    trace.edges
      .filter((e) => (backward ? e.parent === id : e.child === id))
      .map((e) => `${edgeLabel(e)} ${backward ? 'into' : 'from'} ${backward ? e.child : e.parent}`)
      .join('; ');
  return (
    <div class="table-wrap">
      <table class="table" data-testid="genealogy-table">
        <caption class="gen-caption">
          {backward ? 'Backward' : 'Forward'} trace from {trace.start}: {trace.nodes.length} nodes
        </caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Depth</th>
            <th scope="col">Material</th>
            <th scope="col">Status</th>
            <th scope="col">Quantity</th>
            <th scope="col">Order</th>
            <th scope="col">{backward ? 'Went into' : 'Came from'}</th>
          </tr>
        </thead>
        <tbody>
          {trace.nodes.map((n) => (
            <tr key={n.id} data-testid="genealogy-row" data-id={n.id}>
              <td>
                <a href={linkTo(n.id)}>{n.id}</a>
              </td>
              <td class="num">{n.depth}</td>
              <td>{n.material ?? (n.known ? '' : 'not a known lot or order')}</td>
              <td>{n.status ?? ''}</td>
              <td class="num">{quantityText(n.quantity, n.base_unit)}</td>
              <td>{n.order_id ?? ''}</td>
              <td>{via(n.id)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
