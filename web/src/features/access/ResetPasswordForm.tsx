// Inline form of a user row: an admin resets the user's password to a one-time password
// with a reason (POST /users/{id}/password). The admin types it or has one generated;
// the password rules apply (a refusal names the rule). After the reset the password is
// shown once, to be handed to the user, who must change it at the next sign-in; the
// user's sessions end.
import { useState } from 'preact/hooks';
import { accessApi } from './api';
import { passwordErrorMessage, randomOneTimePassword } from './passwordRules';
import type { User } from './types';

interface Props {
  user: User;
  onChanged: (user: User) => void;
  onClose: () => void;
}

export function ResetPasswordForm({ user, onChanged, onClose }: Props) {
  const [password, setPassword] = useState(() => randomOneTimePassword());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('A reason is required.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await accessApi.resetPassword(user.id, password, reason.trim());
      onChanged(res.user);
      setIssued(password);
      setPassword('');
    } catch (err) {
      setError(passwordErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (issued !== null) {
    return (
      <div class="inline-form" data-testid="reset-done">
        <div class="msg msg-success" role="status">
          One-time password for {user.name}: <code data-testid="reset-one-time-password">{issued}</code>
          <br />
          Hand it to the user now: it is not shown again. They must choose their own password at the next sign-in.
        </div>
        <button type="button" class="btn btn-small" onClick={onClose} data-testid="reset-dismiss">
          Done
        </button>
      </div>
    );
  }

  return (
    <form class="inline-form" onSubmit={submit} data-testid="reset-form">
      <input
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
        placeholder="One-time password"
        aria-label="One-time password"
        autoComplete="off"
        spellcheck={false}
        required
        class="mono"
        data-testid="reset-password"
      />
      <button type="button" class="btn btn-small btn-ghost" onClick={() => setPassword(randomOneTimePassword())} data-testid="reset-generate">
        Generate
      </button>
      <input
        value={reason}
        onInput={(e) => setReason(e.currentTarget.value)}
        placeholder="Reason"
        required
        autoFocus
        data-testid="reset-reason"
      />
      <button type="submit" class="btn btn-small btn-danger" disabled={busy} data-testid="reset-confirm">
        Reset
      </button>
      <button type="button" class="btn btn-small btn-ghost" onClick={onClose}>
        Cancel
      </button>
      {error && (
        <div class="msg msg-error" data-testid="reset-error">
          {error}
        </div>
      )}
    </form>
  );
}
