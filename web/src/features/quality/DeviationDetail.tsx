// One deviation ("#/quality/deviations/ID"): every field, the investigation notes, the
// signed dispositions with their signature manifestations (printed name, meaning, date
// and time with the UTC offset, from the ledger's signature.applied entries), and its
// history from the ledger (audit.read). Quality investigates and signs the disposition
// here; the lots it blocks are released on the lot page (production), linked.
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import type { PageProps } from '../../shared/feature';
import { errorMessage } from '../../shared/http';
import { hasPermission, hashLink } from '../../shared/session';
import { StatusBadge } from '../../shared/StatusBadge';
import { formatMicros, formatSignatureTime } from '../../shared/time';
import { qualityApi } from './api';
import { Disposition } from './Disposition';
import { Investigation } from './Investigation';
import { dispositionLabel, eventLabel, meaningLabel, sourceLabel } from './labels';
import type { Deviation, DispositionReply, HistoryEntry } from './types';

function historyText(e: HistoryEntry): string {
  const p = e.payload as Record<string, unknown>;
  switch (e.type) {
    case 'deviations.deviation_opened':
      return `${p.classification} deviation opened (${sourceLabel(String(p.source))}): ${p.title}`;
    case 'deviations.deviation_updated':
      return Object.entries(p)
        .filter(([k]) => k !== 'id')
        .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${String(v)}`)
        .join('; ');
    case 'signature.applied':
      return `${p.printed_name} signed (${meaningLabel(String(p.meaning))})`;
    case 'deviations.disposition_signed':
      return `${dispositionLabel(String(p.disposition))}${p.comment ? `: ${p.comment}` : ''}`;
    case 'deviations.deviation_closed':
      return 'every disposition needed is signed';
    default:
      return '';
  }
}

export function DeviationDetail({ id, user }: { id: string; user: PageProps['user'] }) {
  const [d, setD] = useState<Deviation | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const mayAudit = hasPermission(user, 'audit.read');
  const loadHistory = () => {
    if (mayAudit)
      qualityApi
        .history(id)
        .then(setHistory)
        .catch(() => setHistory(null));
  };
  useEffect(() => {
    setD(null);
    setError('');
    qualityApi
      .deviation(id)
      .then(setD)
      .catch((e) => setError(errorMessage(e)));
    loadHistory();
  }, [id]);

  if (!d) return error ? <ErrorBox message={error} testId="deviation-error" /> : <p class="muted">Loading...</p>;
  const manifestation = (seq: number) => history?.find((e) => e.seq === seq && e.type === 'signature.applied');
  const updated = (next: Deviation) => {
    setD(next);
    loadHistory();
  };
  const signed = (reply: DispositionReply) => {
    updated(reply.deviation);
    setNotice(
      reply.second_signature_required
        ? `First signature recorded. ${d.id} is critical: it needs a second quality signature by another person (not the author).`
        : `${d.id} dispositioned and closed.`,
    );
  };
  const open = d.state === 'open';

  return (
    <div class="deviation-detail" data-testid="deviation-detail" data-id={d.id} data-state={d.state}>
      <p>
        <a href={hashLink('quality', 'deviations')}>All deviations</a>
      </p>
      <h2>
        {d.id} <span class={`class-badge class-${d.classification}`} data-testid="deviation-classification">{d.classification}</span>{' '}
        <StatusBadge status={d.state} testId="deviation-state" />
      </h2>
      <ErrorBox message={notice} kind="success" testId="deviation-notice" />
      <dl class="detail-grid" data-testid="deviation-fields">
        <dt>Title</dt>
        <dd data-testid="deviation-title">{d.title}</dd>
        <dt>Order</dt>
        <dd>
          {hasPermission(user, 'orders.read') ? <a href={hashLink('orders', d.order_id)}>{d.order_id}</a> : d.order_id}
          {d.operation ? ` operation ${d.operation}` : ''}
        </dd>
        <dt>Lots</dt>
        <dd data-testid="deviation-lots">
          {d.lots.length === 0 ? '—' : d.lots.join(', ')}
          {d.lots.length > 0 && hasPermission(user, 'lots.read') && (
            <Fragment>
              {' '}
              (<a href={hashLink('lots')}>lot release</a>
              {open ? ': blocked while this deviation is open' : ''})
            </Fragment>
          )}
        </dd>
        <dt>Source</dt>
        <dd>
          {sourceLabel(d.source)}
          {d.exception_seq ? ` (ledger entry ${d.exception_seq})` : ''}
        </dd>
        <dt>Blocks completion</dt>
        <dd data-testid="deviation-blocks">{d.blocks_completion ? 'yes: the operation cannot complete while it is open' : 'no'}</dd>
        <dt>Opened</dt>
        <dd>
          {formatMicros(d.opened_us)} by {d.author}
        </dd>
        {d.closed_us > 0 && (
          <Fragment>
            <dt>Closed</dt>
            <dd>{formatMicros(d.closed_us)}</dd>
          </Fragment>
        )}
        <dt>Description</dt>
        <dd class="pre-wrap">{d.description || '—'}</dd>
        <dt>Root cause</dt>
        <dd data-testid="deviation-root-cause">{d.root_cause || 'not yet known'}</dd>
        <dt>CAPA</dt>
        <dd data-testid="deviation-capa">{d.capa || '—'}</dd>
        <dt>Signatures</dt>
        <dd>
          {d.dispositions.length} of {d.signatures_needed}
        </dd>
      </dl>

      <h3>Investigation notes</h3>
      {d.notes.length === 0 ? (
        <p class="empty">No notes yet.</p>
      ) : (
        <ul class="quality-notes" data-testid="deviation-notes">
          {d.notes.map((n, i) => (
            <li key={i} data-testid="deviation-note">
              <span class="muted">
                {formatMicros(n.time_us)} {n.actor}:
              </span>{' '}
              {n.text}
            </li>
          ))}
        </ul>
      )}

      <h3>Dispositions</h3>
      {d.dispositions.length === 0 ? (
        <p class="empty">No disposition signed yet.</p>
      ) : (
        <ul class="sig-list" data-testid="deviation-dispositions">
          {d.dispositions.map((x) => {
            const m = manifestation(x.signature_seq);
            return (
              <li key={x.signature_seq} class="sig" data-testid="deviation-disposition" data-signer={x.signer} data-disposition={x.disposition}>
                <div class="sig-main">
                  <strong>{dispositionLabel(x.disposition)}</strong>
                  <span class="sig-name" data-testid="signature-name">
                    {m ? String(m.payload.printed_name) : x.signer}
                  </span>
                  <span class="sig-meaning">{meaningLabel(m ? String(m.payload.meaning) : 'dispositioned')}</span>
                  <time class="sig-time mono">{m ? formatSignatureTime(m.time) : formatMicros(x.time_us)}</time>
                </div>
                <div class="sig-meta muted">
                  signed by <span class="mono">{x.signer}</span> · signature entry {x.signature_seq}
                  {x.comment ? ` · ${x.comment}` : ''}
                </div>
              </li>
            );
          })}
        </ul>
      )}

      {open && hasPermission(user, 'deviations.manage') && <Investigation key={d.id} deviation={d} onUpdated={updated} />}
      {open && hasPermission(user, 'deviations.disposition') && (
        <Disposition key={`${d.id}-${d.dispositions.length}`} deviation={d} user={user} onSigned={signed} />
      )}

      {history && (
        <Fragment>
          <h3>History (ledger)</h3>
          <table class="table table-compact" data-testid="deviation-history">
            <thead>
              <tr>
                <th>Entry</th>
                <th>Time</th>
                <th>Who</th>
                <th>What</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {history.map((e) => (
                <tr key={e.seq} data-testid="history-entry" data-type={e.type}>
                  <td class="num">{e.seq}</td>
                  <td class="mono">{formatSignatureTime(e.time)}</td>
                  <td>
                    {e.actor} ({e.role})
                  </td>
                  <td>{eventLabel(e.type)}</td>
                  <td>{historyText(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Fragment>
      )}
    </div>
  );
}
