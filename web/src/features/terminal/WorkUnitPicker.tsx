// The terminal's first screen: pick the work unit this terminal stands at (large targets).
import { hashLink } from '../../shared/session';
import type { WorkUnit } from './dispatchSource';

export function WorkUnitPicker({ units }: { units: WorkUnit[] }) {
  return (
    <ul class="term-tiles" data-testid="term-work-units">
      {units.map((u) => (
        <li key={u.id}>
          <a class="term-tile" href={hashLink('terminal', u.id)} data-testid="term-work-unit" data-id={u.id}>
            <strong>{u.id}</strong>
            <span>{u.name}</span>
            <span class="muted">{u.status || 'status unknown'}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
