// Form to open a change request: title, description, reason, impact and an optional
// effective-from time (datetime-local, browser time -> ISO UTC).
import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../../shared/http';
import { localInputToIso } from '../../shared/time';
import { ErrorBox } from '../../shared/ErrorBox';
import { masterdataApi } from './api';
import type { ChangeRequest } from './types';

interface Props {
  onCreated: (cr: ChangeRequest) => void;
  onCancel: () => void;
}

export function ChangeRequestForm({ onCreated, onCancel }: Props) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [reason, setReason] = useState('');
  const [impact, setImpact] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [errorField, setErrorField] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setErrorField(undefined);
    try {
      const res = await masterdataApi.createChangeRequest({
        title: title.trim(),
        description: description.trim(),
        reason: reason.trim(),
        impact: impact.trim() || undefined,
        effective_from: localInputToIso(effectiveFrom),
      });
      onCreated(res.change_request);
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError) setErrorField(err.field);
      setBusy(false);
    }
  };

  const invalid = (f: string) => (errorField === f ? 'invalid' : undefined);

  return (
    <form class="panel form-grid" onSubmit={submit} data-testid="cr-form">
      <h2 class="panel-title">New change request</h2>
      <ErrorBox message={error} testId="cr-form-error" />
      <label class="field">
        <span>Title</span>
        <input class={invalid('title')} value={title} onInput={(e) => setTitle(e.currentTarget.value)} required maxLength={200} data-testid="cr-title" />
      </label>
      <label class="field">
        <span>Description</span>
        <textarea class={invalid('description')} value={description} onInput={(e) => setDescription(e.currentTarget.value)} required rows={3} data-testid="cr-description" />
      </label>
      <div class="form-row">
        <label class="field">
          <span>Reason for change</span>
          <input class={invalid('reason')} value={reason} onInput={(e) => setReason(e.currentTarget.value)} required data-testid="cr-reason" />
        </label>
        <label class="field">
          <span>Impact (optional)</span>
          <input class={invalid('impact')} value={impact} onInput={(e) => setImpact(e.currentTarget.value)} data-testid="cr-impact" />
        </label>
        <label class="field">
          <span>Effective from (optional, local time)</span>
          <input
            type="datetime-local"
            class={invalid('effective_from')}
            value={effectiveFrom}
            onInput={(e) => setEffectiveFrom(e.currentTarget.value)}
            data-testid="cr-effective-from"
          />
        </label>
      </div>
      <div class="form-actions">
        <span class="hint">Without an effective-from time, approved versions take effect at approval.</span>
        <button type="button" class="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="cr-create">
          {busy ? 'Opening…' : 'Open change request'}
        </button>
      </div>
    </form>
  );
}
