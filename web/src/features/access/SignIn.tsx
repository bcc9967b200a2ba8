// Sign-in page: user name + password form that creates a session (POST /session).
// When the server answers password_change_required (a one-time password set by an
// admin, or an expired one), no session is opened: the page switches to choosing a new
// password (POST /session/password with the password just typed), then signs in with
// the new one.
import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../../shared/http';
import type { SessionUser } from '../../shared/types';
import { ErrorBox } from '../../shared/ErrorBox';
import { accessApi } from './api';
import { ChangePasswordForm } from './ChangePasswordForm';

interface Props {
  notice?: string;
  onSignedIn: (user: SessionUser) => void;
}

export function SignIn({ notice, onSignedIn }: Props) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Set when the password typed may only be used to choose a new one.
  const [mustChange, setMustChange] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await accessApi.signIn(user.trim(), password);
      onSignedIn(res.user);
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'password_change_required') {
        setMustChange(
          err.message.startsWith('this is a one-time password')
            ? 'Your password is a one-time password. Choose your own to sign in.'
            : 'Your password has expired. Choose a new one to sign in.',
        );
      } else {
        setError(errorMessage(err));
      }
      setBusy(false);
    }
  };

  if (mustChange !== null) {
    const back = () => {
      setMustChange(null);
      setPassword('');
    };
    return (
      <main class="signin-page">
        <div class="signin-card" data-testid="forced-password-change">
          <h1 class="brand brand-large">
            <span class="brand-mark" aria-hidden="true">◆</span>
            <span class="brand-name">ordo</span>
          </h1>
          <p class="signin-sub">Choose a new password for {user.trim()}</p>
          <ErrorBox message={mustChange} kind="info" testId="forced-change-reason" />
          <ChangePasswordForm
            user={user.trim()}
            currentPassword={password}
            submitLabel="Change password and sign in"
            onChanged={async (newPassword) => {
              try {
                const res = await accessApi.signIn(user.trim(), newPassword);
                onSignedIn(res.user);
              } catch (err) {
                // The change is made: the old password is gone, so back to signing in.
                back();
                setError(`Your password has been changed, but signing in failed: ${errorMessage(err)}`);
              }
            }}
            onCancel={back}
          />
        </div>
      </main>
    );
  }

  return (
    <main class="signin-page">
      <form class="signin-card" onSubmit={submit} data-testid="sign-in-form">
        <h1 class="brand brand-large">
          <span class="brand-mark" aria-hidden="true">◆</span>
          <span class="brand-name">ordo</span>
        </h1>
        <p class="signin-sub">Manufacturing Execution System</p>
        <ErrorBox message={notice && !error ? notice : null} kind="info" />
        <ErrorBox message={error} testId="sign-in-error" />
        <label class="field">
          <span>User name</span>
          <input
            name="user"
            autoComplete="username"
            value={user}
            onInput={(e) => setUser(e.currentTarget.value)}
            required
            autoFocus
            data-testid="sign-in-user"
          />
        </label>
        <label class="field">
          <span>Password</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            required
            data-testid="sign-in-password"
          />
        </label>
        <button type="submit" class="btn btn-primary btn-block" disabled={busy} data-testid="sign-in-submit">
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p class="signin-foot">All actions are recorded in the audit trail under your name.</p>
      </form>
    </main>
  );
}
