// A list of objects (operations, parameters, BOM lines, codes, ...) as repeatable
// fieldsets with add, remove, move up and move down. Items are named by their key
// (e.g. "operations[id=20]") for error paths and test ids, as the server names them.
import type { FieldError } from '../../shared/types';
import type { Content, KindField } from './types';
import { errorsAt, fieldLabel, itemPath } from './kinds';
import { ContentForm } from './ContentForm';

interface Props {
  field: KindField;
  items: Content[];
  path: string;
  errors: FieldError[];
  onChange: (items: Content[]) => void;
}

export function ObjectListEditor({ field, items, path, errors, onChange }: Props) {
  const own = errorsAt(errors, path);
  const replace = (i: number, item: Content) => onChange(items.map((x, j) => (j === i ? item : x)));
  const remove = (i: number) => onChange(items.filter((_, j) => j !== i));
  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= items.length) return;
    const next = items.slice();
    [next[i], next[j]] = [next[j] as Content, next[i] as Content];
    onChange(next);
  };
  const full = field.max_items != null && items.length >= field.max_items;

  return (
    <fieldset class={own.length ? 'list-editor invalid' : 'list-editor'} data-testid={`list-${path}`}>
      <legend title={field.description}>
        {fieldLabel(field.name)}
        {field.required ? ' *' : ''} <span class="muted">({items.length})</span>
      </legend>
      {own.length > 0 && (
        <ul class="field-errors" data-testid="field-error">
          {own.map((e, i) => (
            <li key={i}>{e.message}</li>
          ))}
        </ul>
      )}
      {items.map((item, i) => {
        const p = itemPath(path, field, item, i);
        const itemErrors = errorsAt(errors, p);
        const keyVal = field.key ? item[field.key] : undefined;
        return (
          <fieldset key={i} class={itemErrors.length ? 'list-item invalid' : 'list-item'} data-testid={`item-${p}`}>
            <legend>
              {fieldLabel(field.name.replace(/s$/, ''))} {keyVal != null && keyVal !== '' ? String(keyVal) : `#${i + 1}`}
            </legend>
            <div class="list-item-actions">
              <button type="button" class="btn btn-small btn-ghost" disabled={i === 0} onClick={() => move(i, -1)} title="Move up">
                ↑ Up
              </button>
              <button type="button" class="btn btn-small btn-ghost" disabled={i === items.length - 1} onClick={() => move(i, 1)} title="Move down">
                ↓ Down
              </button>
              <button type="button" class="btn btn-small btn-danger" onClick={() => remove(i)} data-testid={`remove-${p}`}>
                Remove
              </button>
            </div>
            {itemErrors.length > 0 && (
              <ul class="field-errors" data-testid="field-error">
                {itemErrors.map((e, k) => (
                  <li key={k}>{e.message}</li>
                ))}
              </ul>
            )}
            <ContentForm fields={field.fields ?? []} value={item} path={p} errors={errors} onChange={(c) => replace(i, c)} />
          </fieldset>
        );
      })}
      <div>
        <button type="button" class="btn btn-small" disabled={full} onClick={() => onChange([...items, {}])} data-testid={`add-${path}`}>
          + Add {fieldLabel(field.name.replace(/s$/, '')).toLowerCase()}
        </button>
      </div>
    </fieldset>
  );
}
