// What the panel forms (features/access/AddUserForm, features/logbook/LogbookForm)
// have in common: field values, submitting with a busy state, the problem shown and
// the field it names (server problems and checks made before sending alike), and the
// panel around the fields: title, error box, hint and submit button.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ErrorBox } from './ErrorBox';
import { ApiError, errorMessage } from './http';

/** A problem found before sending: shown like the server's, and nothing is sent. */
export interface FormProblem {
  message: string;
  field?: string;
}

export interface Form<V> {
  values: V;
  /** Sets one field to a value, or to an update of its previous value. */
  set: <K extends keyof V>(field: K, value: V[K] | ((prev: V[K]) => V[K])) => void;
  /** Back to the initial values. */
  reset: () => void;
  /** The problem shown, if any. */
  error: string | null;
  /** The request field the problem names, if any. */
  errorField: string | undefined;
  /** A submission is running. */
  busy: boolean;
  /** "invalid" (an input's class) for the field the problem names, else undefined. */
  invalid: (field: string) => 'invalid' | undefined;
  /**
   * An onSubmit handler: stops the browser's submit; shows the problem `check` finds,
   * if any, and stops; else clears the problem and runs `action` while busy, showing
   * what it throws (with the field an API problem names).
   */
  submit: (action: () => Promise<void>, check?: () => FormProblem | null) => (e: Event) => Promise<void>;
}

export function useForm<V extends Record<string, unknown>>(initial: V): Form<V> {
  const [first] = useState(initial);
  const [values, setValues] = useState<V>(initial);
  const [error, setError] = useState<string | null>(null);
  const [errorField, setErrorField] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof V>(field: K, value: V[K] | ((prev: V[K]) => V[K])) =>
    setValues((prev) => ({
      ...prev,
      [field]: typeof value === 'function' ? (value as (p: V[K]) => V[K])(prev[field]) : value,
    }));

  const submit = (action: () => Promise<void>, check?: () => FormProblem | null) => async (e: Event) => {
    e.preventDefault();
    const problem = check?.();
    if (problem) {
      setError(problem.message);
      setErrorField(problem.field);
      return;
    }
    setBusy(true);
    setError(null);
    setErrorField(undefined);
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError) setErrorField(err.field);
    } finally {
      setBusy(false);
    }
  };

  return {
    values,
    set,
    reset: () => setValues(first),
    error,
    errorField,
    busy,
    invalid: (field) => (errorField === field ? 'invalid' : undefined),
    submit,
  };
}

interface PanelFormProps {
  form: Pick<Form<unknown>, 'error' | 'busy'>;
  onSubmit: (e: Event) => void;
  title: string;
  testId: string;
  errorTestId: string;
  /** Shown beside the submit button. */
  hint?: string;
  submitLabel: string;
  /** The submit button's text while busy, e.g. "Saving…". */
  busyLabel: string;
  submitTestId: string;
  children: ComponentChildren;
}

/** A form in a panel: title, the form's problem, the fields (children), hint and submit button. */
export function PanelForm(props: PanelFormProps) {
  const { form, onSubmit, title, testId, errorTestId, hint, submitLabel, busyLabel, submitTestId, children } = props;
  return (
    <form class="panel form-grid" onSubmit={onSubmit} data-testid={testId}>
      <h2 class="panel-title">{title}</h2>
      <ErrorBox message={form.error} testId={errorTestId} />
      {children}
      <div class="form-actions">
        {hint !== undefined && <span class="hint">{hint}</span>}
        <button type="submit" class="btn btn-primary" disabled={form.busy} data-testid={submitTestId}>
          {form.busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
