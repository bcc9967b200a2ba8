// API types of orders and lots (docs/orders-and-lots.md).

export interface Order {
  order_id: string;
  product: string;
  quantity: number;
  unit: string;
  due_date: string;
  priority: number;
  customer_order: string;
  state: string;
  held_from: string | null;
  state_reason: string | null;
  created: string;
  released: string | null;
  routing: string | null;
  routing_version: number | null;
}

export interface PinnedOperation {
  operation: string;
  position: number;
  name: string;
  operation_class: string;
  work_center_class: string;
  state: string;
  planned_quantity: number;
  work_unit: string | null;
  started: string | null;
  completed: string | null;
  good: number;
  scrap: number;
  rework: number;
  verified_by: string | null;
  spec: { second_person_verification?: boolean } & Record<string, unknown>;
}

export interface BomItem {
  material: string;
  quantity: number;
  unit: string;
  base_quantity: number;
  base_unit: string;
  alternates: string[];
}

export interface OrderDetail {
  order: Order;
  bom: BomItem[];
  operations: PinnedOperation[];
}

export type OrderAction = 'release' | 'hold' | 'resume' | 'cancel' | 'close';

export interface Lot {
  lot: string;
  material: string;
  supplier: string;
  supplier_lot: string;
  status: string;
  state: string;
  quantity: number;
  base_unit: string;
  expiry: string | null;
  retest: string | null;
  reason: string | null;
  received_at: string;
}

/** A serial number (GET /api/v1/serials, docs/orders-and-lots.md "The quality state of a serial"). */
export interface SerialUnit {
  serial: string;
  material: string;
  state: string;
  held_from: string | null;
  reason: string | null;
  order_id: string;
  operation: string;
  work_unit: string;
  source: string;
  produced_at: string;
  consumed_order_id: string | null;
  consumed_operation: string | null;
}

/** One serial's detail: its own release or rejection signatures. */
export interface SerialDetail extends SerialUnit {
  signatures: { signature_id: number; printed_name: string; meaning: string; time: string; status: string; comment: string | null }[];
}

/** Quality's unsigned steps on a serial (a reason each). */
export type SerialHoldAction = 'hold' | 'lift-hold';
