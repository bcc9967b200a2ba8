// Field paths as the server names them ("operations[id=20].parameters[name=x].high"):
// their enclosing sections, and every field of an object's content with a readable
// label, for "Propose a change" to start the draft editor at one field.
import type { Content, KindField } from './types';
import { fieldLabel, formatValue, isScalar, itemPath, joinPath } from './kinds';

/**
 * The sections enclosing a path, outermost first: for
 * "operations[id=20].parameters[name=x].high" the lists and items "operations",
 * "operations[id=20]", "operations[id=20].parameters" and
 * "operations[id=20].parameters[name=x]". Dots and brackets inside a key are kept.
 */
export function pathAncestors(path: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '[') {
      if (depth === 0 && i > 0) out.push(path.slice(0, i));
      depth++;
    } else if (c === ']') {
      depth = Math.max(0, depth - 1);
    } else if (c === '.' && depth === 0) {
      out.push(path.slice(0, i));
    }
  }
  return out.filter((p, i) => out.indexOf(p) === i);
}

/** "operations" -> "Operation", "codes" -> "Code", "bom" -> "Bom". */
export function singular(listName: string): string {
  return fieldLabel(listName.replace(/s$/, ''));
}

/** The title of a list item: "Operation 20 Drive sub-assembly", "Parameter preload". */
export function itemTitle(field: KindField, item: Content, index: number): string {
  const key = field.key ? item[field.key] : undefined;
  const parts = [singular(field.name), key != null && key !== '' ? String(key) : `#${index + 1}`];
  if (typeof item.name === 'string' && item.name !== '' && field.key !== 'name') parts.push(item.name);
  return parts.join(' ');
}

/** One place in an object's content that a change can start from. */
export interface FieldEntry {
  path: string;
  /** "Operation 20 Drive sub-assembly › Parameter preload › High". */
  label: string;
  /** The current value, for display ("" for sections). */
  value: string;
  /** A list item (operation, parameter, ...) rather than one field. */
  section: boolean;
}

/** The first line of a text, cut at 60 characters, with "…" when there is more. */
function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 60 || line.length < text.trimEnd().length ? `${line.slice(0, 60)}…` : line;
}

/** Every field and list item of the content, in form order (hidden fields left out). */
export function fieldEntries(fields: KindField[], content: Content, hidden: string[] = ['id']): FieldEntry[] {
  const out: FieldEntry[] = [];
  const walk = (fs: KindField[], value: Content, path: string, prefix: string) => {
    for (const f of fs) {
      if (!path && hidden.includes(f.name)) continue;
      const p = joinPath(path, f.name);
      const label = prefix ? `${prefix} › ${fieldLabel(f.name)}` : fieldLabel(f.name);
      const v = value[f.name];
      if (f.type === 'object_list') {
        const items = Array.isArray(v) ? (v as Content[]) : [];
        items.forEach((item, i) => {
          const ip = itemPath(p, f, item, i);
          const title = itemTitle(f, item, i);
          const itemLabel = prefix ? `${prefix} › ${title}` : title;
          out.push({ path: ip, label: itemLabel, value: '', section: true });
          walk(f.fields ?? [], item && typeof item === 'object' ? item : {}, ip, itemLabel);
        });
      } else if (f.type === 'object') {
        walk(f.fields ?? [], v && typeof v === 'object' ? (v as Content) : {}, p, label);
      } else {
        const shown = isScalar(f) || typeof v !== 'string' ? formatValue(v) : firstLine(v);
        out.push({ path: p, label, value: shown, section: false });
      }
    }
  };
  walk(fields, content, '', '');
  return out;
}

/** Entries whose label, path or value contains every word of the query (any case). */
export function searchEntries(entries: FieldEntry[], query: string): FieldEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return entries.filter((e) => e.section && !e.path.includes('.'));
  return entries.filter((e) => {
    const hay = `${e.label} ${e.path} ${e.value}`.toLowerCase().replace(/_/g, ' ');
    const raw = `${e.label} ${e.path}`.toLowerCase();
    return words.every((w) => hay.includes(w.replace(/_/g, ' ')) || raw.includes(w));
  });
}
