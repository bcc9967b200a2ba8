// Shapes of the genealogy answers (docs/genealogy.md): a trace and a recall report.

export type Direction = 'backward' | 'forward';
export type NodeKind = 'lot' | 'serial' | 'order';
export type EdgeKind = 'consumed' | 'produced' | 'split' | 'merged';

export interface TraceNode {
  /** Node id: "lot:L-1", "serial:S-1", "order:WO-1". */
  id: string;
  kind: NodeKind;
  /** The id without its prefix. */
  ref: string;
  depth: number;
  known: boolean;
  material: string | null;
  status: string | null;
  quantity: number | null;
  base_unit: string | null;
  order_id: string | null;
}

export interface TraceEdge {
  parent: string;
  child: string;
  kind: EdgeKind;
  quantity: number;
  base_unit: string | null;
  order_id: string | null;
  operation: string | null;
  seq: number;
}

export interface Trace {
  start: string;
  direction: Direction;
  truncated: boolean;
  nodes: TraceNode[];
  edges: TraceEdge[];
}

export interface RecallItem {
  node: string;
  kind: 'lot' | 'serial';
  id: string;
  material: string;
  status: string | null;
  quantity: number;
  base_unit: string | null;
  location: string | null;
  order_id: string | null;
  depth: number;
}

export interface RecallReport {
  summary: { suspect: string; suspect_material: string | null; generated_at: string; count: number; truncated: boolean };
  items: RecallItem[];
}
