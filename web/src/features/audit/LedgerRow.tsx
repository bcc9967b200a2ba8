// One audit-trail (ledger) row: time, the event type by its label, actor, the subject
// as a link to its record; clicking it expands the full record: the payload in words
// (old -> new), origin, reason, signatures, previous hash and hash.
import { Fragment } from 'preact';
import { hashLink } from '../../shared/session';
import { formatTime } from '../../shared/time';
import { humanize, kindLabel } from '../masterdata';
import type { KindDef } from '../masterdata/types';
import { eventLabel } from './labels';
import { PayloadView } from './PayloadView';
import type { LedgerEntry, LedgerSubject } from './types';

interface Props {
  entry: LedgerEntry;
  expanded: boolean;
  onToggle: () => void;
  /** The master data kinds table (labels subjects and payload paths). */
  kinds: KindDef[];
  /** The reader may open the users page (user.manage). */
  canManageUsers: boolean;
}

/** Where the subject's record is shown, or null when it has no page. */
export function subjectHref(s: LedgerSubject, kinds: KindDef[], canManageUsers: boolean): string | null {
  if (kinds.some((k) => k.kind === s.kind)) {
    return s.kind === 'site_settings' || s.kind === 'signature_policy' ? hashLink('configuration') : hashLink('masterdata', s.kind, s.id);
  }
  switch (s.kind) {
    case 'change_request':
      return hashLink('change-requests', s.id);
    case 'site':
      return hashLink('configuration');
    case 'audit_review':
      return hashLink('audit-reviews');
    case 'logbook_entry':
      return hashLink('logbook');
    case 'user':
    case 'credential':
      return canManageUsers ? hashLink('users') : null;
    default:
      return null;
  }
}

function subjectText(s: LedgerSubject, kinds: KindDef[]): string {
  const known = kinds.some((k) => k.kind === s.kind);
  const kind = known ? kindLabel(kinds, s.kind) : humanize(s.kind);
  return `${kind} ${s.id}` + (s.version > 1 ? ` v${s.version}` : '');
}

function Subject({ entry, kinds, canManageUsers }: { entry: LedgerEntry; kinds: KindDef[]; canManageUsers: boolean }) {
  const s = entry.subject;
  if (!s) return <>—</>;
  const href = subjectHref(s, kinds, canManageUsers);
  const label = subjectText(s, kinds);
  if (!href) return <span title={`${s.kind} ${s.id}`}>{label}</span>;
  return (
    <a href={href} title={`${s.kind} ${s.id}`} onClick={(e) => e.stopPropagation()} data-testid="ledger-subject-link">
      {label}
    </a>
  );
}

export function LedgerRow({ entry, expanded, onToggle, kinds, canManageUsers }: Props) {
  const onKey = (ev: KeyboardEvent) => {
    // Keys on the subject link inside the row are the link's.
    if (ev.target !== ev.currentTarget) return;
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
            {formatTime(entry.time)}
          </time>
        </td>
        <td title={entry.type} data-testid="ledger-event">
          {eventLabel(entry.type)}
        </td>
        <td>
          {entry.actor}
          {entry.role ? <span class="muted"> ({entry.role})</span> : null}
        </td>
        <td>
          <Subject entry={entry} kinds={kinds} canManageUsers={canManageUsers} />
        </td>
        <td class="ellipsis">{entry.reason ?? ''}</td>
      </tr>
      {expanded && (
        <tr class="ledger-detail" data-testid="ledger-detail">
          <td colSpan={6}>
            <dl class="detail-grid">
              <dt>Event type</dt>
              <dd class="mono">{entry.type}</dd>
              <dt>Time as recorded (UTC)</dt>
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
                <PayloadView entry={entry} kinds={kinds} />
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
