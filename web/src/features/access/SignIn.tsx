// Sign-in page: user name + password form that creates a session (POST /session).
import { useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import type { SessionUser } from '../../shared/types';
import { ErrorBox } from '../../shared/ErrorBox';
import { accessApi } from './api';

interface Props {
  notice?: string;
  onSignedIn: (user: SessionUser) => void;
}

export function SignIn({ notice, onSignedIn }: Props) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await accessApi.signIn(user.trim(), password);
      onSignedIn(res.user);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <div class="signin-page">
      <form class="signin-card" onSubmit={submit} data-testid="sign-in-form">
        <div class="brand brand-large">
          <span class="brand-mark" aria-hidden="true">◆</span>
          <span class="brand-name">ordo</span>
        </div>
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
    </div>
  );
}
