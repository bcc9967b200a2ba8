// The production lists' common part: a list loaded again whenever its state filter
// changes (useFilteredList), shown as a state select above a table, with "No ..." when
// empty and the load error in a box (FilteredTable). Orders and lots use it.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import { errorMessage } from '../../shared/http';

export interface FilteredList<T> {
  filter: string;
  setFilter: (value: string) => void;
  items: T[] | null;
  error: string;
  /** Loads the list again with the filter as it is (after a change made on the page). */
  reload: () => void;
}

/** `load` answers the list for a filter value ('' for all). */
export function useFilteredList<T>(load: (filter: string) => Promise<T[]>): FilteredList<T> {
  const [filter, setFilter] = useState('');
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState('');
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load(filter)
      .then((list) => current && (setItems(list), setError('')))
      .catch((e) => current && setError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [filter, round]);
  return { filter, setFilter, items, error, reload: () => setRound((r) => r + 1) };
}

interface Props<T> {
  list: FilteredList<T>;
  /** The select's label ("Status", "State") and its values ('' shown as "all"). */
  label: string;
  values: string[];
  selectTestId: string;
  tableTestId: string;
  /** Shown when the list is empty, e.g. "No lots." */
  empty: string;
  columns: string[];
  row: (item: T) => ComponentChildren;
  /** Between the filter and the table (e.g. a notice). */
  children?: ComponentChildren;
}

export function FilteredTable<T>({ list, label, values, selectTestId, tableTestId, empty, columns, row, children }: Props<T>) {
  return (
    <div>
      <label>
        {label}{' '}
        <select data-testid={selectTestId} value={list.filter} onChange={(e) => list.setFilter((e.target as HTMLSelectElement).value)}>
          {values.map((v) => (
            <option key={v} value={v}>
              {v || 'all'}
            </option>
          ))}
        </select>
      </label>
      <ErrorBox message={list.error} />
      {children}
      {list.items && list.items.length === 0 && <p class="empty">{empty}</p>}
      {list.items && list.items.length > 0 && (
        <table class="table" data-testid={tableTestId}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>{list.items.map(row)}</tbody>
        </table>
      )}
    </div>
  );
}
