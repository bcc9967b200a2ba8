// Form to record a new logbook entry (subject, category, text) via POST /logbook.
import { PanelForm, useForm } from '../../shared/form';
import { logbookApi } from './api';
import { LOGBOOK_CATEGORIES, type LogbookEntry } from './types';
import { categoryLabel } from './labels';

export const SUBJECT_PATTERN = '[A-Za-z0-9._\\-\\/]{1,64}';

interface Props {
  initialSubject: string;
  onRecorded: (entry: LogbookEntry) => void;
}

export function LogbookForm({ initialSubject, onRecorded }: Props) {
  const form = useForm({ subject: initialSubject, category: 'use', text: '' });
  const { values, set, invalid } = form;

  const submit = form.submit(async () => {
    const res = await logbookApi.writeLogbook({ subject: values.subject.trim(), category: values.category, text: values.text });
    set('text', '');
    onRecorded(res.entry);
  });

  return (
    <PanelForm
      form={form}
      onSubmit={submit}
      title="New entry"
      testId="logbook-form"
      errorTestId="logbook-form-error"
      hint="Entries are permanent. Mistakes are fixed by a correction with a reason."
      submitLabel="Record entry"
      busyLabel="Recording…"
      submitTestId="logbook-submit"
    >
      <div class="form-row">
        <label class="field">
          <span>Subject (equipment / room)</span>
          <input
            class={invalid('subject')}
            value={values.subject}
            onInput={(e) => set('subject', e.currentTarget.value)}
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
            value={values.category}
            onChange={(e) => set('category', e.currentTarget.value)}
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
          value={values.text}
          onInput={(e) => set('text', e.currentTarget.value)}
          required
          maxLength={4000}
          rows={3}
          data-testid="logbook-text"
        />
      </label>
    </PanelForm>
  );
}
