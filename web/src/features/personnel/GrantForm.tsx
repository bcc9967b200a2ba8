// Grants a qualification in force to the selected person, with an optional last valid
// day (POST /personnel/qualifications). The server refuses a grant to oneself
// (self_grant_forbidden) and an expiry before today (expires_in_past); its message is
// shown as is.
import { PanelForm, useForm } from '../../shared/form';
import { personnelApi } from './api';
import type { Person, Qualification } from './types';

interface Props {
  person: Person;
  qualifications: Qualification[];
  onGranted: () => void;
}

export function GrantForm({ person, qualifications, onGranted }: Props) {
  const form = useForm({ qualification: '', expires: '' });
  const { values, set, invalid } = form;

  const submit = form.submit(
    async () => {
      await personnelApi.grant(person.id, values.qualification, values.expires || undefined);
      form.reset();
      onGranted();
    },
    () => (values.qualification ? null : { message: 'Choose a qualification.', field: 'qualification' }),
  );

  return (
    <PanelForm
      form={form}
      onSubmit={submit}
      title={`Grant a qualification to ${person.display_name || person.name}`}
      testId="grant-form"
      errorTestId="grant-error"
      hint="Nobody grants their own qualifications: another person with personnel.manage must."
      submitLabel="Grant"
      busyLabel="Granting…"
      submitTestId="grant-submit"
    >
      <div class="form-row">
        <label class="field">
          <span>Qualification</span>
          <select
            class={invalid('qualification')}
            value={values.qualification}
            onChange={(e) => set('qualification', e.currentTarget.value)}
            data-testid="grant-qualification"
          >
            <option value="">Choose…</option>
            {qualifications.map((q) => (
              <option key={q.id} value={q.id}>
                {q.id} · {q.name}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>Valid until (last day, optional)</span>
          <input
            class={invalid('expires')}
            type="date"
            value={values.expires}
            onInput={(e) => set('expires', e.currentTarget.value)}
            data-testid="grant-expires"
          />
        </label>
      </div>
    </PanelForm>
  );
}
