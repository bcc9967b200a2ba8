// Small inline form that posts a correction of a logbook entry: new text plus a
// required reason. The original entry stays untouched; the correction is a new entry.
import { useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { ErrorBox } from '../../shared/ErrorBox';
import { logbookApi } from './api';
import type { LogbookEntry } from './types';

interface Props {
  original: LogbookEntry;
  onDone: (entry: LogbookEntry) => void;
  onCancel: () => void;
}

export function CorrectionForm({ original, onDone, onCancel }: Props) {
  const [text, setText] = useState(original.text);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('A reason is required for a correction.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await logbookApi.writeLogbook({
        subject: original.subject,
        category: original.category,
        text,
        corrects: original.seq,
        reason: reason.trim(),
      });
      onDone(res.entry);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <form class="correction-form" onSubmit={submit} data-testid="correction-form">
      <div class="correction-title">Correct entry #{original.seq}</div>
      <ErrorBox message={error} testId="correction-error" />
      <label class="field">
        <span>Corrected text</span>
        <textarea
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          required
          maxLength={4000}
          rows={2}
          data-testid="correction-text"
        />
      </label>
      <label class="field">
        <span>Reason for correction</span>
        <input
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
          required
          placeholder="e.g. wrong lot number"
          data-testid="correction-reason"
        />
      </label>
      <div class="form-actions">
        <button type="button" class="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="correction-submit">
          {busy ? 'Saving…' : 'Record correction'}
        </button>
      </div>
    </form>
  );
}
