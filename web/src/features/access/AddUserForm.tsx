// Form for administrators to create a user account (name, display name, roles,
// one-time password, changed at the first sign-in) via POST /users.
import { PanelForm, useForm } from '../../shared/form';
import { accessApi } from './api';
import { ROLES, type User } from './types';

interface Props {
  onCreated: (user: User) => void;
}

export function AddUserForm({ onCreated }: Props) {
  const form = useForm({ name: '', displayName: '', password: '', roles: ['operator'] as string[] });
  const { values, set, invalid } = form;

  const toggleRole = (r: string) =>
    set('roles', (prev) => (prev.includes(r) ? prev.filter((x) => x !== r) : [...prev, r]));

  const submit = form.submit(
    async () => {
      const res = await accessApi.createUser({
        name: values.name.trim(),
        display_name: values.displayName.trim(),
        roles: values.roles,
        password: values.password,
      });
      form.reset();
      onCreated(res.user);
    },
    () => (values.roles.length === 0 ? { message: 'Select at least one role.', field: 'roles' } : null),
  );

  return (
    <PanelForm
      form={form}
      onSubmit={submit}
      title="Add user"
      testId="add-user-form"
      errorTestId="add-user-error"
      submitLabel="Create user"
      busyLabel="Creating…"
      submitTestId="user-new-submit"
    >
      <div class="form-row">
        <label class="field">
          <span>User name</span>
          <input class={invalid('name')} value={values.name} onInput={(e) => set('name', e.currentTarget.value)} required autoComplete="off" data-testid="user-new-name" />
        </label>
        <label class="field">
          <span>Display name</span>
          <input class={invalid('display_name')} value={values.displayName} onInput={(e) => set('displayName', e.currentTarget.value)} required data-testid="user-new-display" />
        </label>
        <label class="field">
          <span>One-time password</span>
          <input
            class={invalid('password')}
            type="password"
            autoComplete="new-password"
            value={values.password}
            onInput={(e) => set('password', e.currentTarget.value)}
            required
            data-testid="user-new-password"
          />
        </label>
      </div>
      <fieldset class={form.errorField === 'roles' ? 'roles invalid' : 'roles'}>
        <legend>Roles</legend>
        {ROLES.map((r) => (
          <label key={r} class="check">
            <input type="checkbox" checked={values.roles.includes(r)} onChange={() => toggleRole(r)} data-testid={`user-new-role-${r}`} />
            {r}
          </label>
        ))}
      </fieldset>
    </PanelForm>
  );
}
