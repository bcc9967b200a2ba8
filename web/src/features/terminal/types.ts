// The API types the operator terminal reads: the operation view of
// GET /orders/{id}/operations/{operation} (docs/execution.md section 6), the pinned spec
// inside it, and the reason code lists of master data.

export interface ParameterSpec {
  name: string;
  unit?: string;
  low?: number | null;
  high?: number | null;
  target?: number | null;
  critical?: boolean;
  source?: string;
}

export interface CharacteristicSpec {
  name: string;
  unit?: string;
  lower_spec?: number | null;
  upper_spec?: number | null;
  sample_size?: number;
}

export interface Attachment {
  name?: string;
  title?: string;
  sha256?: string;
  media_type?: string;
}

export interface OperationSpec {
  name?: string;
  instructions?: string;
  attachments?: Attachment[];
  parameters?: ParameterSpec[];
  characteristics?: CharacteristicSpec[];
  qualifications?: string[];
  second_person_verification?: boolean;
}

export type OperationState = 'pending' | 'in_progress' | 'paused' | 'completed' | 'verified' | 'cancelled';

export interface MaterialLine {
  material: string;
  alternates: string[];
  planned: number;
  consumed: number;
  base_unit: string;
  scrap_factor?: number;
}

export interface OperationView {
  order_id: string;
  operation: string;
  name: string;
  state: OperationState;
  order_state: string;
  product: string;
  order_quantity: number;
  unit: string;
  planned_quantity: number;
  work_unit: string;
  operation_class: string;
  work_center_class: string;
  spec: OperationSpec;
  instruction_hash: string;
  acknowledged: boolean;
  good: number;
  scrap: number;
  rework: number;
  verified_by: string;
  parameters: Record<string, unknown>[];
  characteristics: Record<string, unknown>[];
  exceptions: Record<string, unknown>[];
  materials: MaterialLine[];
}

export interface CommandReply {
  operation: OperationView;
  consumed?: Record<string, unknown>;
  recorded?: Record<string, unknown>;
  exceptions?: Record<string, unknown>[];
}

export interface ReasonCode {
  code: string;
  description: string;
}

export interface ReasonQuantity {
  code: string;
  quantity: number;
}
