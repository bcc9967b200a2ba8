// The operations waiting at one work unit, most urgent first; each opens its operation screen.
import { hashLink } from '../../shared/session';
import { StatusBadge } from '../../shared/StatusBadge';
import type { DispatchEntry, WorkUnit } from './dispatchSource';

export function DispatchList({ unit, entries }: { unit: WorkUnit; entries: DispatchEntry[] }) {
  if (entries.length === 0) {
    return (
      <p class="empty" data-testid="term-dispatch-empty">
        Nothing to run on {unit.id} now.
      </p>
    );
  }
  return (
    <ol class="term-tiles" data-testid="term-dispatch">
      {entries.map((e) => (
        <li key={`${e.order_id}/${e.operation}`}>
          <a
            class="term-tile"
            href={hashLink('terminal', unit.id, e.order_id, e.operation)}
            data-testid="term-entry"
            data-order={e.order_id}
            data-operation={e.operation}
          >
            <strong>
              {e.position}. {e.order_id} / {e.operation} {e.name}
            </strong>
            <span>
              {e.product}: {e.planned_quantity} {e.unit}, priority {e.priority}, due {e.due_date}
            </span>
            <StatusBadge status={e.state} />
          </a>
        </li>
      ))}
    </ol>
  );
}
