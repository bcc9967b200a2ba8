// Field-by-field differences (path, old, new) between two versions of an object.
import type { Change } from './types';
import { formatDiffValue } from './kinds';

interface Props {
  changes: Change[];
  testId?: string;
}

export function DiffTable({ changes, testId = 'diff-table' }: Props) {
  if (changes.length === 0) {
    return <div class="muted" data-testid={`${testId}-empty`}>No differences.</div>;
  }
  return (
    <div class="table-wrap">
      <table class="table diff-table" data-testid={testId}>
        <thead>
          <tr>
            <th>Field</th>
            <th>Old</th>
            <th>New</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.path} data-testid="diff-row" data-path={c.path}>
              <td class="mono">{c.path}</td>
              <td class="diff-old" data-testid="diff-old">
                {formatDiffValue(c.old)}
              </td>
              <td class="diff-new" data-testid="diff-new">
                {formatDiffValue(c.new)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
