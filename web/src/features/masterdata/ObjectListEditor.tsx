// A list of objects (operations, parameters, BOM lines, codes, ...) as repeatable
// fieldsets with add, remove, move up and move down. Items are named by their key
// (e.g. "operations[id=20]") for error paths and test ids, as the server names them.
// The list and each rich item (one with lists or text inside, e.g. an operation) is a
// section that opens and closes (sections.ts); a closed one shows one line with its
// title, size and the number of problems inside.
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../shared/types';
import type { Content, KindField } from './types';
import { errorsAt, fieldLabel, itemPath } from './kinds';
import { itemTitle, singular } from './fieldPaths';
import { useSectionState } from './sections';
import { ContentForm } from './ContentForm';

interface Props {
  field: KindField;
  items: Content[];
  path: string;
  errors: FieldError[];
  onChange: (items: Content[]) => void;
}

/** Errors at `path` or anywhere inside it. */
function errorsWithin(errors: FieldError[], path: string): number {
  return errors.filter((e) => e.field === path || e.field.startsWith(path + '.') || e.field.startsWith(path + '[')).length;
}

/** An item with lists, sub-objects or long text inside gets its own section. */
const isRich = (field: KindField) => (field.fields ?? []).some((f) => f.type === 'object_list' || f.type === 'object' || f.type === 'text');

/** "5 parameters, 2 characteristics" for the closed line of an operation. */
function itemSize(field: KindField, item: Content): string {
  return (field.fields ?? [])
    .filter((f) => f.type === 'object_list' && Array.isArray(item[f.name]) && (item[f.name] as unknown[]).length > 0)
    .map((f) => `${(item[f.name] as unknown[]).length} ${fieldLabel(f.name).toLowerCase()}`)
    .join(', ');
}

function Problems({ n }: { n: number }) {
  if (n === 0) return null;
  return (
    <span class="section-problems" data-testid="section-problems">
      {n} problem{n === 1 ? '' : 's'}
    </span>
  );
}

function Toggle({ open, onToggle, testId, children }: { open: boolean; onToggle: () => void; testId: string; children: ComponentChildren }) {
  return (
    <button type="button" class="section-toggle" aria-expanded={open} onClick={onToggle} data-testid={testId}>
      <span class="chevron" aria-hidden="true">
        {open ? '▾' : '▸'}
      </span>
      {children}
    </button>
  );
}

export function ObjectListEditor({ field, items, path, errors, onChange }: Props) {
  const sections = useSectionState();
  const own = errorsAt(errors, path);
  const rich = isRich(field);
  const listOpen = sections.isOpen(path);
  const replace = (i: number, item: Content) => {
    const before = itemPath(path, field, items[i], i);
    const after = itemPath(path, field, item, i);
    if (before !== after) sections.rename(before, after);
    onChange(items.map((x, j) => (j === i ? item : x)));
  };
  const remove = (i: number) => onChange(items.filter((_, j) => j !== i));
  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= items.length) return;
    const next = items.slice();
    [next[i], next[j]] = [next[j] as Content, next[i] as Content];
    onChange(next);
  };
  const add = () => {
    // A new rich item opens at once: it has nothing to hide yet.
    if (rich) sections.setOpen(`${path}[${items.length}]`, true);
    sections.setOpen(path, true);
    onChange([...items, {}]);
  };
  const full = field.max_items != null && items.length >= field.max_items;
  const invalid = own.length > 0 || (!listOpen && errorsWithin(errors, path) > 0);

  return (
    <fieldset class={invalid ? 'list-editor invalid' : 'list-editor'} data-testid={`list-${path}`} data-open={listOpen}>
      <legend title={field.description}>
        <Toggle open={listOpen} onToggle={() => sections.setOpen(path, !listOpen)} testId={`toggle-${path}`}>
          {fieldLabel(field.name)}
          {field.required ? ' *' : ''} <span class="muted">({items.length})</span>
        </Toggle>
      </legend>
      {!listOpen && <Problems n={errorsWithin(errors, path)} />}
      {own.length > 0 && (
        <ul class="field-errors" data-testid="field-error">
          {own.map((e, i) => (
            <li key={i}>{e.message}</li>
          ))}
        </ul>
      )}
      {listOpen &&
        items.map((item, i) => {
          const p = itemPath(path, field, item, i);
          const itemErrors = errorsAt(errors, p);
          const open = !rich || sections.isOpen(p);
          const inside = errorsWithin(errors, p);
          const title = itemTitle(field, item, i);
          return (
            <fieldset key={i} class={itemErrors.length || (!open && inside) ? 'list-item invalid' : 'list-item'} data-testid={`item-${p}`} data-open={open}>
              <legend>
                {rich ? (
                  <Toggle open={open} onToggle={() => sections.setOpen(p, !open)} testId={`toggle-${p}`}>
                    {title}
                  </Toggle>
                ) : (
                  title
                )}
              </legend>
              {!open && (
                <div class="section-closed">
                  <span class="muted">{itemSize(field, item)}</span>
                  <Problems n={inside} />
                </div>
              )}
              {open && (
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
              )}
              {open && itemErrors.length > 0 && (
                <ul class="field-errors" data-testid="field-error">
                  {itemErrors.map((e, k) => (
                    <li key={k}>{e.message}</li>
                  ))}
                </ul>
              )}
              {open && <ContentForm fields={field.fields ?? []} value={item} path={p} errors={errors} onChange={(c) => replace(i, c)} />}
            </fieldset>
          );
        })}
      {listOpen && (
        <div>
          <button type="button" class="btn btn-small" disabled={full} onClick={add} data-testid={`add-${path}`}>
            + Add {singular(field.name).toLowerCase()}
          </button>
        </div>
      )}
    </fieldset>
  );
}
