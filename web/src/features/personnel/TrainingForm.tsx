// Records a training of the selected person (POST /personnel/training): course or
// document, the day it was completed (the server accepts 10 years back to tomorrow,
// else date_out_of_range) and optionally who trained. Not for oneself
// (self_record_forbidden).
import { PanelForm, useForm } from '../../shared/form';
import { personnelApi } from './api';
import type { Person } from './types';

interface Props {
  person: Person;
  onRecorded: () => void;
}

export function TrainingForm({ person, onRecorded }: Props) {
  const form = useForm({ course: '', completed: '', trainer: '' });
  const { values, set, invalid } = form;

  const submit = form.submit(async () => {
    await personnelApi.recordTraining(person.id, values.course.trim(), values.completed, values.trainer.trim() || undefined);
    form.reset();
    onRecorded();
  });

  return (
    <PanelForm
      form={form}
      onSubmit={submit}
      title={`Record a training of ${person.display_name || person.name}`}
      testId="training-form"
      errorTestId="training-error"
      submitLabel="Record training"
      busyLabel="Recording…"
      submitTestId="training-submit"
    >
      <div class="form-row">
        <label class="field">
          <span>Course or document</span>
          <input class={invalid('course')} value={values.course} onInput={(e) => set('course', e.currentTarget.value)} required data-testid="training-course" />
        </label>
        <label class="field">
          <span>Completed on</span>
          <input
            class={invalid('completed')}
            type="date"
            value={values.completed}
            onInput={(e) => set('completed', e.currentTarget.value)}
            required
            data-testid="training-completed"
          />
        </label>
        <label class="field">
          <span>Trainer (optional)</span>
          <input class={invalid('trainer')} value={values.trainer} onInput={(e) => set('trainer', e.currentTarget.value)} data-testid="training-trainer" />
        </label>
      </div>
    </PanelForm>
  );
}
