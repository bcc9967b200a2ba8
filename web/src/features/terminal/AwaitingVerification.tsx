// Operations completed on this work unit that wait for their second-person verification.
// They are on no dispatch list (nothing more runs there until verified), so the terminal
// lists them apart, from the orders API: operations of in-progress orders in state
// completed, performed on this unit, whose routing asks for a second person. Loaded again
// whenever the unit's dispatch list changes (`version`), e.g. after a completion.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { hashLink } from '../../shared/session';
import { ErrorBox } from '../../shared/ErrorBox';
import { productionApi } from '../production/api';
import type { Order, PinnedOperation } from '../production/types';

interface Waiting {
  order: Order;
  op: PinnedOperation;
}

async function loadWaiting(workUnit: string): Promise<Waiting[]> {
  const { orders } = await productionApi.orders({ state: 'in_progress' });
  const details = await Promise.all(orders.map((o) => productionApi.order(o.order_id)));
  return details
    .flatMap((d) => d.operations.map((op) => ({ order: d.order, op })))
    .filter(({ op }) => op.state === 'completed' && op.work_unit === workUnit && !!op.spec?.second_person_verification)
    .sort((a, b) => (a.op.completed ?? '').localeCompare(b.op.completed ?? ''));
}

export function AwaitingVerification({ workUnit, version }: { workUnit: string; version: number }) {
  const [waiting, setWaiting] = useState<Waiting[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    let current = true;
    loadWaiting(workUnit)
      .then((w) => current && (setWaiting(w), setError('')))
      .catch((e) => current && setError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [workUnit, version]);
  if (!waiting.length && !error) return null;
  return (
    <section aria-labelledby="term-awaiting-heading" data-testid="term-awaiting">
      <h2 id="term-awaiting-heading">Waiting for second-person verification</h2>
      <ErrorBox message={error} />
      <ul class="term-tiles">
        {waiting.map(({ order, op }) => (
          <li key={`${order.order_id}/${op.operation}`}>
            <a
              class="term-tile"
              href={hashLink('terminal', workUnit, order.order_id, op.operation)}
              data-testid="term-awaiting-entry"
              data-order={order.order_id}
              data-operation={op.operation}
            >
              <strong>
                {order.order_id} / {op.operation} {op.name}
              </strong>
              <span>
                {order.product}: good {op.good}, scrap {op.scrap}, rework {op.rework} {order.unit}
              </span>
              <span class="muted">Another qualified person verifies it with a signature.</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
