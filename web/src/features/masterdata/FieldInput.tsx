// One form input generated from a kinds-table field: text input (string), text area
// (text), number, checkbox (boolean), select (choice), date, comma-separated list
// (string_list), nested fields (object) or repeatable fieldsets (object_list). Shows
// the validation errors whose path is this field's path.
import type { FieldError } from '../../shared/types';
import { BufferedInput } from '../../shared/BufferedInput';
import type { Content, KindField } from './types';
import { errorsAt, fieldLabel } from './kinds';
import { ContentForm } from './ContentForm';
import { ObjectListEditor } from './ObjectListEditor';

interface Props {
  field: KindField;
  value: unknown;
  path: string;
  errors: FieldError[];
  onChange: (v: unknown) => void;
}

const formatNumber = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const parseNumber = (t: string): unknown => {
  const s = t.trim();
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : s; // keep the text: validation names the problem
};
const formatList = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
const parseList = (t: string): unknown => {
  const items = t
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length ? items : undefined;
};

function rangeHint(f: KindField): string | undefined {
  if (f.min != null && f.max != null) return `${f.min} … ${f.max}`;
  if (f.min != null) return `≥ ${f.min}`;
  if (f.max != null) return `≤ ${f.max}`;
  return undefined;
}

function Errors({ errors }: { errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <ul class="field-errors" data-testid="field-error">
      {errors.map((e, i) => (
        <li key={i}>{e.message}</li>
      ))}
    </ul>
  );
}

export function FieldInput({ field, value, path, errors, onChange }: Props) {
  const own = errorsAt(errors, path);
  const cls = own.length ? 'invalid' : undefined;
  const testId = `field-${path}`;
  const label = (
    <span title={field.description}>
      {fieldLabel(field.name)}
      {field.required ? ' *' : ''}
    </span>
  );
  const str = typeof value === 'string' ? value : value === undefined ? '' : String(value);
  const setText = (t: string) => onChange(t === '' ? undefined : t);

  switch (field.type) {
    case 'object_list':
      return (
        <ObjectListEditor
          field={field}
          items={Array.isArray(value) ? (value as Content[]) : []}
          path={path}
          errors={errors}
          onChange={(items) => onChange(items.length ? items : undefined)}
        />
      );
    case 'object':
      return (
        <fieldset class="subform">
          <legend>{fieldLabel(field.name)}</legend>
          <Errors errors={own} />
          <ContentForm
            fields={field.fields ?? []}
            value={value && typeof value === 'object' ? (value as Content) : {}}
            path={path}
            errors={errors}
            onChange={(c) => onChange(Object.keys(c).length ? c : undefined)}
          />
        </fieldset>
      );
    case 'boolean':
      return (
        <div class="field field-check">
          <label class="check">
            <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.currentTarget.checked ? true : undefined)} data-testid={testId} />
            {label}
          </label>
          <Errors errors={own} />
        </div>
      );
    case 'text':
      return (
        <label class="field field-wide">
          {label}
          <textarea class={cls} value={str} rows={4} maxLength={field.max_length} onInput={(e) => setText(e.currentTarget.value)} data-testid={testId} />
          <Errors errors={own} />
        </label>
      );
    case 'choice':
      return (
        <label class="field">
          {label}
          <select class={cls} value={str} onChange={(e) => setText(e.currentTarget.value)} data-testid={testId}>
            <option value="">{field.required ? '— choose —' : '— none —'}</option>
            {(field.choices ?? []).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <Errors errors={own} />
        </label>
      );
    case 'integer':
    case 'number':
      return (
        <label class="field field-num">
          {label}
          <BufferedInput
            class={cls}
            inputMode={field.type === 'integer' ? 'numeric' : 'decimal'}
            value={value}
            format={formatNumber}
            parse={parseNumber}
            placeholder={rangeHint(field)}
            onChange={onChange}
            testId={testId}
          />
          <Errors errors={own} />
        </label>
      );
    case 'string_list':
      return (
        <label class="field">
          {label}
          <BufferedInput
            class={cls}
            value={value}
            format={formatList}
            parse={parseList}
            placeholder="comma-separated"
            onChange={onChange}
            testId={testId}
          />
          <Errors errors={own} />
        </label>
      );
    case 'date':
      return (
        <label class="field">
          {label}
          <input type="date" class={cls} value={str} onInput={(e) => setText(e.currentTarget.value)} data-testid={testId} />
          <Errors errors={own} />
        </label>
      );
    default:
      return (
        <label class="field">
          {label}
          <input
            class={cls}
            value={str}
            maxLength={field.max_length}
            onInput={(e) => setText(e.currentTarget.value)}
            placeholder={field.references ? `${field.references} id` : undefined}
            data-testid={testId}
          />
          <Errors errors={own} />
        </label>
      );
  }
}
