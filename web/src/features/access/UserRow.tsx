// One row of the user table, with a "Roles" action (grant or revoke a role with a
// reason, RoleForm), a "Reset password" action (a one-time password with a reason,
// ResetPasswordForm; not for oneself: the header's "Change password" is) and a "Disable" action that asks for a reason
// (POST /users/{id}/disable). Accounts are never deleted.
import { useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { accessApi } from './api';
import { ResetPasswordForm } from './ResetPasswordForm';
import { RoleForm } from './RoleForm';
import type { User } from './types';

interface Props {
  user: User;
  isSelf: boolean;
  onChanged: (user: User) => void;
}

export function UserRow({ user, isSelf, onChanged }: Props) {
  const [disabling, setDisabling] = useState(false);
  const [editingRoles, setEditingRoles] = useState(false);
  const [resetting, setResetting] = useState(false);
  const idle = !disabling && !editingRoles && !resetting;
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
      const res = await accessApi.disableUser(user.id, reason.trim());
      setDisabling(false);
      setReason('');
      onChanged(res.user);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr class={user.disabled ? 'user-row disabled' : 'user-row'} data-testid="user-row" data-name={user.name}>
      <td class="num">{user.id}</td>
      <td class="mono">{user.name}</td>
      <td>{user.display_name}</td>
      <td>
        {user.roles.map((r) => (
          <span key={r} class="role-badge role-badge-small">
            {r}
          </span>
        ))}
      </td>
      <td>
        {user.disabled ? <span class="status status-off">Disabled</span> : <span class="status status-on">Active</span>}
      </td>
      <td class="actions">
        {!user.disabled && idle && (
          <button type="button" class="btn btn-small" onClick={() => setEditingRoles(true)} data-testid="user-roles">
            Roles
          </button>
        )}
        {editingRoles && (
          <RoleForm user={user} isSelf={isSelf} onChanged={onChanged} onClose={() => setEditingRoles(false)} />
        )}
        {!user.disabled && !isSelf && idle && (
          <button type="button" class="btn btn-small" onClick={() => setResetting(true)} data-testid="user-reset-password">
            Reset password
          </button>
        )}
        {resetting && <ResetPasswordForm user={user} onChanged={onChanged} onClose={() => setResetting(false)} />}
        {!user.disabled && !isSelf && idle && (
          <button type="button" class="btn btn-small btn-danger" onClick={() => setDisabling(true)} data-testid="user-disable">
            Disable
          </button>
        )}
        {disabling && (
          <form class="inline-form" onSubmit={submit}>
            <input
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
              placeholder="Reason"
              required
              autoFocus
              data-testid="user-disable-reason"
            />
            <button type="submit" class="btn btn-small btn-danger" disabled={busy} data-testid="user-disable-confirm">
              Confirm
            </button>
            <button type="button" class="btn btn-small btn-ghost" onClick={() => setDisabling(false)}>
              Cancel
            </button>
            {error && <div class="msg msg-error">{error}</div>}
          </form>
        )}
      </td>
    </tr>
  );
}
