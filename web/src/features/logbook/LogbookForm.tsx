// Form to record a new logbook entry via POST /logbook: the subject (equipment picked
// from master data, or a free-text area), category and text.
import { PanelForm, useForm } from '../../shared/form';
import { logbookApi } from './api';
import { LOGBOOK_CATEGORIES, type LogbookEntry } from './types';
import { categoryLabel } from './labels';
import { SubjectPicker } from './SubjectPicker';

export { SUBJECT_PATTERN } from './SubjectPicker';

interface Props {
  initialSubject: string;
  onRecorded: (entry: LogbookEntry) => void;
}

export function LogbookForm({ initialSubject, onRecorded }: Props) {
  const form = useForm({ subject: initialSubject, freeText: false, category: 'use', text: '' });
  const { values, set, invalid } = form;

  const submit = form.submit(
    async () => {
      const res = await logbookApi.writeLogbook({
        subject: values.subject.trim(),
        category: values.category,
        text: values.text,
      });
      set('text', '');
      onRecorded(res.entry);
    },
    () =>
      values.subject.trim()
        ? null
        : {
            field: 'subject',
            message: values.freeText
              ? 'Type the id of the area (free text, not in master data).'
              : 'Pick the equipment from the list, or choose "Area not in master data".',
          },
  );

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
      <SubjectPicker
        value={{ subject: values.subject, freeText: values.freeText }}
        onChange={(v) => {
          set('subject', v.subject);
          set('freeText', v.freeText);
        }}
        invalid={invalid('subject')}
      />
      <div class="form-row">
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
