// The supervisor's order list ("#/orders", filtered by state) and one order
// ("#/orders/ID") with its operations and their states, and the steps its state allows
// (release, hold, resume, cancel, close; hold and cancel need a reason).
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import type { PageProps } from '../../shared/feature';
import { errorMessage } from '../../shared/http';
import { hasPermission, hashLink } from '../../shared/session';
import { StatusBadge } from '../../shared/StatusBadge';
import { productionApi } from './api';
import { FilteredTable, useFilteredList } from './FilteredList';
import type { Order, OrderAction, OrderDetail } from './types';

const STATES = ['', 'created', 'released', 'in_progress', 'on_hold', 'completed', 'closed', 'cancelled'];

/** The steps each state allows (docs/orders-and-lots.md, "States"). */
export function allowedSteps(state: string): OrderAction[] {
  switch (state) {
    case 'created':
      return ['release', 'cancel'];
    case 'released':
      return ['hold', 'cancel'];
    case 'in_progress':
      return ['hold'];
    case 'on_hold':
      return ['resume', 'cancel'];
    case 'completed':
      return ['close'];
    default:
      return [];
  }
}
const NEEDS_REASON: OrderAction[] = ['hold', 'cancel'];

function OrderList() {
  const list = useFilteredList((state) => productionApi.orders({ state }).then((r) => r.orders));
  return (
    <FilteredTable
      list={list}
      label="State"
      values={STATES}
      selectTestId="orders-state"
      tableTestId="orders-table"
      empty="No orders."
      columns={['Order', 'Product', 'Quantity', 'Due', 'Priority', 'State']}
      row={(o: Order) => (
        <tr key={o.order_id} data-testid="order-row" data-id={o.order_id}>
          <td>
            <a href={hashLink('orders', o.order_id)}>{o.order_id}</a>
          </td>
          <td>{o.product}</td>
          <td class="num">
            {o.quantity} {o.unit}
          </td>
          <td>{o.due_date}</td>
          <td class="num">{o.priority}</td>
          <td>
            <StatusBadge status={o.state} />
          </td>
        </tr>
      )}
    />
  );
}

function OrderPage({ id, user }: { id: string; user: PageProps['user'] }) {
  const [detail, setDetail] = useState<OrderDetail | null>(null);
  const [error, setError] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const load = () =>
    productionApi
      .order(id)
      .then(setDetail)
      .catch((e) => setError(errorMessage(e)));
  useEffect(() => {
    load();
  }, [id]);
  if (!detail) return error ? <ErrorBox message={error} /> : <p class="muted">Loading...</p>;
  const o = detail.order;
  const step = async (a: OrderAction) => {
    if (NEEDS_REASON.includes(a) && !reason.trim()) return setError(`Give a reason to ${a} the order.`);
    setBusy(true);
    setError('');
    try {
      await productionApi.step(id, a, NEEDS_REASON.includes(a) ? reason.trim() : '');
      setReason('');
      await load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const steps = hasPermission(user, 'orders.manage') ? allowedSteps(o.state) : [];
  return (
    <div data-testid="order-detail" data-state={o.state}>
      <p>
        <a href={hashLink('orders')}>All orders</a>
      </p>
      <h2>
        {o.order_id} <StatusBadge status={o.state} testId="order-state" />
      </h2>
      <p>
        {o.product}: {o.quantity} {o.unit}, due {o.due_date}, priority {o.priority}
        {o.routing ? `; routing ${o.routing} v${o.routing_version}` : ''}
        {o.state_reason ? `; reason: ${o.state_reason}` : ''}
      </p>
      <ErrorBox message={error} testId="order-error" />
      {steps.length > 0 && (
        <div class="form-row">
          <label>
            Reason{' '}
            <input data-testid="order-reason" value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
          </label>
          {steps.map((a) => (
            <button key={a} class="btn" disabled={busy} data-testid={`order-${a}`} onClick={() => step(a)}>
              {a[0].toUpperCase() + a.slice(1)}
            </button>
          ))}
        </div>
      )}
      <h3>Operations</h3>
      {detail.operations.length === 0 && <p class="empty">Operations appear when the order is released.</p>}
      {detail.operations.length > 0 && (
        <table class="table" data-testid="order-operations">
          <thead>
            <tr>
              <th>Operation</th>
              <th>Work center class</th>
              <th>Work unit</th>
              <th>State</th>
              <th>Good / scrap / rework</th>
              <th>Verified by</th>
            </tr>
          </thead>
          <tbody>
            {detail.operations.map((op) => (
              <tr key={op.operation} data-testid="order-operation" data-operation={op.operation} data-state={op.state}>
                <td>
                  {op.operation} {op.name}
                </td>
                <td>{op.work_center_class}</td>
                <td>{op.work_unit ?? ''}</td>
                <td>
                  <StatusBadge status={op.state} />
                </td>
                <td class="num">
                  {op.good} / {op.scrap} / {op.rework}
                </td>
                <td>{op.verified_by ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function Orders({ user, params }: PageProps) {
  return (
    <section class="page" data-testid="page-orders">
      <div class="page-head">
        <h1>Orders</h1>
        <p class="page-sub">Work orders and the states of their operations.</p>
      </div>
      {params[0] ? <OrderPage id={params[0]} user={user} /> : <OrderList />}
    </section>
  );
}
