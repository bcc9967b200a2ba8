// Readable rendering of master data content, driven by the kind's field table:
// plain values as a definition list, Markdown text as preformatted text, lists of
// plain objects as tables (BOM, parameters, characteristics) and lists of richer
// objects (routing operations) as one card per item.
import { Fragment } from 'preact';
import type { Content, KindField } from './types';
import { fieldLabel, formatValue, isScalar } from './kinds';

interface Props {
  fields: KindField[];
  content: Content;
}

function ItemTable({ field, items }: { field: KindField; items: Record<string, unknown>[] }) {
  const cols = field.fields ?? [];
  return (
    <div class="table-wrap">
      <table class="table table-compact" data-testid={`content-table-${field.name}`}>
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c.name} title={c.description}>
                {fieldLabel(c.name)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((it, i) => (
            <tr key={i}>
              {cols.map((c) => (
                <td key={c.name} class={c.type === 'number' || c.type === 'integer' ? 'num-cell' : undefined}>
                  {formatValue(it[c.name])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function itemTitle(field: KindField, item: Record<string, unknown>, index: number): string {
  const key = field.key ? item[field.key] : undefined;
  const name = item.name;
  const parts = [key != null ? String(key) : `#${index + 1}`];
  if (typeof name === 'string' && field.key !== 'name') parts.push(name);
  return parts.join(' · ');
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
              <dt title={f.description}>
                {fieldLabel(f.name)}
              </dt>
              <dd data-testid={`content-${f.name}`}>{formatValue(content[f.name])}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {rich.map((f) => {
        const v = content[f.name];
        if (f.type === 'text') {
          return (
            <div key={f.name} class="content-block">
              <div class="content-label">{fieldLabel(f.name)}</div>
              <pre class="md-text" data-testid={`content-${f.name}`}>{String(v)}</pre>
            </div>
          );
        }
        if (f.type === 'object' && v && typeof v === 'object') {
          return (
            <div key={f.name} class="content-block">
              <div class="content-label">{fieldLabel(f.name)}</div>
              <FieldsView fields={f.fields ?? []} content={v as Content} />
            </div>
          );
        }
        if (f.type === 'object_list' && Array.isArray(v)) {
          const items = v as Record<string, unknown>[];
          const sub = f.fields ?? [];
          return (
            <div key={f.name} class="content-block">
              <div class="content-label">
                {fieldLabel(f.name)} <span class="muted">({items.length})</span>
              </div>
              {items.length === 0 ? (
                <div class="muted">none</div>
              ) : sub.every(isScalar) ? (
                <ItemTable field={f} items={items} />
              ) : (
                <div class="content-cards">
                  {items.map((it, i) => (
                    <div key={i} class="content-card" data-testid={`content-item-${f.name}`}>
                      <div class="content-card-title">{itemTitle(f, it, i)}</div>
                      <FieldsView fields={sub} content={it} />
                    </div>
                  ))}
                </div>
              )}
            </div>
          );
        }
        return null;
      })}
    </div>
  );
}

export function ContentView({ fields, content }: Props) {
  return <FieldsView fields={fields} content={content} />;
}
