// The signature policy acknowledgement: shows the current policy text and version
// (GET /signature-policy) and records the user's acknowledgement, re-authenticated
// with their password (POST /signature-policy/acknowledge).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../../shared/http';
import { ErrorBox } from '../../shared/ErrorBox';
import { signaturesApi } from './api';
import type { SignaturePolicy } from './types';
import { Markdown } from '../../shared/MarkdownText';

interface Props {
  onAcknowledged: () => void;
  onCancel: () => void;
  /** The text of the button that leaves without acknowledging (default "Back"). */
  backLabel?: string;
}

/** The refusal of an acknowledgement in words a person can act on. */
function acknowledgeError(err: unknown): string {
  if (err instanceof ApiError && (err.reason === 'signature_failed' || err.status === 401)) {
    return 'The password is wrong. Enter your own password again to acknowledge the policy.';
  }
  return errorMessage(err);
}

export function PolicyDialog({ onAcknowledged, onCancel, backLabel = 'Back' }: Props) {
  const [policy, setPolicy] = useState<SignaturePolicy | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    signaturesApi
      .signaturePolicy()
      .then((p) => {
        setPolicy(p);
        setLoaded(true);
      })
      .catch((err) => setError(errorMessage(err)));
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!policy) return;
    setBusy(true);
    setError(null);
    try {
      await signaturesApi.acknowledgePolicy(policy.version, password);
      setPassword('');
      onAcknowledged();
    } catch (err) {
      setPassword('');
      setError(acknowledgeError(err));
      setBusy(false);
    }
  };

  return (
    <form class="form-grid" onSubmit={submit} data-testid="policy-dialog">
      <h2 id="policy-title">Electronic signature policy{policy ? ` (version ${policy.version})` : ''}</h2>
      <p class="muted">
        Before your first electronic signature you must read and acknowledge the site's signature policy.
      </p>
      {policy && (
        <Markdown text={policy.text} class="policy-text" testId="policy-text" />
      )}
      {loaded && !policy && <ErrorBox message="No signature policy has been published. Ask an administrator." />}
      <ErrorBox message={error} testId="policy-error" />
      <label class="field">
        <span>Your password</span>
        <input
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          required
          data-autofocus
          data-testid="policy-password"
        />
      </label>
      <div class="form-actions">
        <button type="button" class="btn btn-ghost" onClick={onCancel} data-testid="policy-back">
          {backLabel}
        </button>
        <button type="submit" class="btn btn-primary" disabled={busy || !policy} data-testid="policy-acknowledge">
          {busy ? 'Recording…' : !loaded && !error ? 'Loading the policy…' : 'I have read and acknowledge this policy'}
        </button>
      </div>
    </form>
  );
}
