// What a change request does, counted per kind: objects added, changed and removed,
// with a total row. A kind's name filters the item list to that kind.
import type { ChangeRequestItem, KindDef } from './types';
import { kindLabel } from './kinds';
import { summarize } from './review';

interface Props {
  items: ChangeRequestItem[];
  kinds: KindDef[];
  /** The kind the item list is filtered to ('' = all). */
  filter: string;
  onFilter: (kind: string) => void;
}

export function ChangeRequestSummary({ items, kinds, filter, onFilter }: Props) {
  const rows = summarize(items);
  if (rows.length === 0) return null;
  const total = rows.reduce((t, r) => ({ added: t.added + r.added, changed: t.changed + r.changed, removed: t.removed + r.removed }), {
    added: 0,
    changed: 0,
    removed: 0,
  });
  const cell = (n: number, testId: string) => (
    <td class={n ? 'num' : 'num muted'} data-testid={testId}>
      {n}
    </td>
  );
  return (
    <div class="table-wrap">
      <table class="table table-compact cr-summary" data-testid="cr-summary">
        <caption class="visually-hidden">Objects added, changed and removed, per kind</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col" class="num">Added</th>
            <th scope="col" class="num">Changed</th>
            <th scope="col" class="num">Removed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.kind} data-testid="cr-summary-row" data-kind={r.kind} class={filter === r.kind ? 'selected' : undefined}>
              <th scope="row">
                <button
                  type="button"
                  class="link-button"
                  aria-pressed={filter === r.kind}
                  onClick={() => onFilter(filter === r.kind ? '' : r.kind)}
                  title={filter === r.kind ? 'Show every kind' : 'Show only this kind'}
                  data-testid="cr-summary-kind"
                >
                  {kindLabel(kinds, r.kind)}
                </button>
              </th>
              {cell(r.added, 'cr-summary-added')}
              {cell(r.changed, 'cr-summary-changed')}
              {cell(r.removed, 'cr-summary-removed')}
            </tr>
          ))}
        </tbody>
        {rows.length > 1 && (
          <tfoot>
            <tr data-testid="cr-summary-total">
              <th scope="row">All ({items.length})</th>
              {cell(total.added, 'cr-summary-added')}
              {cell(total.changed, 'cr-summary-changed')}
              {cell(total.removed, 'cr-summary-removed')}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
