// Inline form of a user row: grant a role the user does not hold (never to oneself) or
// revoke one they hold, always with a reason (POST /users/{id}/roles and
// /users/{id}/roles/{role}/revoke). The server refuses a user's last role and the last
// admin's admin role; its message is shown as is.
import { useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { accessApi } from './api';
import { ROLES, type User } from './types';

interface Props {
  user: User;
  isSelf: boolean;
  onChanged: (user: User) => void;
  onClose: () => void;
}

export function RoleForm({ user, isSelf, onChanged, onClose }: Props) {
  const grantable = isSelf ? [] : ROLES.filter((r) => !user.roles.includes(r));
  const options = [
    ...grantable.map((r) => ({ value: `grant:${r}`, label: `Grant ${r}` })),
    ...user.roles.map((r) => ({ value: `revoke:${r}`, label: `Revoke ${r}` })),
  ];
  const [action, setAction] = useState(options[0]?.value ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('A reason is required.');
      return;
    }
    const [verb, role] = action.split(':');
    setBusy(true);
    setError(null);
    try {
      const res =
        verb === 'grant'
          ? await accessApi.grantRole(user.id, role, reason.trim())
          : await accessApi.revokeRole(user.id, role, reason.trim());
      onChanged(res.user);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="inline-form" onSubmit={submit} data-testid="role-form">
      <select value={action} onChange={(e) => setAction(e.currentTarget.value)} data-testid="role-action">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <input
        value={reason}
        onInput={(e) => setReason(e.currentTarget.value)}
        placeholder="Reason"
        required
        autoFocus
        data-testid="role-reason"
      />
      <button type="submit" class="btn btn-small" disabled={busy || !action} data-testid="role-confirm">
        Confirm
      </button>
      <button type="button" class="btn btn-small btn-ghost" onClick={onClose}>
        Cancel
      </button>
      {isSelf && <div class="msg">Another admin grants your roles.</div>}
      {error && (
        <div class="msg msg-error" data-testid="role-error">
          {error}
        </div>
      )}
    </form>
  );
}
