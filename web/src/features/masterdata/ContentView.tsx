// Readable rendering of master data content, driven by the kind's field table: plain
// values as a definition list (choices by label, references as links), Markdown text
// rendered (work instructions), lists of plain objects as tables (BOM, parameters,
// characteristics) and lists of richer objects (routing operations) as one card per
// item. <FieldValue> renders any one value of a field the same way (used by diffs).
import { Fragment } from 'preact';
import { hashLink } from '../../shared/session';
import { Markdown } from '../../shared/MarkdownText';
import { AttachmentLink } from '../../shared/MarkdownText';
import type { Content, KindField } from './types';
import { isScalar } from './kinds';
import { isEnumLike, itemNoun, itemTitle, labelOf, readableKey, valueText } from './labels';

interface Props {
  fields: KindField[];
  content: Content;
}

type Obj = Record<string, unknown>;

/** A plain value: choices by label, references as links, numbers with a unit when given. */
function Plain({ field, value, unit, holder, keyed }: { field: KindField; value: unknown; unit?: string; holder?: Obj; keyed?: boolean }) {
  if (value === undefined || value === null || value === '') return <span class="muted">—</span>;
  const ref = field.references;
  if (ref === 'attachment' && typeof value === 'string') {
    const name = typeof holder?.name === 'string' ? holder.name : undefined;
    return <AttachmentLink sha256={value} name={name} />;
  }
  if (ref && typeof value === 'string') return <a href={hashLink('masterdata', ref, value)}>{value}</a>;
  if (ref && Array.isArray(value)) {
    return (
      <>
        {value.map((v, i) => (
          <Fragment key={i}>
            {i > 0 && ', '}
            <a href={hashLink('masterdata', ref, String(v))}>{String(v)}</a>
          </Fragment>
        ))}
      </>
    );
  }
  if (typeof value === 'string' && (isEnumLike(field) || keyed)) {
    const shown = keyed ? readableKey(value) : valueText(value, field);
    return shown === value ? <>{value}</> : <span title={value}>{shown}</span>;
  }
  return <>{valueText(value, field, unit)}</>;
}

function ItemTable({ field, items }: { field: KindField; items: Obj[] }) {
  const cols = (field.fields ?? []).filter((c) => items.some((it) => it[c.name] !== undefined));
  return (
    <div class="table-wrap">
      <table class="table table-compact" data-testid={`content-table-${field.name}`}>
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c.name} title={c.description}>
                {labelOf(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((it, i) => (
            <tr key={i}>
              {cols.map((c) => (
                <td key={c.name} class={c.type === 'number' || c.type === 'integer' ? 'num-cell' : undefined}>
                  <Plain field={c} value={it[c.name]} holder={it} keyed={field.key === 'name' && c.name === 'name'} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A list of objects: a table when every field is plain, else one card per item. */
export function ItemList({ field, items }: { field: KindField; items: Obj[] }) {
  if (items.length === 0) return <div class="muted">none</div>;
  const sub = field.fields ?? [];
  if (sub.every(isScalar)) return <ItemTable field={field} items={items} />;
  return (
    <div class="content-cards">
      {items.map((it, i) => (
        <div key={i} class="content-card" data-testid={`content-item-${field.name}`}>
          <div class="content-card-title">
            {itemNoun(field)} {itemTitle(field, it, i)}
          </div>
          <FieldsView fields={sub} content={it} />
        </div>
      ))}
    </div>
  );
}

/** One value of `field`, whatever its type, rendered readably (never one JSON cell). */
export function FieldValue({
  field,
  value,
  unit,
  holder,
  showTargets,
}: {
  field: KindField;
  value: unknown;
  unit?: string;
  holder?: Obj;
  /** Text fields show their link targets (diffs). */
  showTargets?: boolean;
}) {
  if (field.type === 'text' && typeof value === 'string') return <Markdown text={value} showTargets={showTargets} />;
  if (field.type === 'object' && value && typeof value === 'object' && !Array.isArray(value))
    return <FieldsView fields={field.fields ?? []} content={value as Content} />;
  if (field.type === 'object_list' && Array.isArray(value)) return <ItemList field={field} items={value as Obj[]} />;
  return <Plain field={field} value={value} unit={unit} holder={holder} />;
}

function FieldsView({ fields, content }: Props) {
  const plain = fields.filter((f) => isScalar(f) && content[f.name] !== undefined);
  const rich = fields.filter((f) => !isScalar(f) && content[f.name] !== undefined);
  return (
    <div class="content-view">
      {plain.length > 0 && (
        <dl class="detail-grid">
          {plain.map((f) => (
            <Fragment key={f.name}>
              <dt title={f.description}>{labelOf(f)}</dt>
              <dd data-testid={`content-${f.name}`}>
                <Plain field={f} value={content[f.name]} holder={content} />
              </dd>
            </Fragment>
          ))}
        </dl>
      )}
      {rich.map((f) => {
        const v = content[f.name];
        return (
          <div key={f.name} class="content-block" data-testid={`content-${f.name}`}>
            <div class="content-label" title={f.description}>
              {labelOf(f)}
              {Array.isArray(v) && <span class="muted"> ({v.length})</span>}
            </div>
            <FieldValue field={f} value={v} />
          </div>
        );
      })}
    </div>
  );
}

export function ContentView({ fields, content }: Props) {
  return <FieldsView fields={fields} content={content} />;
}
