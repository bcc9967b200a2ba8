// The commands available on a change request for the signed-in user: Submit
// (masterdata.edit, open or rejected), Approve / Reject / Review (masterdata.approve,
// in review) and Withdraw with a reason (open, rejected or in review). Signed
// commands open the signing dialog through onSign. Four eyes: whoever created or
// changed the change request is not offered Approve, Review or Reject (the server
// refuses them in any case).
import { useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import type { SessionUser } from '../../shared/types';
import { hasPermission } from '../../shared/session';
import { DisabledReason } from '../../shared/DisabledReason';
import { ErrorBox } from '../../shared/ErrorBox';
import { masterdataApi } from './api';
import type { ChangeRequest, SigningAction } from './types';

interface Props {
  cr: ChangeRequest;
  user: SessionUser;
  onSign: (action: SigningAction) => void;
  onChanged: (cr: ChangeRequest) => void;
}

/** Did this user create the change request or draft or change any of its versions? */
export function involvedIn(cr: ChangeRequest, user: SessionUser): boolean {
  if (cr.author === user.name) return true;
  return (cr.history ?? []).some(
    (h) => h.actor === user.name && (h.type === 'change_request.opened' || h.type.startsWith('masterdata.draft_')),
  );
}

export function ChangeRequestActions({ cr, user, onSign, onChanged }: Props) {
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const canEdit = hasPermission(user, 'masterdata.edit');
  const canApprove = hasPermission(user, 'masterdata.approve');
  const editable = cr.state === 'open' || cr.state === 'rejected';
  const inReview = cr.state === 'in_review';
  const involved = involvedIn(cr, user);
  const items = cr.items ?? [];

  const withdraw = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('A reason is required.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await masterdataApi.withdrawChangeRequest(cr.id, reason.trim());
      setWithdrawing(false);
      onChanged(res.change_request);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const buttons = [];
  if (editable && canEdit) {
    buttons.push(
      <button key="submit" type="button" class="btn btn-primary" disabled={items.length === 0} onClick={() => onSign('submit')} data-testid="cr-submit" aria-describedby={items.length === 0 ? 'cr-submit-why' : undefined}>
        Submit for review…
      </button>,
      // A disabled command says why, visibly.
      <DisabledReason key="submit-why" id="cr-submit-why" testId="cr-submit-why" reason={items.length === 0 ? 'Add a draft to submit.' : null} />,
    );
  }
  if (inReview && canApprove && !involved) {
    buttons.push(
      <button key="approve" type="button" class="btn btn-primary" onClick={() => onSign('approve')} data-testid="cr-approve">
        Approve…
      </button>,
      <button key="review" type="button" class="btn" onClick={() => onSign('review')} data-testid="cr-review">
        Review…
      </button>,
      <button key="reject" type="button" class="btn btn-danger" onClick={() => onSign('reject')} data-testid="cr-reject">
        Reject…
      </button>,
    );
  }
  if ((editable || inReview) && canEdit && !withdrawing) {
    buttons.push(
      <button key="withdraw" type="button" class="btn btn-ghost" onClick={() => setWithdrawing(true)} data-testid="cr-withdraw">
        Withdraw change request
      </button>,
    );
  }

  if (buttons.length === 0 && !withdrawing && !(inReview && involved && canApprove)) return null;

  return (
    <div class="cr-actions" data-testid="cr-actions">
      <div class="toolbar">{buttons}</div>
      {inReview && canApprove && involved && (
        <div class="msg msg-info" data-testid="cr-four-eyes">
          You created or changed this change request, so you cannot review, approve or reject it (four eyes). Another
          approver must sign.
        </div>
      )}
      {withdrawing && (
        <form class="inline-form" onSubmit={withdraw}>
          <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} placeholder="Reason for withdrawing" required autoFocus data-testid="cr-withdraw-reason" />
          <button type="submit" class="btn btn-danger" disabled={busy} data-testid="cr-withdraw-confirm">
            {busy ? 'Withdrawing…' : 'Withdraw'}
          </button>
          <button type="button" class="btn btn-ghost" onClick={() => setWithdrawing(false)}>
            Cancel
          </button>
        </form>
      )}
      <ErrorBox message={error} testId="cr-action-error" />
    </div>
  );
}
