// The header's "Change password" button and its dialog: the signed-in user changes their
// own password (current, new, confirmation). The session stays; the user's other
// sessions end (server side).
import { useState } from 'preact/hooks';
import type { SessionUser } from '../../shared/types';
import { ChangePasswordForm } from './ChangePasswordForm';

interface Props {
  user: SessionUser;
}

export function ChangePasswordButton({ user }: Props) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);

  const close = () => {
    setOpen(false);
    setDone(false);
  };

  return (
    <>
      <button type="button" class="btn btn-ghost" onClick={() => setOpen(true)} data-testid="change-password">
        Change password
      </button>
      {open && (
        <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && close()}>
          <div class="modal" role="dialog" aria-modal="true" aria-labelledby="password-title" data-testid="password-dialog">
            <h2 id="password-title" class="panel-title">
              Change your password
            </h2>
            {done ? (
              <>
                <div class="msg msg-success" role="status" data-testid="password-changed">
                  Your password has been changed. Your other sessions have ended.
                </div>
                <div class="form-actions">
                  <button type="button" class="btn btn-primary" onClick={close} data-testid="password-close">
                    Close
                  </button>
                </div>
              </>
            ) : (
              <ChangePasswordForm user={user.name} submitLabel="Change password" onChanged={() => setDone(true)} onCancel={close} />
            )}
          </div>
        </div>
      )}
    </>
  );
}
