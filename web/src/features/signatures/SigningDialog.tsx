// The one dialog for every electronic signature (submit, approve, reject, review of a
// change request). It shows exactly what is signed (record kind, id, revision, title,
// items), the meaning fixed by the action, asks for user name and password again,
// and shows the server's refusal (wrong password, throttled, policy not acknowledged,
// four eyes) in place. A missing policy acknowledgement can be given right here.
import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../../shared/http';
import { ErrorBox } from '../../shared/ErrorBox';
import { masterdataApi } from '../masterdata/api';
import type { ChangeRequest, SigningAction } from '../masterdata/types';
import { meaningLabel } from './labels';
import { PolicyDialog } from './PolicyDialog';

export const ACTION_MEANING: Record<SigningAction, string> = {
  submit: 'authored',
  approve: 'approved',
  reject: 'rejected',
  review: 'reviewed',
};

export const ACTION_LABEL: Record<SigningAction, string> = {
  submit: 'Submit for review',
  approve: 'Approve',
  reject: 'Reject',
  review: 'Sign as reviewed',
};

interface Props {
  cr: ChangeRequest;
  action: SigningAction;
  /** Site setting signing_password_only: the user name may be left empty. */
  passwordOnly: boolean;
  onSigned: (cr: ChangeRequest) => void;
  onCancel: () => void;
}

function refusalText(err: unknown): string {
  const msg = errorMessage(err);
  if (!(err instanceof ApiError)) return msg;
  switch (err.reason) {
    case 'four_eyes':
      return `${msg} (Four eyes: whoever created or changed this change request cannot approve it.)`;
    case 'policy_not_acknowledged':
      return `${msg} You must acknowledge the signature policy before signing.`;
    default:
      return msg;
  }
}

export function SigningDialog({ cr, action, passwordOnly, onSigned, onCancel }: Props) {
  const meaning = ACTION_MEANING[action];
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState<string | undefined>();
  const [showPolicy, setShowPolicy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0); // refused attempts (data-failures, for tests)
  const commentRequired = action === 'reject';

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!user.trim() && !passwordOnly) {
      setError('Enter your user name.');
      return;
    }
    if (commentRequired && !comment.trim()) {
      setError('A comment (the reason for rejecting) is required.');
      return;
    }
    setBusy(true);
    setError(null);
    setReason(undefined);
    setNotice(null);
    try {
      const res = await masterdataApi.signChangeRequest(cr.id, action, {
        user: user.trim() || undefined,
        password,
        meaning,
        comment: comment.trim() || undefined,
      });
      onSigned(res.change_request);
    } catch (err) {
      setPassword('');
      setError(refusalText(err));
      setReason(err instanceof ApiError ? err.reason : undefined);
      setFailures((n) => n + 1);
      setBusy(false);
    }
  };

  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && !busy && onCancel()}>
      <div class="modal" role="dialog" aria-modal="true" aria-labelledby="signing-title" data-testid="signing-dialog" data-meaning={meaning} data-failures={failures}>
        {showPolicy ? (
          <PolicyDialog
            onCancel={() => setShowPolicy(false)}
            onAcknowledged={() => {
              setShowPolicy(false);
              setError(null);
              setReason(undefined);
              setNotice('Policy acknowledged. Enter your password again to sign.');
            }}
          />
        ) : (
          <form class="form-grid" onSubmit={submit}>
            <h2 id="signing-title">Electronic signature: {ACTION_LABEL[action]}</h2>
            <div class="sign-record" data-testid="signing-record">
              <dl class="detail-grid">
                <dt>Record</dt>
                <dd>
                  change request <span class="mono">{cr.id}</span>, revision {cr.revision}
                </dd>
                <dt>Title</dt>
                <dd>{cr.title}</dd>
                <dt>Items</dt>
                <dd>
                  {(cr.items ?? []).length === 0 ? (
                    <span class="muted">none</span>
                  ) : (
                    <ul class="plain-list">
                      {(cr.items ?? []).map((it) => (
                        <li key={`${it.kind}/${it.id}`} class="mono">
                          {it.kind} {it.id} v{it.version}
                          {it.action === 'obsolete' ? ' (obsolete)' : ''}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
                <dt>Meaning</dt>
                <dd>
                  <strong data-testid="signing-meaning">{meaningLabel(meaning)}</strong>
                </dd>
              </dl>
            </div>
            <ErrorBox message={notice} kind="info" />
            <ErrorBox message={error} testId="signing-error" />
            {reason === 'policy_not_acknowledged' && (
              <button type="button" class="btn" onClick={() => setShowPolicy(true)} data-testid="signing-open-policy">
                Read and acknowledge the signature policy
              </button>
            )}
            <div class="form-row">
              <label class="field">
                <span>User name{passwordOnly ? ' (may be left empty in this session)' : ''}</span>
                <input
                  value={user}
                  onInput={(e) => setUser(e.currentTarget.value)}
                  autoComplete="off"
                  required={!passwordOnly}
                  autoFocus
                  data-testid="signing-user"
                />
              </label>
              <label class="field">
                <span>Password</span>
                <input
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onInput={(e) => setPassword(e.currentTarget.value)}
                  required
                  data-testid="signing-password"
                />
              </label>
            </div>
            <label class="field">
              <span>Comment{commentRequired ? ' (required: why is it rejected?)' : ' (optional)'}</span>
              <textarea
                value={comment}
                onInput={(e) => setComment(e.currentTarget.value)}
                rows={2}
                required={commentRequired}
                data-testid="signing-comment"
              />
            </label>
            <p class="part11" data-testid="signing-statement">
              By signing I confirm that I have reviewed the record shown above and that this electronic signature,
              with the meaning “{meaningLabel(meaning)}”, is the legally binding equivalent of my handwritten
              signature.
            </p>
            <div class="form-actions">
              <button type="button" class="btn btn-ghost" onClick={onCancel} data-testid="signing-cancel">
                Cancel
              </button>
              <button type="submit" class="btn btn-primary" disabled={busy} data-testid="signing-sign">
                {busy ? 'Signing…' : `Sign: ${meaningLabel(meaning)}`}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
