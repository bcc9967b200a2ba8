// Review of a change request: what each item does to the plant (adds, changes or
// removes an object) and the counts per kind shown at the top of a change request.
import type { ChangeRequestItem } from './types';

export type ItemEffect = 'added' | 'changed' | 'removed';

/** An obsolete draft removes its object; a draft with no base version adds one; any
 *  other draft changes an effective object. */
export function itemEffect(item: ChangeRequestItem): ItemEffect {
  if (item.action === 'obsolete') return 'removed';
  return item.base_version == null ? 'added' : 'changed';
}

export interface KindCount {
  kind: string;
  added: number;
  changed: number;
  removed: number;
}

/** Counts per kind, in the order the kinds first appear among the items. */
export function summarize(items: ChangeRequestItem[]): KindCount[] {
  const byKind = new Map<string, KindCount>();
  for (const it of items) {
    if (it.state === 'withdrawn') continue; // a withdrawn draft changes nothing
    let row = byKind.get(it.kind);
    if (!row) {
      row = { kind: it.kind, added: 0, changed: 0, removed: 0 };
      byKind.set(it.kind, row);
    }
    row[itemEffect(it)]++;
  }
  return [...byKind.values()];
}

/** The key of an item in a change request (one draft per object). */
export const itemKey = (it: { kind: string; id: string }) => `${it.kind}/${it.id}`;

/** Change requests up to this many items open with their items expanded: a few items
 *  fit a screen, so a click to see them would only cost time. */
export const EXPANDED_UP_TO = 3;
