// The work unit's dispatch list (GET /work-units/{id}/dispatch, followed live): the
// operations it may run, in the order to take them, each with the reason it is there
// (the work center's rule, or a supervisor's move). Each opens its operation screen.
import { hashLink } from '../../shared/session';
import { StatusBadge } from '../../shared/StatusBadge';
import type { DispatchList as List } from '../dispatch/types';

export function DispatchList({ list }: { list: List }) {
  if (list.entries.length === 0) {
    return (
      <p class="empty" data-testid="term-dispatch-empty">
        Nothing to run on {list.work_unit} now.
      </p>
    );
  }
  return (
    <ol class="term-tiles term-dispatch" data-testid="term-dispatch">
      {list.entries.map((e) => (
        <li key={`${e.order_id}/${e.operation}`}>
          <a
            class="term-tile"
            href={hashLink('terminal', list.work_unit, e.order_id, e.operation)}
            data-testid="term-entry"
            data-order={e.order_id}
            data-operation={e.operation}
            data-position={e.position}
            data-state={e.state}
            data-moved={e.moved ? 'true' : 'false'}
          >
            <strong>
              {e.position}. {e.order_id} / {e.operation} {e.name}
            </strong>
            <span>
              {e.product}: {e.planned_quantity} {e.unit}, priority {e.priority}, due {e.due_date}
            </span>
            <span class="term-why" data-testid="term-entry-reason">
              Why here: {e.reason}
            </span>
            <StatusBadge status={e.state} />
          </a>
        </li>
      ))}
    </ol>
  );
}
