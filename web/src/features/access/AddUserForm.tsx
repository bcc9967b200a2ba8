// Form for administrators to create a user account (name, display name, roles,
// initial password) via POST /users.
import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../../shared/http';
import { ErrorBox } from '../../shared/ErrorBox';
import { accessApi } from './api';
import { ROLES, type User } from './types';

interface Props {
  onCreated: (user: User) => void;
}

export function AddUserForm({ onCreated }: Props) {
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<string[]>(['operator']);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [errorField, setErrorField] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const toggleRole = (r: string) =>
    setRoles((prev) => (prev.includes(r) ? prev.filter((x) => x !== r) : [...prev, r]));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (roles.length === 0) {
      setError('Select at least one role.');
      setErrorField('roles');
      return;
    }
    setBusy(true);
    setError(null);
    setErrorField(undefined);
    try {
      const res = await accessApi.createUser({ name: name.trim(), display_name: displayName.trim(), roles, password });
      setName('');
      setDisplayName('');
      setPassword('');
      setRoles(['operator']);
      onCreated(res.user);
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError) setErrorField(err.field);
    } finally {
      setBusy(false);
    }
  };

  const invalid = (f: string) => (errorField === f ? 'invalid' : undefined);

  return (
    <form class="panel form-grid" onSubmit={submit} data-testid="add-user-form">
      <h2 class="panel-title">Add user</h2>
      <ErrorBox message={error} testId="add-user-error" />
      <div class="form-row">
        <label class="field">
          <span>User name</span>
          <input class={invalid('name')} value={name} onInput={(e) => setName(e.currentTarget.value)} required autoComplete="off" data-testid="user-new-name" />
        </label>
        <label class="field">
          <span>Display name</span>
          <input class={invalid('display_name')} value={displayName} onInput={(e) => setDisplayName(e.currentTarget.value)} required data-testid="user-new-display" />
        </label>
        <label class="field">
          <span>Initial password</span>
          <input
            class={invalid('password')}
            type="password"
            autoComplete="new-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            required
            data-testid="user-new-password"
          />
        </label>
      </div>
      <fieldset class={errorField === 'roles' ? 'roles invalid' : 'roles'}>
        <legend>Roles</legend>
        {ROLES.map((r) => (
          <label key={r} class="check">
            <input type="checkbox" checked={roles.includes(r)} onChange={() => toggleRole(r)} data-testid={`user-new-role-${r}`} />
            {r}
          </label>
        ))}
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="user-new-submit">
          {busy ? 'Creating…' : 'Create user'}
        </button>
      </div>
    </form>
  );
}
