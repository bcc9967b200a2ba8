// The equipment hierarchy as the logbook's subject picker needs it: every equipment
// object of master data with its level and path (enterprise > ... > work unit), in tree
// order, and a search by id or name that ignores case.
import { masterdataApi } from '../masterdata/api';
import type { ObjectRow } from '../masterdata/types';

export interface EquipmentChoice {
  id: string;
  name: string;
  level: string;
  /** 0 for roots (enterprises and orphans). */
  depth: number;
  /** The ids above it, root first. */
  path: string[];
  /** False when it has no version in force (e.g. obsolete): the server then stores free text. */
  inForce: boolean;
}

interface Raw {
  row: ObjectRow;
  level: string;
  parent: string;
}

/** Loads the equipment rows and, for parent and level, each one's effective (else latest) version. */
export async function loadEquipment(): Promise<EquipmentChoice[]> {
  const { objects } = await masterdataApi.objects('equipment');
  const raws: Raw[] = await Promise.all(
    objects.map(async (row) => {
      const res = await masterdataApi.version(row.kind, row.id, row.effective_version ?? row.latest_version);
      const c = res.version.content;
      return {
        row,
        level: typeof c.level === 'string' ? c.level : '',
        parent: typeof c.parent === 'string' ? c.parent : '',
      };
    }),
  );
  return orderAsTree(raws);
}

function orderAsTree(raws: Raw[]): EquipmentChoice[] {
  const byId = new Map(raws.map((r) => [r.row.id, r]));
  const children = new Map<string, Raw[]>();
  const roots: Raw[] = [];
  for (const r of raws) {
    const p = r.parent && r.parent !== r.row.id ? byId.get(r.parent) : undefined;
    if (p) children.set(p.row.id, [...(children.get(p.row.id) ?? []), r]);
    else roots.push(r);
  }
  const out: EquipmentChoice[] = [];
  const seen = new Set<string>();
  const visit = (r: Raw, path: string[]) => {
    if (seen.has(r.row.id)) return; // a cycle in the data: list each object once
    seen.add(r.row.id);
    out.push({
      id: r.row.id,
      name: r.row.name,
      level: r.level,
      depth: path.length,
      path,
      inForce: r.row.effective_version != null && r.row.status === 'effective',
    });
    const kids = (children.get(r.row.id) ?? []).sort((a, b) => a.row.id.localeCompare(b.row.id));
    kids.forEach((k) => visit(k, [...path, r.row.id]));
  };
  roots.sort((a, b) => a.row.id.localeCompare(b.row.id)).forEach((r) => visit(r, []));
  return out;
}

/** The choices whose id or name contains `query` (ignoring case); all for an empty query. */
export function searchEquipment(choices: EquipmentChoice[], query: string): EquipmentChoice[] {
  const q = query.trim().toLowerCase();
  if (!q) return choices;
  return choices.filter((c) => c.id.toLowerCase().includes(q) || c.name.toLowerCase().includes(q));
}

/** The choice whose id equals `subject` exactly (the server's rule for "equipment"). */
export function findEquipment(choices: EquipmentChoice[], subject: string): EquipmentChoice | undefined {
  return choices.find((c) => c.id === subject && c.inForce);
}
