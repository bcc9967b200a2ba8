// The layered layout of a trace graph, pure (no DOM): one column per depth, the start in
// the first or last column so that material always flows left to right (a backward
// trace puts the start on the right, a forward trace on the left); within a column the
// nodes are ordered by the mean row of the nodes they connect to in the column before
// (fewer crossings), then by id, so the same trace always gives the same picture.
import type { Trace, TraceEdge, TraceNode } from './types';

export const NODE_W = 210;
export const NODE_H = 66;
export const COL_GAP = 120;
export const ROW_GAP = 26;
export const MARGIN = 16;

export interface PlacedNode {
  node: TraceNode;
  x: number;
  y: number;
}

export interface PlacedEdge {
  edge: TraceEdge;
  /** Path from the parent's right side to the child's left side. */
  d: string;
  /** Where the label goes (the path's middle). */
  lx: number;
  ly: number;
}

export interface Layout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export function layoutTrace(trace: Trace): Layout {
  const maxDepth = trace.nodes.reduce((m, n) => Math.max(m, n.depth), 0);
  const column = (n: TraceNode) => (trace.direction === 'backward' ? maxDepth - n.depth : n.depth);
  const columns: TraceNode[][] = Array.from({ length: maxDepth + 1 }, () => []);
  for (const n of trace.nodes) columns[column(n)].push(n);
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
  for (const e of trace.edges) {
    link(e.parent, e.child);
    link(e.child, e.parent);
  }
  const row = new Map<string, number>();
  // Order columns outward from the start's column, so each sees its placed neighbours.
  const startCol = trace.direction === 'backward' ? maxDepth : 0;
  const order = columns.map((_, i) => i).sort((a, b) => Math.abs(a - startCol) - Math.abs(b - startCol));
  for (const c of order) {
    const mean = (n: TraceNode) => {
      const rows = (neighbours.get(n.id) ?? []).map((id) => row.get(id)).filter((r): r is number => r !== undefined);
      return rows.length ? rows.reduce((s, r) => s + r, 0) / rows.length : Number.MAX_SAFE_INTEGER;
    };
    const keyed = columns[c].map((n) => ({ n, key: mean(n) }));
    keyed.sort((a, b) => a.key - b.key || (a.n.id < b.n.id ? -1 : a.n.id > b.n.id ? 1 : 0));
    columns[c] = keyed.map((k) => k.n);
    columns[c].forEach((n, i) => row.set(n.id, i));
  }
  const tallest = columns.reduce((m, c) => Math.max(m, c.length), 1);
  const height = MARGIN * 2 + tallest * NODE_H + (tallest - 1) * ROW_GAP;
  const width = MARGIN * 2 + columns.length * NODE_W + (columns.length - 1) * COL_GAP;
  const placed = new Map<string, PlacedNode>();
  columns.forEach((nodes, c) => {
    const top = (height - (nodes.length * NODE_H + (nodes.length - 1) * ROW_GAP)) / 2;
    nodes.forEach((node, i) => {
      placed.set(node.id, { node, x: MARGIN + c * (NODE_W + COL_GAP), y: top + i * (NODE_H + ROW_GAP) });
    });
  });
  const edges: PlacedEdge[] = [];
  for (const edge of trace.edges) {
    const from = placed.get(edge.parent);
    const to = placed.get(edge.child);
    if (!from || !to) continue;
    const x1 = from.x + NODE_W;
    const y1 = from.y + NODE_H / 2;
    const x2 = to.x;
    const y2 = to.y + NODE_H / 2;
    const bend = Math.max(40, (x2 - x1) / 2);
    edges.push({
      edge,
      d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`,
      lx: (x1 + x2) / 2,
      ly: (y1 + y2) / 2,
    });
  }
  return { width, height, nodes: [...placed.values()], edges };
}

/** "750 ea", "1.5 kg" or "" for a node's quantity. */
export function quantityText(quantity: number | null, unit: string | null): string {
  if (quantity === null || quantity === undefined) return '';
  return `${Number(quantity.toPrecision(9))}${unit ? ` ${unit}` : ''}`;
}

/** "consumed 2 kg" for an edge (no quantity for a serial's 0). */
export function edgeLabel(e: TraceEdge): string {
  return e.quantity ? `${e.kind} ${quantityText(e.quantity, e.base_unit)}` : e.kind;
}
