// The terminal's first screen: pick the work unit this terminal stands at (large targets).
import { hashLink } from '../../shared/session';
import { blockSummary } from '../dispatch';
import type { WorkUnit } from '../dispatch/types';

export function WorkUnitPicker({ units }: { units: WorkUnit[] }) {
  return (
    <ul class="term-tiles" data-testid="term-work-units">
      {units.map((u) => (
        <li key={u.id}>
          <a class="term-tile" href={hashLink('terminal', u.id)} data-testid="term-work-unit" data-id={u.id}>
            <strong>{u.id}</strong>
            <span>{u.name}</span>
            <span class="muted">
              {(u.status ?? 'status unknown').replace(/_/g, ' ')}
              {u.running ? `, running ${u.running.order_id} / ${u.running.operation}` : ''}
            </span>
            {u.equipment_block && (
              <span class={u.equipment_block.overridden ? 'muted' : 'term-blocked'} data-testid="term-work-unit-block">
                {u.equipment_block.overridden ? 'Machine ' : 'Blocked: machine '}
                {blockSummary(u.equipment_block)}
                {u.equipment_block.overridden ? ', override in effect' : ''}
              </span>
            )}
          </a>
        </li>
      ))}
    </ul>
  );
}
