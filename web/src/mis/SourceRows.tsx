// The rows a figure's elements name, each range opened on demand with the rows' values:
// import rows (file hash, line range; GET /api/v1/imports/{hash}/rows) and MES ledger
// entries (seq range; GET /api/v1/feed/entries).
import { useState } from 'preact/hooks';
import { MAX_ROWS, misApi, type SourceRef } from './api';
import { formatSource } from './format';
import { LedgerRows } from './LedgerRows';
import { useApi } from './useApi';

function RowsOf({ source }: { source: SourceRef }) {
  const { data, error } = useApi(() => misApi.importRows(source), JSON.stringify(source));
  if (error) return <div class="msg msg-error" role="alert">{error}</div>;
  if (!data) return <p class="muted">Loading rows…</p>;
  return (
    <div class="table-wrap">
      <table class="table" data-testid="source-rows">
        <caption class="mis-caption">
          {data.kind} file {data.file_hash}
          {source.last - source.first >= MAX_ROWS ? ` (the first ${MAX_ROWS} rows)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num">Row</th>
            {data.columns.map((c) => <th scope="col" key={c}>{c}</th>)}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.row}>
              <td class="num">{r.row}</td>
              {data.columns.map((c) => <td key={c}>{r.values[c] ?? ''}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The rows of one source, whatever its kind. */
export function SourceDetail({ source }: { source: SourceRef }) {
  return source.kind === 'ledger' ? <LedgerRows source={source} /> : <RowsOf source={source} />;
}

export function SourceRows({ sources }: { sources: Record<string, SourceRef[]> }) {
  const [open, setOpen] = useState<string | null>(null);
  const unique = new Map<string, SourceRef>();
  for (const list of Object.values(sources))
    for (const s of list) unique.set(`${s.kind}:${s.file_hash ?? ''}:${s.first}:${s.last}`, s);
  if (unique.size === 0) return <p class="muted">No rows.</p>;
  return (
    <div class="mis-sources">
      <ul class="mis-source-list">
        {[...unique.entries()].map(([key, s]) => (
          <li key={key}>
            <button type="button" class="btn btn-small" aria-expanded={open === key}
              data-testid="show-source" onClick={() => setOpen(open === key ? null : key)}>
              {formatSource(s)}
            </button>
          </li>
        ))}
      </ul>
      {open && unique.get(open) && <SourceDetail key={open} source={unique.get(open)!} />}
    </div>
  );
}
