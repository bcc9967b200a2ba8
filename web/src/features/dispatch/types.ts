// The API types of dispatching (docs/dispatch.md, "Endpoints"): the work units of
// GET /work-units and a unit's sequenced list of GET /work-units/{id}/dispatch (the same
// list comes back from a move and over the stream).

export type DispatchRule = 'priority_due_date' | 'fifo' | 'shortest_processing_time' | 'critical_ratio';

/**
 * A work unit whose machine is down for longer than its down_block_seconds
 * (docs/equipment.md, "Availability"): no new operation starts there (equipment_down)
 * unless `overridden` (a supervisor let starts through until it leaves down).
 */
export interface EquipmentBlock {
  state: 'down';
  /** The down spell's DOWNTIME code; null = no reason given yet. */
  reason_code: string | null;
  /** The down spell's start (device time). */
  since: string;
  down_block_seconds: number;
  overridden: boolean;
}

export interface WorkUnit {
  id: string;
  name: string;
  work_center: string;
  equipment_class: string | null;
  /** Its work center's class: what routings name. */
  work_center_class: string | null;
  capabilities: string[];
  status: 'available' | 'in_maintenance' | 'out_of_service' | null;
  calibration_due: string | null;
  cleaning_status: string | null;
  cleaning_due: string | null;
  rule: DispatchRule;
  running: { order_id: string; operation: string; state: 'in_progress' | 'paused' } | null;
  equipment_block: EquipmentBlock | null;
}

export interface DispatchMove {
  direction: 'up' | 'down' | 'position';
  to_position: number | null;
  reason: string;
  by: string;
  seq: number;
}

export interface DispatchEntry {
  /** 1-based place on the list. */
  position: number;
  order_id: string;
  operation: string;
  name: string;
  product: string;
  priority: number;
  due_date: string;
  state: 'pending' | 'in_progress' | 'paused';
  planned_quantity: number;
  unit: string;
  /** Where it started (this unit); null while pending. */
  work_unit: string | null;
  /** Why it is where it is (the rule's comparison, or the supervisor's move). */
  reason: string;
  moved: boolean;
  move: DispatchMove | null;
  keys: Record<string, unknown>;
}

export interface DispatchList {
  work_unit: string;
  work_center: string;
  rule: DispatchRule;
  equipment_block: EquipmentBlock | null;
  entries: DispatchEntry[];
}

export interface MoveInput {
  order_id: string;
  operation: string;
  direction: 'up' | 'down' | 'position';
  to_position?: number;
  reason: string;
}
