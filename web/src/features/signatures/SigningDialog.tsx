// The one dialog for every electronic signature. It shows exactly what is signed (the
// record rows the caller passes), the meaning fixed by the command, asks for user name
// and password again, and shows the server's refusal (wrong password, throttled,
// policy not acknowledged, four eyes) in place. A missing policy acknowledgement can
// be given right here. It knows nothing about the record: the caller's `sign` sends
// the signed command (e.g. masterdata's ChangeRequestSigningDialog).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../../shared/http';
import { ErrorBox } from '../../shared/ErrorBox';
import { meaningLabel } from './labels';
import { PolicyDialog } from './PolicyDialog';
import type { SignatureInput } from './types';

/** A comment the signer must give, e.g. the reason for rejecting. */
export interface RequiredComment {
  /** Shown after "Comment (required: ", e.g. "why is it rejected?". */
  hint: string;
  /** The message when it is left empty. */
  missing: string;
}

interface Props<T> {
  /** The command, shown after "Electronic signature: ", e.g. "Approve". */
  title: string;
  /** The signature's meaning (authored, approved, ...), fixed by the command. */
  meaning: string;
  /** What is signed: <dt>/<dd> pairs, shown above the meaning. */
  record: ComponentChildren;
  /** Set when the comment is required; otherwise it is optional. */
  requiredComment?: RequiredComment;
  /** Sentences added to the server's refusal, by its reason (e.g. four_eyes). */
  refusalNotes?: Record<string, string>;
  /** Site setting signing_password_only: the user name may be left empty. */
  passwordOnly: boolean;
  /** Sends the signed command; a rejection is the server's refusal, shown in place. */
  sign: (signature: SignatureInput) => Promise<T>;
  onSigned: (result: T) => void;
  onCancel: () => void;
}

function refusalText(err: unknown, notes: Record<string, string>): string {
  const msg = errorMessage(err);
  if (!(err instanceof ApiError)) return msg;
  if (err.reason === 'policy_not_acknowledged') {
    return `${msg} You must acknowledge the signature policy before signing.`;
  }
  const note = err.reason !== undefined ? notes[err.reason] : undefined;
  return note ? `${msg} ${note}` : msg;
}

export function SigningDialog<T>({
  title,
  meaning,
  record,
  requiredComment,
  refusalNotes = {},
  passwordOnly,
  sign,
  onSigned,
  onCancel,
}: Props<T>) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState<string | undefined>();
  const [showPolicy, setShowPolicy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0); // refused attempts (data-failures, for tests)
  const commentRequired = requiredComment !== undefined;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!user.trim() && !passwordOnly) {
      setError('Enter your user name.');
      return;
    }
    if (requiredComment && !comment.trim()) {
      setError(requiredComment.missing);
      return;
    }
    setBusy(true);
    setError(null);
    setReason(undefined);
    setNotice(null);
    try {
      const result = await sign({
        user: user.trim() || undefined,
        password,
        meaning,
        comment: comment.trim() || undefined,
      });
      onSigned(result);
    } catch (err) {
      setPassword('');
      setError(refusalText(err, refusalNotes));
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
            <h2 id="signing-title">Electronic signature: {title}</h2>
            <div class="sign-record" data-testid="signing-record">
              <dl class="detail-grid">
                {record}
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
              <span>Comment{requiredComment ? ` (required: ${requiredComment.hint})` : ' (optional)'}</span>
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
