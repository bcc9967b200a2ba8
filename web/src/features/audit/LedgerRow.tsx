// One audit-trail (ledger) row; clicking it expands the full record: payload JSON,
// origin, reason, signatures, previous hash and hash.
import { Fragment } from 'preact';
import { formatLocal } from '../../shared/time';
import type { LedgerEntry } from './types';

interface Props {
  entry: LedgerEntry;
  expanded: boolean;
  onToggle: () => void;
}

function subjectText(e: LedgerEntry): string {
  if (!e.subject) return '—';
  return `${e.subject.kind} ${e.subject.id}` + (e.subject.version > 1 ? ` v${e.subject.version}` : '');
}

export function LedgerRow({ entry, expanded, onToggle }: Props) {
  const onKey = (ev: KeyboardEvent) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      onToggle();
    }
  };
  return (
    <Fragment>
      <tr
        class={expanded ? 'ledger-row expanded' : 'ledger-row'}
        onClick={onToggle}
        onKeyDown={onKey}
        tabIndex={0}
        aria-expanded={expanded}
        data-testid="ledger-row"
        data-seq={entry.seq}
        data-type={entry.type}
      >
        <td class="num">{entry.seq}</td>
        <td class="mono nowrap">
          <time dateTime={entry.time} title={entry.time}>
            {formatLocal(entry.time)}
          </time>
        </td>
        <td class="mono">{entry.type}</td>
        <td>
          {entry.actor}
          {entry.role ? <span class="muted"> ({entry.role})</span> : null}
        </td>
        <td>{subjectText(entry)}</td>
        <td class="ellipsis">{entry.reason ?? ''}</td>
      </tr>
      {expanded && (
        <tr class="ledger-detail" data-testid="ledger-detail">
          <td colSpan={6}>
            <dl class="detail-grid">
              <dt>Time (UTC)</dt>
              <dd class="mono">{entry.time}</dd>
              <dt>Origin</dt>
              <dd data-testid="ledger-origin">
                {entry.origin ? (
                  <>
                    {entry.origin.address}
                    {entry.origin.terminal ? ` · station ${entry.origin.terminal}` : ''}
                    {entry.origin.session != null ? ` · session of entry ${entry.origin.session}` : ''}
                  </>
                ) : (
                  <span class="muted">not recorded (written before release 0.2)</span>
                )}
              </dd>
              <dt>Schema version</dt>
              <dd>{entry.schema_version}</dd>
              {entry.reason != null && (
                <>
                  <dt>Reason</dt>
                  <dd>{entry.reason}</dd>
                </>
              )}
              <dt>Payload</dt>
              <dd>
                <pre class="json" data-testid="ledger-payload">
                  {JSON.stringify(entry.payload, null, 2)}
                </pre>
              </dd>
              <dt>Signatures</dt>
              <dd>
                {entry.signatures && entry.signatures.length > 0 ? (
                  <pre class="json">{JSON.stringify(entry.signatures, null, 2)}</pre>
                ) : (
                  <span class="muted">none</span>
                )}
              </dd>
              <dt>Previous hash</dt>
              <dd class="mono hash" data-testid="ledger-prev-hash">{entry.prev_hash}</dd>
              <dt>Hash</dt>
              <dd class="mono hash" data-testid="ledger-hash">{entry.hash}</dd>
            </dl>
          </td>
        </tr>
      )}
    </Fragment>
  );
}
