// Objects of one kind as a table: id (link to the object page), name, status,
// effective version and the latest version with its state.
import { hashLink } from '../../shared/session';
import { StatusBadge } from '../../shared/StatusBadge';
import type { ObjectRow } from './types';

interface Props {
  rows: ObjectRow[];
}

export function ObjectList({ rows }: Props) {
  return (
    <div class="table-wrap">
      <table class="table" data-testid="object-table">
        <thead>
          <tr>
            <th>ID</th>
            <th>Name</th>
            <th>Status</th>
            <th class="num">Effective</th>
            <th>Latest</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="object-row" data-id={r.id}>
              <td class="mono">
                <a href={hashLink('masterdata', r.kind, r.id)} data-testid="object-link">
                  {r.id}
                </a>
              </td>
              <td>{r.name}</td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td class="num">{r.effective_version != null ? `v${r.effective_version}` : '—'}</td>
              <td>
                v{r.latest_version}{' '}
                {r.latest_version !== r.effective_version && <StatusBadge status={r.latest_state} />}
              </td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={5} class="empty" data-testid="object-empty">
                No objects.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
