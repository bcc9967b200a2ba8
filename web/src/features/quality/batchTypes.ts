// Batch record types as GET /api/v1/orders/{id}/batch-record answers them
// (docs/batch-record.md). Sections the page only lists are loosely typed.

export type BatchState = 'in_progress' | 'awaiting_review' | 'ready_for_release' | 'released' | 'amended';
export type ExceptionKind =
  | 'limit_violation'
  | 'late_entry'
  | 'correction'
  | 'refused_attempt'
  | 'over_consumption'
  | 'deviation'
  | 'yield_out_of_limits';

/** Who and when: the ledger entry, the user, the time with its UTC offset. */
export interface At {
  seq: number;
  by: string;
  time: string;
}

export interface BatchException {
  id: string;
  kind: ExceptionKind;
  message: string;
  operation: string;
  subject: string;
  by: string;
  time: string;
  seq: number;
  deviation: string;
  details: Record<string, unknown>;
}

export interface ExceptionReview {
  exception_id: string;
  kind: ExceptionKind;
  status: 'open' | 'acknowledged' | 'dispositioned' | 'cleared_by_disposition';
  deviation?: string;
  comment?: string;
  reviewer?: string;
  time?: string;
  seq?: number;
}

export interface Missing {
  kind: string;
  operation: string;
  item: string;
  message: string;
}

export interface SealedVersion {
  version: number;
  content_hash: string;
  checkpoint_seq: number;
  seq: number;
  time: string;
  released_by: string;
  signature: { seq?: number; printed_name?: string; meaning?: string; time?: string } | null;
  amendment_reason: string | null;
}

export interface Parameter {
  name: string;
  value: number;
  unit: string;
  low: number | null;
  high: number | null;
  in_limits: boolean;
  critical: boolean;
  late: boolean;
  recorded: At;
}

export interface Characteristic {
  name: string;
  values: number[];
  unit: string;
  lower_spec: number | null;
  upper_spec: number | null;
  in_spec: boolean;
  recorded: At;
}

export interface Operation {
  operation: string;
  name: string;
  work_unit: string;
  started: At | null;
  completed: At | null;
  quantities: { good: number; scrap: number; rework: number; unit: string } | null;
  parameters: Parameter[];
  characteristics: Characteristic[];
  equipment_at_start: Record<string, unknown> | null;
  verification: { verifier: string; at: At } | null;
  second_person_verification: boolean;
}

export interface BatchRecord {
  order_id: string;
  content_hash: string;
  state: BatchState;
  product: Record<string, unknown>;
  order: { order_id: string; created: string; released: string; completed: At | null };
  quantities: {
    theoretical: number;
    unit: string;
    theoretical_base: number;
    actual_base: number;
    actual_basis: string;
    base_unit: string;
    yield_percent: number | null;
    yield_low: number | null;
    yield_high: number | null;
    yield_in_limits: boolean | null;
  };
  consumed_lots: {
    lot: string;
    material: string;
    bom_material: string;
    quantity: number;
    unit: string;
    operation: string;
    over_consumption: boolean;
    consumed: At;
  }[];
  produced_lots: { lot: string; material: string; quantity: number; unit: string; operation: string; expiry: string; produced: At }[];
  /** Device history (serial-tracked products); absent in records sealed before serials. */
  produced_serials?: { serial: string; material: string; source: string; operation: string; work_unit: string; produced: At }[];
  consumed_serials?: {
    serial: string;
    material: string;
    bom_material: string;
    alternate: boolean;
    operation: string;
    work_unit: string;
    consumed: At;
  }[];
  operations: Operation[];
  deviations: { id: string; state: string; classification: string; title: string; dispositions: unknown[] }[];
  signatures: { seq: number; printed_name: string; signer: string; meaning: string; time: string; record_kind: string; record_id: string }[];
  exceptions: BatchException[];
  completeness: { complete: boolean; missing: Missing[] };
  review: { exceptions: ExceptionReview[]; open: string[]; open_deviations: string[] };
  release: { released: boolean; versions: SealedVersion[] };
  amendment?: { previous_hash: string; previous_version: number; changed: string[] };
}

export interface ReviewItem {
  exception_id: string;
  outcome: 'acknowledged' | 'dispositioned';
  comment: string;
}

export interface ReleaseReply {
  batch_record: BatchRecord;
  checkpoint_seq: number;
}

/** One entry of the worklist source batchrecord.awaiting_review. */
export interface AwaitingReview {
  id: string;
  state: string;
  title: string;
  link: string;
}
