// The MIS sign-in page: user name and password (POST /api/v1/session).
import { useState } from 'preact/hooks';
import { errorMessage } from '../shared/http';
import { ErrorBox } from '../shared/ErrorBox';
import { misApi, type MisUser } from './api';

export function SignIn({ notice, onSignedIn }: { notice?: string; onSignedIn: (u: MisUser) => void }) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await misApi.signIn(user.trim(), password));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <main class="signin-page">
      <form class="signin-card" onSubmit={submit} data-testid="sign-in-form">
        <h1 class="brand brand-large">
          <span class="brand-mark" aria-hidden="true">◆</span>
          <span class="brand-name">ordo</span>
        </h1>
        <p class="signin-sub">Management Information System</p>
        <ErrorBox message={notice && !error ? notice : null} kind="info" />
        <ErrorBox message={error} testId="sign-in-error" />
        <label class="field">
          <span>User</span>
          <input name="user" data-testid="sign-in-user" autoComplete="username" value={user}
            onInput={(e) => setUser((e.target as HTMLInputElement).value)} required />
        </label>
        <label class="field">
          <span>Password</span>
          <input name="password" data-testid="sign-in-password" type="password" autoComplete="current-password"
            value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} required />
        </label>
        <button type="submit" class="btn btn-primary btn-block" data-testid="sign-in-submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
