// Helpers shared by the master data pages: field paths as the server names them,
// readable values and labels, and the kinds table cache.
import type { FieldError } from '../../shared/types';
import { masterdataApi } from './api';
import type { Content, KindDef, KindField } from './types';
import { humanize, valueText } from './labels';

let kindsCache: Promise<KindDef[]> | null = null;

/** The kinds table (GET /masterdata/kinds), fetched once per page load. */
export function loadKinds(): Promise<KindDef[]> {
  if (!kindsCache) {
    kindsCache = masterdataApi.kinds().catch((err) => {
      kindsCache = null;
      throw err;
    });
  }
  return kindsCache;
}

/** "work_center_class" -> "Work center class" (see labels.ts humanize). */
export function fieldLabel(name: string): string {
  return humanize(name);
}

/** Child path of a field: "operations[id=20]" + "parameters" -> "operations[id=20].parameters". */
export function joinPath(parent: string, name: string): string {
  return parent ? `${parent}.${name}` : name;
}

/**
 * Path of a list item as the server names it: by its key when the list has one and the
 * item's key value is a non-empty string ("operations[id=20]"), else by index ("bom[2]").
 */
export function itemPath(listPath: string, field: KindField, item: unknown, index: number): string {
  if (field.key && item && typeof item === 'object') {
    const k = (item as Record<string, unknown>)[field.key];
    if (typeof k === 'string' && k !== '') return `${listPath}[${field.key}=${k}]`;
  }
  return `${listPath}[${index}]`;
}

/** Errors whose field is exactly `path`. */
export function errorsAt(errors: FieldError[], path: string): FieldError[] {
  return errors.filter((e) => e.field === path);
}

/** A value for display: absent "—", else as labels.ts valueText (yes/no, lists comma-separated). */
export function formatValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  return valueText(v);
}

/** A diff value as text (labels.ts valueText); DiffTable renders values itself. */
export function formatDiffValue(v: unknown): string {
  return valueText(v);
}

/** Content for a new object: its id, nothing else (validation says what is missing). */
export function newContent(id: string): Content {
  return { id };
}

/** Is the field a plain value (shown in one table cell or one input)? */
export function isScalar(f: KindField): boolean {
  return f.type !== 'object' && f.type !== 'object_list' && f.type !== 'text';
}

export function kindLabel(kinds: KindDef[], kind: string): string {
  return kinds.find((k) => k.kind === kind)?.label ?? kind;
}
