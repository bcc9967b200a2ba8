// The equipment capability's shapes as the API answers them (docs/equipment.md).

export type MachineState = 'running' | 'idle' | 'setup' | 'down' | 'planned_stop' | 'offline';

export interface BoardCounts {
  basis: 'operation' | 'since' | 'none';
  from: string | null;
  total: number;
  good: number;
  scrap: number;
  rework: number;
}

export interface BoardRunning {
  order_id: string;
  operation: string;
  name: string;
  state: string;
  product: string;
  planned_quantity: number;
  started: string | null;
}

export interface BoardUnit {
  id: string;
  name: string;
  state: MachineState;
  sub_reason: string | null;
  reason_code: string | null;
  since: string | null;
  source: string | null;
  running: BoardRunning | null;
  counts: BoardCounts;
}

export interface BoardLine {
  id: string;
  name: string;
  level: string;
  work_units: BoardUnit[];
}

export interface Board {
  at: string;
  since: string | null;
  lines: BoardLine[];
}

export interface DowntimeCode {
  code: string;
  description: string;
}

export interface DowntimeInterval {
  work_unit: string;
  start: string;
  end: string | null;
  reason_code: string | null;
  source: string;
  context: { order_id: string; operation: string; product: string; operator: string };
  assigned: { by: string; at: string; comment: string } | null;
}

export interface DowntimeList {
  from: string;
  to: string;
  codes: DowntimeCode[];
  downtime: DowntimeInterval[];
}

export type SourceKind = 'rest' | 'mqtt' | 'sparkplug';

export interface Source {
  name: string;
  kind: SourceKind;
  work_units: string[];
  enabled: boolean;
  counter: 'increment' | 'cumulative';
  rollover_modulus: number;
  has_key: boolean;
  topics: string[];
  group_id: string;
  edge_node: string;
}

export interface SourceInput {
  name: string;
  kind: SourceKind;
  work_units: string[];
  counter: 'increment' | 'cumulative';
  group_id?: string;
  edge_node?: string;
}

/** A registration or key rotation: the source, and a rest source's key shown this once. */
export interface WithKey {
  source: Source;
  api_key: string | null;
}
