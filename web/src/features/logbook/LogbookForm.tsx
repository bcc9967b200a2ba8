// Form to record a new logbook entry (subject, category, text) via POST /logbook.
import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../../shared/http';
import { ErrorBox } from '../../shared/ErrorBox';
import { logbookApi } from './api';
import { LOGBOOK_CATEGORIES, type LogbookEntry } from './types';
import { categoryLabel } from './labels';

export const SUBJECT_PATTERN = '[A-Za-z0-9._\\-\\/]{1,64}';

interface Props {
  initialSubject: string;
  onRecorded: (entry: LogbookEntry) => void;
}

export function LogbookForm({ initialSubject, onRecorded }: Props) {
  const [subject, setSubject] = useState(initialSubject);
  const [category, setCategory] = useState<string>('use');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [errorField, setErrorField] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setErrorField(undefined);
    try {
      const res = await logbookApi.writeLogbook({ subject: subject.trim(), category, text });
      setText('');
      onRecorded(res.entry);
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError) setErrorField(err.field);
    } finally {
      setBusy(false);
    }
  };

  const invalid = (f: string) => (errorField === f ? 'invalid' : undefined);

  return (
    <form class="panel form-grid" onSubmit={submit} data-testid="logbook-form">
      <h2 class="panel-title">New entry</h2>
      <ErrorBox message={error} testId="logbook-form-error" />
      <div class="form-row">
        <label class="field">
          <span>Subject (equipment / room)</span>
          <input
            class={invalid('subject')}
            value={subject}
            onInput={(e) => setSubject(e.currentTarget.value)}
            required
            maxLength={64}
            pattern={SUBJECT_PATTERN}
            title="1–64 letters, digits or . _ - /"
            placeholder="e.g. GRAN-01"
            data-testid="logbook-subject"
          />
        </label>
        <label class="field">
          <span>Category</span>
          <select
            class={invalid('category')}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
            data-testid="logbook-category"
          >
            {LOGBOOK_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label class="field">
        <span>Text</span>
        <textarea
          class={invalid('text')}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          required
          maxLength={4000}
          rows={3}
          data-testid="logbook-text"
        />
      </label>
      <div class="form-actions">
        <span class="hint">Entries are permanent. Mistakes are fixed by a correction with a reason.</span>
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="logbook-submit">
          {busy ? 'Recording…' : 'Record entry'}
        </button>
      </div>
    </form>
  );
}
