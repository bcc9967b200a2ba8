// The fields of a password change (POST /session/password): current password (unless
// the caller already has it, e.g. the one-time password just typed at sign-in), new
// password and its confirmation. A refusal names the rule (passwordRules.ts). Used by
// the header's "Change password" dialog and by the sign-in page when the server answers
// password_change_required.
import { useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import { ApiError } from '../../shared/http';
import { accessApi } from './api';
import { passwordErrorMessage, RULES_HINT } from './passwordRules';

interface Props {
  /** Login name whose password changes. */
  user: string;
  /** The current (or one-time) password when already known: its field is not shown. */
  currentPassword?: string;
  submitLabel: string;
  /** After the server accepted the change, with the new password. */
  onChanged: (newPassword: string) => Promise<void> | void;
  onCancel?: () => void;
}

export function ChangePasswordForm({ user, currentPassword, submitLabel, onChanged, onCancel }: Props) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [field, setField] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const invalid = (name: string) => (field === name ? 'invalid' : undefined);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (next !== confirm) {
      setError('Confirmation: the two new passwords differ.');
      setField('confirm');
      return;
    }
    setBusy(true);
    setError(null);
    setField(undefined);
    try {
      await accessApi.changePassword(user, currentPassword ?? current, next);
      await onChanged(next);
    } catch (err) {
      setError(passwordErrorMessage(err));
      setField(err instanceof ApiError ? err.field : undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form-grid" onSubmit={submit} data-testid="password-form">
      <ErrorBox message={error} testId="password-error" />
      {currentPassword === undefined && (
        <label class="field">
          <span>Current password</span>
          <input
            class={invalid('password')}
            type="password"
            autoComplete="current-password"
            value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)}
            required
            autoFocus
            data-testid="password-current"
          />
        </label>
      )}
      <label class="field">
        <span>New password</span>
        <input
          class={invalid('new_password')}
          type="password"
          autoComplete="new-password"
          value={next}
          onInput={(e) => setNext(e.currentTarget.value)}
          required
          autoFocus={currentPassword !== undefined}
          data-testid="password-new"
        />
      </label>
      <label class="field">
        <span>Confirm new password</span>
        <input
          class={invalid('confirm')}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onInput={(e) => setConfirm(e.currentTarget.value)}
          required
          data-testid="password-confirm"
        />
      </label>
      <p class="hint" data-testid="password-rules">
        {RULES_HINT}
      </p>
      <div class="form-actions">
        {onCancel && (
          <button type="button" class="btn btn-ghost" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="password-submit">
          {busy ? 'Changing…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
