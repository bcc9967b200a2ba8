// A supervisor's override of a machine block (POST /work-units/{id}/availability-override,
// equipment.availability.override): with a reason that is recorded, it lets new
// operations start on the unit until its machine leaves down. The server decides: a
// refusal (no reason, the unit no longer blocked) is shown with its message.
import { useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import { errorMessage } from '../../shared/http';
import { dispatchApi } from './api';

export function OverrideForm({ workUnit, onDone }: { workUnit: string; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (ev: Event) => {
    ev.preventDefault();
    setBusy(true);
    setError('');
    try {
      await dispatchApi.overrideBlock(workUnit, reason.trim());
      setReason('');
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form-row" onSubmit={submit} data-testid="override-form">
      <label>
        Reason to let starts through (recorded){' '}
        <input data-testid="override-reason" value={reason} maxLength={1000} onInput={(ev) => setReason((ev.target as HTMLInputElement).value)} />
      </label>{' '}
      <button class="btn" type="submit" disabled={busy} data-testid="override-submit">
        Override the block
      </button>
      <ErrorBox message={error} testId="override-error" />
    </form>
  );
}
