// The signed disposition of an open deviation (deviations.disposition): the decision
// (use as is, rework, scrap, return to supplier) and a comment, signed in the one
// signing dialog with meaning "dispositioned". A critical deviation needs two quality
// people and never its author: the server refuses (same_person) and the dialog says so.
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import type { SessionUser } from '../../shared/types';
import { SigningDialog } from '../signatures';
import { signaturesApi } from '../signatures/api';
import { qualityApi } from './api';
import { DISPOSITIONS, REFUSAL_NOTES, dispositionLabel } from './labels';
import type { Deviation, DispositionKind, DispositionReply } from './types';

interface Props {
  deviation: Deviation;
  user: SessionUser;
  onSigned: (reply: DispositionReply) => void;
}

export function Disposition({ deviation: d, user, onSigned }: Props) {
  const first = d.dispositions[0]?.disposition;
  const [disposition, setDisposition] = useState<DispositionKind>(first ?? 'use_as_is');
  const [comment, setComment] = useState('');
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState('');
  const [passwordOnly, setPasswordOnly] = useState(false);
  useEffect(() => {
    signaturesApi
      .siteSettings()
      .then((s) => setPasswordOnly(!!s.signing_password_only))
      .catch(() => setPasswordOnly(false));
  }, []);
  const signed = d.dispositions.length;
  const notYourTurn =
    d.author === user.name
      ? `You opened ${d.id}: another quality person must sign its disposition.`
      : d.dispositions.some((x) => x.signer === user.name)
        ? `You signed ${d.id} already: the second signature must be another quality person's.`
        : '';

  return (
    <div class="form-grid quality-form" data-testid="disposition-form">
      <h3>Disposition</h3>
      <p class="muted" data-testid="disposition-needed">
        {d.signatures_needed === 2
          ? `Critical: two quality signatures by two different people, never the author (${signed} of 2 signed).`
          : 'One quality signature, not by the author, closes the deviation.'}
        {first ? ` The second signature signs the first one's disposition (${dispositionLabel(first)}).` : ''}
      </p>
      <ErrorBox message={notYourTurn} kind="info" testId="disposition-not-your-turn" />
      <ErrorBox message={error} testId="disposition-error" />
      <div class="form-row">
        <label class="field">
          <span>Disposition</span>
          <select
            value={disposition}
            onChange={(e) => setDisposition(e.currentTarget.value as DispositionKind)}
            data-testid="disposition-kind"
          >
            {DISPOSITIONS.map((k) => (
              <option key={k} value={k}>
                {dispositionLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>Comment (why)</span>
          <input value={comment} maxLength={4000} onInput={(e) => setComment(e.currentTarget.value)} data-testid="disposition-comment" />
        </label>
      </div>
      <div class="form-actions">
        <button
          type="button"
          class="btn btn-primary"
          data-testid="disposition-sign"
          onClick={() => (comment.trim() ? (setError(''), setSigning(true)) : setError('Say why: the comment is required.'))}
        >
          Sign disposition…
        </button>
      </div>
      {signing && (
        <SigningDialog
          title="Disposition of a deviation"
          meaning="dispositioned"
          record={
            <Fragment>
              <dt>Deviation</dt>
              <dd>
                {d.id} ({d.classification}): {d.title}
              </dd>
              <dt>Order</dt>
              <dd>
                {d.order_id}
                {d.operation ? ` operation ${d.operation}` : ''}
              </dd>
              <dt>Disposition</dt>
              <dd data-testid="signing-disposition">{dispositionLabel(disposition)}</dd>
              <dt>Comment</dt>
              <dd>{comment.trim()}</dd>
            </Fragment>
          }
          refusalNotes={REFUSAL_NOTES}
          passwordOnly={passwordOnly}
          sign={(signature) => qualityApi.dispose(d.id, disposition, comment.trim(), signature)}
          onSigned={(reply) => {
            setSigning(false);
            setComment('');
            onSigned(reply);
          }}
          onCancel={() => setSigning(false)}
        />
      )}
    </div>
  );
}
