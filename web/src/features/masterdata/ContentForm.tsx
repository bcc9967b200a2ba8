// The fields of one object (the content, or one list item) as form inputs, in the
// kinds table's order. Empty optional fields are left out of the content.
import type { FieldError } from '../../shared/types';
import type { Content, KindField } from './types';
import { joinPath } from './kinds';
import { FieldInput } from './FieldInput';

interface Props {
  fields: KindField[];
  value: Content;
  path: string;
  errors: FieldError[];
  /** Fields not to show (e.g. the id, which is fixed by the object). */
  hidden?: string[];
  onChange: (value: Content) => void;
}

export function ContentForm({ fields, value, path, errors, hidden = [], onChange }: Props) {
  const set = (name: string, v: unknown) => {
    const next: Content = { ...value };
    if (v === undefined) delete next[name];
    else next[name] = v;
    onChange(next);
  };
  const plain = fields.filter((f) => !hidden.includes(f.name) && f.type !== 'object_list' && f.type !== 'object' && f.type !== 'text');
  const wide = fields.filter((f) => !hidden.includes(f.name) && !plain.includes(f));
  return (
    <div class="content-form">
      {plain.length > 0 && (
        <div class="form-row">
          {plain.map((f) => (
            <FieldInput key={f.name} field={f} value={value[f.name]} path={joinPath(path, f.name)} errors={errors} onChange={(v) => set(f.name, v)} />
          ))}
        </div>
      )}
      {wide.map((f) => (
        <FieldInput key={f.name} field={f} value={value[f.name]} path={joinPath(path, f.name)} errors={errors} onChange={(v) => set(f.name, v)} />
      ))}
    </div>
  );
}
