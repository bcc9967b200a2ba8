// Change requests as a table (newest first): id link, title, state, revision,
// author, created, approvals x/y.
import { hashLink } from '../../shared/session';
import { formatMicros } from '../../shared/time';
import { StatusBadge } from '../../shared/StatusBadge';
import type { ChangeRequest } from './types';

interface Props {
  rows: ChangeRequest[];
  loading: boolean;
}

export function ChangeRequestTable({ rows, loading }: Props) {
  return (
    <div class="table-wrap">
      <table class="table" data-testid="cr-table">
        <thead>
          <tr>
            <th>ID</th>
            <th>Title</th>
            <th>State</th>
            <th class="num">Rev.</th>
            <th>Author</th>
            <th>Created</th>
            <th>Approvals</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((cr) => (
            <tr key={cr.id} data-testid="cr-row" data-id={cr.id}>
              <td class="mono nowrap">
                <a href={hashLink('change-requests', cr.id)} data-testid="cr-link">
                  {cr.id}
                </a>
              </td>
              <td>{cr.title}</td>
              <td>
                <StatusBadge status={cr.state} />
              </td>
              <td class="num">{cr.revision}</td>
              <td class="mono">{cr.author}</td>
              <td class="mono nowrap">{formatMicros(cr.created_us)}</td>
              <td>
                {cr.approvals}/{cr.approvals_required}
              </td>
            </tr>
          ))}
          {!loading && rows.length === 0 && (
            <tr>
              <td colSpan={7} class="empty" data-testid="cr-empty">
                No change requests.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
