// Signing a change request (submit, approve, reject, review): the signatures
// feature's SigningDialog with the change request as the record (id, revision,
// title, items) and the signed command POST /change-requests/{id}/{action}.
import { Fragment } from 'preact';
import { SigningDialog } from '../signatures';
import { masterdataApi } from './api';
import type { ChangeRequest, SigningAction } from './types';

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

const REJECT_COMMENT = {
  hint: 'why is it rejected?',
  missing: 'A comment (the reason for rejecting) is required.',
};

const REFUSAL_NOTES = {
  four_eyes: '(Four eyes: whoever created or changed this change request cannot approve it.)',
};

interface Props {
  cr: ChangeRequest;
  action: SigningAction;
  /** Site setting signing_password_only: the user name may be left empty. */
  passwordOnly: boolean;
  onSigned: (cr: ChangeRequest) => void;
  onCancel: () => void;
}

function RecordRows({ cr }: { cr: ChangeRequest }) {
  return (
    <Fragment>
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
    </Fragment>
  );
}

export function ChangeRequestSigningDialog({ cr, action, passwordOnly, onSigned, onCancel }: Props) {
  return (
    <SigningDialog
      title={ACTION_LABEL[action]}
      meaning={ACTION_MEANING[action]}
      record={<RecordRows cr={cr} />}
      requiredComment={action === 'reject' ? REJECT_COMMENT : undefined}
      refusalNotes={REFUSAL_NOTES}
      passwordOnly={passwordOnly}
      sign={async (signature) => (await masterdataApi.signChangeRequest(cr.id, action, signature)).change_request}
      onSigned={onSigned}
      onCancel={onCancel}
    />
  );
}
