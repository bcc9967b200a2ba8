// Human-readable labels: change request history entries, field names, choice values,
// list items and field paths ("operations[id=20].parameters[name=x].high" ->
// "Operation 20 Drive sub-assembly > Parameter X > High"). Pure functions over the
// kinds table (GET /masterdata/kinds) and content; no I/O, no DOM.
import type { Content, KindDef, KindField } from './types';

const HISTORY_LABELS: Record<string, string> = {
  'change_request.opened': 'Opened',
  'change_request.submitted': 'Submitted for review',
  'change_request.reviewed': 'Reviewed',
  'change_request.approval_signed': 'Approval signed',
  'change_request.approved': 'Approved',
  'change_request.rejected': 'Rejected',
  'change_request.withdrawn': 'Withdrawn',
  'masterdata.draft_saved': 'Draft saved',
  'masterdata.draft_withdrawn': 'Draft withdrawn',
  'signature.applied': 'Signature applied',
};

export function historyLabel(type: string): string {
  return HISTORY_LABELS[type] ?? type;
}

/** Fields the kinds table may label itself; without them labels are derived by rule. */
type Labelled = KindField & { label?: string; item_label?: string; choice_labels?: Record<string, string> };

const ACRONYMS: Record<string, string> = { id: 'ID', bom: 'BOM', sha256: 'SHA-256', cpp: 'CPP', lod: 'LOD', ipc: 'IPC' };

/** An identifier as words: "work_center_class" -> "Work center class", "bom" -> "BOM". */
export function humanize(name: string): string {
  const words = name.split(/[_\s]+/).filter(Boolean);
  const out = words.map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase()).join(' ');
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** A field's label: the kinds table's own, else its name by rule. */
export function labelOf(f: KindField): string {
  return (f as Labelled).label ?? humanize(f.name);
}

/** What one item of a list field is called: "operations" -> "Operation". */
export function itemNoun(f: KindField): string {
  const own = (f as Labelled).item_label;
  if (own) return own;
  const label = labelOf(f);
  if (/ies$/.test(label)) return label.slice(0, -3) + 'y';
  if (/(ss|us)$/.test(label)) return label;
  if (/s$/.test(label)) return label.slice(0, -1);
  return label === 'BOM' ? 'BOM line' : label;
}

/** A choice value's label: the kinds table's own, else by rule ("assembly_cell" -> "Assembly cell"). */
export function choiceLabel(f: KindField | undefined, value: string): string {
  return (f as Labelled | undefined)?.choice_labels?.[value] ?? humanize(value);
}

/**
 * Does the field hold identifiers of a closed set (a choice, or a class such as
 * work_center_class "assembly_cell")? Their values are shown by label.
 */
export function isEnumLike(f: KindField | undefined): boolean {
  return !!f && (f.type === 'choice' || (f.type === 'string' && /(^|_)class$/.test(f.name) && !f.references));
}

/** Identifier-like values (snake case) read better as words; others stay as written. */
export function readableKey(value: string): string {
  return /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(value) || /^[a-z]+$/.test(value) ? humanize(value) : value;
}

/**
 * An item of a list as a person names it: its key and its name when it has one,
 * e.g. "20 Drive sub-assembly", "Spring preload force", or "#3" by position.
 */
export function itemTitle(list: KindField, item: unknown, index: number): string {
  const obj = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
  const key = list.key ? obj[list.key] : undefined;
  const parts: string[] = [];
  if (typeof key === 'string' && key !== '') parts.push(list.key === 'name' ? readableKey(key) : key);
  else if (typeof key === 'number') parts.push(String(key));
  else parts.push(`#${index + 1}`);
  if (list.key !== 'name' && typeof obj.name === 'string' && obj.name !== '') parts.push(obj.name);
  return parts.join(' ');
}

/** One step of a parsed path: a field name and, for a list item, its key or index. */
export interface PathStep {
  name: string;
  key?: { field: string; value: string };
  index?: number;
}

/** Parses a server path ("a.b[key=v].c[2]"); null when it is not in that form. */
export function parsePath(path: string): PathStep[] | null {
  const steps: PathStep[] = [];
  let i = 0;
  while (i < path.length) {
    const m = /^[A-Za-z0-9_]+/.exec(path.slice(i));
    if (!m) return null;
    const step: PathStep = { name: m[0] };
    i += m[0].length;
    if (path[i] === '[') {
      // The item selector ends at the "]" that is followed by ".", "[" or the end.
      let end = i + 1;
      while (end < path.length && !(path[end] === ']' && (end + 1 === path.length || path[end + 1] === '.' || path[end + 1] === '[')))
        end++;
      if (end >= path.length) return null;
      const inner = path.slice(i + 1, end);
      const eq = inner.indexOf('=');
      if (/^\d+$/.test(inner)) step.index = Number(inner);
      else if (eq > 0) step.key = { field: inner.slice(0, eq), value: inner.slice(eq + 1) };
      else return null;
      i = end + 1;
    }
    steps.push(step);
    if (path[i] === '.') i++;
    else if (i < path.length) return null;
  }
  return steps;
}

type Obj = Record<string, unknown>;

function findItem(list: unknown, step: PathStep): Obj | undefined {
  if (!Array.isArray(list)) return undefined;
  if (step.index !== undefined) {
    const it = list[step.index];
    return it && typeof it === 'object' ? (it as Obj) : undefined;
  }
  if (!step.key) return undefined;
  const { field, value } = step.key;
  return list.find((it) => it && typeof it === 'object' && String((it as Obj)[field]) === value) as Obj | undefined;
}

/** What a path points at, resolved against the kind's fields and (optionally) content. */
export interface ResolvedPath {
  /** One label per step: "Operation 20 Drive sub-assembly", "High". */
  parts: string[];
  /** The field at the end of the path, when known. */
  field?: KindField;
  /** The path ends at a whole list item (added or removed item). */
  isItem: boolean;
  /** The object that holds the last field (for its unit), when found in the content. */
  holder?: Obj;
}

/**
 * Resolves `path` against `fields`, naming list items from `contents` (tried in order,
 * e.g. the new then the old version). Unknown fields keep their name by rule.
 */
export function resolvePath(fields: KindField[], path: string, contents: (Content | null | undefined)[] = []): ResolvedPath {
  const steps = parsePath(path);
  if (!steps) return { parts: [path], isItem: false };
  let level: KindField[] | undefined = fields;
  let nodes: unknown[] = contents.filter((c) => c && typeof c === 'object');
  const parts: string[] = [];
  let field: KindField | undefined;
  let holder: Obj | undefined;
  let isItem = false;
  for (const step of steps) {
    field = level?.find((f) => f.name === step.name);
    holder = nodes[0] as Obj | undefined;
    const values = nodes.map((n) => (n as Obj)[step.name]);
    if (step.key === undefined && step.index === undefined) {
      parts.push(field ? labelOf(field) : humanize(step.name));
      nodes = values.filter((v) => v && typeof v === 'object');
      level = field?.fields;
      isItem = false;
      continue;
    }
    const items = values.map((v) => findItem(v, step)).filter((v): v is Obj => !!v);
    const noun = field ? itemNoun(field) : humanize(step.name);
    if (field?.type === 'string_list' || !field) {
      parts.push(`${noun} ${step.index !== undefined ? step.index + 1 : step.key?.value}`);
    } else if (items[0]) {
      parts.push(`${noun} ${itemTitle(field, items[0], step.index ?? 0)}`);
    } else if (step.key) {
      parts.push(`${noun} ${step.key.field === 'name' ? readableKey(step.key.value) : step.key.value}`);
    } else {
      parts.push(`${noun} #${(step.index ?? 0) + 1}`);
    }
    holder = items[0] ?? holder;
    nodes = items;
    level = field?.fields;
    isItem = true;
  }
  return { parts, field, isItem, holder: isItem ? undefined : holder };
}

/** The kind's field table, or none for an unknown kind. */
export function kindFields(kinds: KindDef[], kind: string): KindField[] {
  return kinds.find((k) => k.kind === kind)?.fields ?? [];
}

/** A path as words, parts joined by " > " (the raw path when it cannot be parsed). */
export function labelPath(kinds: KindDef[], kind: string, path: string, content?: Content | null): string {
  if (path === '') return 'Whole content';
  return resolvePath(kindFields(kinds, kind), path, [content]).parts.join(' > ');
}

/** The unit a value at this path is measured in: the holder's "unit" field, for numbers. */
export function unitOf(r: ResolvedPath): string | undefined {
  if (!r.field || (r.field.type !== 'number' && r.field.type !== 'integer') || r.field.name === 'unit') return undefined;
  const u = r.holder?.unit;
  return typeof u === 'string' && u !== '' ? u : undefined;
}

/**
 * A plain value as text: absent "(none)", booleans yes/no, choices by label, numbers with
 * the unit, string lists comma-separated; objects compact JSON (callers render those
 * as content instead).
 */
export function valueText(v: unknown, field?: KindField, unit?: string): string {
  if (v === undefined || v === null) return '(none)';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return unit ? `${v} ${unit}` : String(v);
  if (typeof v === 'string') return isEnumLike(field) ? choiceLabel(field, v) : v === '' ? '(empty)' : v;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.length ? v.join(', ') : '(empty list)';
  return JSON.stringify(v);
}

/** One diff row in words: "Operation 20 Drive sub-assembly > Parameter X > High: 13.5 -> 14 N". */
export function changeText(fields: KindField[], c: { path: string; old: unknown; new: unknown }, contents: (Content | null | undefined)[] = []): string {
  const r = resolvePath(fields, c.path, contents);
  const unit = unitOf(r);
  const label = c.path === '' ? 'Whole content' : r.parts.join(' > ');
  if (c.old == null && c.new != null && r.isItem) return `${label}: added`;
  if (c.new == null && c.old != null && r.isItem) return `${label}: removed`;
  const plain = (v: unknown) => valueText(v, r.field);
  if (unit && typeof c.old === 'number' && typeof c.new === 'number') return `${label}: ${plain(c.old)} -> ${plain(c.new)} ${unit}`;
  return `${label}: ${valueText(c.old, r.field, unit)} -> ${valueText(c.new, r.field, unit)}`;
}
