// One qualification grant with its status today; a grant not yet revoked can be revoked
// with a reason (POST /personnel/qualifications/{seq}/revoke). The server's refusal
// (e.g. already_revoked, or revoking one's own grant) is shown as is.
import { useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { formatLocal } from '../../shared/time';
import { personnelApi } from './api';
import type { Grant } from './types';

interface Props {
  grant: Grant;
  qualificationName?: string;
  onRevoked: () => void;
}

const STATUS_CLASS: Record<string, string> = { valid: 'status-on', expired: 'status-off', revoked: 'status-off' };

export function GrantRow({ grant, qualificationName, onRevoked }: Props) {
  const [revoking, setRevoking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('A reason is required.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await personnelApi.revoke(grant.seq, reason.trim());
      setRevoking(false);
      setReason('');
      onRevoked();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const granted = new Date(grant.time_us / 1000).toISOString();
  return (
    <tr data-testid="grant-row" data-qualification={grant.qualification} data-status={grant.status} data-seq={grant.seq}>
      <td class="num">{grant.seq}</td>
      <td>
        <span class="mono">{grant.qualification}</span>
        {qualificationName && <span class="muted"> · {qualificationName}</span>}
      </td>
      <td class="nowrap">{grant.expires ?? 'does not expire'}</td>
      <td>
        <span class={`status ${STATUS_CLASS[grant.status] ?? ''}`} data-testid="grant-status">
          {grant.status}
        </span>
      </td>
      <td class="nowrap">
        {grant.granted_by}, {formatLocal(granted)}
      </td>
      <td class="actions">
        {grant.status !== 'revoked' && !revoking && (
          <button type="button" class="btn btn-small btn-danger" onClick={() => setRevoking(true)} data-testid="grant-revoke">
            Revoke
          </button>
        )}
        {revoking && (
          <form class="inline-form" onSubmit={submit} data-testid="revoke-form">
            <input
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
              placeholder="Reason"
              required
              autoFocus
              data-testid="revoke-reason"
            />
            <button type="submit" class="btn btn-small btn-danger" disabled={busy} data-testid="revoke-confirm">
              Confirm
            </button>
            <button type="button" class="btn btn-small btn-ghost" onClick={() => setRevoking(false)}>
              Cancel
            </button>
            {error && (
              <div class="msg msg-error" data-testid="revoke-error">
                {error}
              </div>
            )}
          </form>
        )}
      </td>
    </tr>
  );
}
