// The one dialog for every electronic signature. It shows exactly what is signed (the
// record rows the caller passes), the meaning fixed by the command, asks for user name
// (prefilled with the signed-in user, still editable) and password again, and shows the
// server's refusal (wrong password, throttled, policy not acknowledged, four eyes) once,
// in place, saying what to do. A person who has not acknowledged the current signature
// policy is shown the policy first (GET /signature-policy: acknowledged false), and can
// still be sent there after a refusal. Focus stays in the dialog until it closes;
// Escape closes it. It knows nothing about the record: the caller's `sign` sends the
// signed command (e.g. masterdata's ChangeRequestSigningDialog).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../../shared/http';
import { ErrorBox } from '../../shared/ErrorBox';
import { useFocusTrap } from '../../shared/useFocusTrap';
import { accessApi } from '../access/api';
import { meaningLabel } from './labels';
import { PolicyDialog } from './PolicyDialog';
import { signaturesApi } from './api';
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

/** The refusal in words a person can act on: what happened and what to do now. */
function refusalText(err: unknown, notes: Record<string, string>): string {
  const msg = errorMessage(err);
  if (!(err instanceof ApiError)) return msg;
  if (err.reason === 'policy_not_acknowledged') {
    return 'You have not yet acknowledged the current signature policy. Read and acknowledge it, then sign again.';
  }
  if (err.reason === 'signature_failed') {
    return 'Signature refused: the user name or password is wrong. Check the user name and enter your password again (each failed attempt is recorded).';
  }
  const note = err.reason !== undefined ? notes[err.reason] : undefined;
  return note ? `${msg} ${note}` : msg;
}

/** What the dialog shows: loading the user and policy, the policy first, or the signature. */
type Step = 'loading' | 'policy' | 'sign';

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
  const [step, setStep] = useState<Step>('loading');
  const [policyFirst, setPolicyFirst] = useState(false);
  const [password, setPassword] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0); // refused attempts (data-failures, for tests)
  const commentRequired = requiredComment !== undefined;
  const dialogRef = useRef<HTMLDivElement>(null);
  const busyRef = useRef(false);
  busyRef.current = busy;

  // Prefill the signed-in user; show the policy first when it is not yet acknowledged.
  // Either read failing leaves the plain form: the server's refusal then says what is
  // missing.
  useEffect(() => {
    let live = true;
    Promise.allSettled([accessApi.session(), signaturesApi.signaturePolicy()]).then(([session, policy]) => {
      if (!live) return;
      if (session.status === 'fulfilled') setUser((typed) => typed || session.value.user.name);
      const needsPolicy = policy.status === 'fulfilled' && policy.value !== null && !policy.value.acknowledged;
      setPolicyFirst(needsPolicy);
      setStep(needsPolicy ? 'policy' : 'sign');
    });
    return () => {
      live = false;
    };
  }, []);

  const showPolicy = step === 'policy';
  const setShowPolicy = (show: boolean) => setStep(show ? 'policy' : 'sign');
  useFocusTrap(dialogRef, () => !busyRef.current && onCancel(), step);

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
    <div class="modal-backdrop">
      <div
        class="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={showPolicy ? 'policy-title' : 'signing-title'}
        tabIndex={-1}
        ref={dialogRef}
        data-testid="signing-dialog"
        data-meaning={meaning}
        data-failures={failures}
        data-step={step}
      >
        {step === 'loading' ? (
          <p class="muted" data-testid="signing-loading">
            Preparing the signature…
          </p>
        ) : showPolicy ? (
          <PolicyDialog
            backLabel={policyFirst ? 'Cancel' : 'Back'}
            onCancel={() => (policyFirst ? onCancel() : setShowPolicy(false))}
            onAcknowledged={() => {
              setShowPolicy(false);
              setPolicyFirst(false);
              setError(null);
              setReason(undefined);
              setNotice(
                failures > 0
                  ? 'Policy acknowledged. Enter your password again to sign.'
                  : 'Policy acknowledged. You can now sign.',
              );
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
                  data-autofocus={user ? undefined : true}
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
                  data-autofocus={user ? true : undefined}
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
