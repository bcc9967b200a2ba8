// Master data types (docs/masterdata.md): the kinds table, objects, versions, diffs,
// change requests.
import type { Signature } from '../signatures/types';

export type FieldType =
  | 'string'
  | 'text'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'choice'
  | 'date'
  | 'string_list'
  | 'object'
  | 'object_list';

/** One field of a kind (GET /masterdata/kinds); drives forms, renderers and diffs. */
export interface KindField {
  name: string;
  type: FieldType;
  required: boolean;
  description: string;
  choices?: string[];
  min?: number;
  max?: number;
  max_length?: number;
  max_items?: number;
  references?: string;
  key?: string;
  fields?: KindField[];
}

export interface KindDef {
  kind: string;
  label: string;
  directory: string;
  description: string;
  fields: KindField[];
  /** Configuration kinds: the one object id allowed (null: any). */
  fixed_id?: string | null;
  /** The permission drafting this kind needs besides masterdata.edit (null: none). */
  draft_permission?: string | null;
  /** False for configuration kinds: a site always has settings and a policy. */
  can_obsolete?: boolean;
}

/** Master data content: a JSON object whose first fields are id and name. */
export type Content = Record<string, unknown>;

export interface Version {
  kind: string;
  id: string;
  version: number;
  state: string;
  status: string;
  action: 'define' | 'obsolete' | string;
  name: string;
  content: Content;
  content_hash: string;
  change_request: string;
  author: string;
  created_us: number;
  effective_from_us: number | null;
  signatures: Signature[];
}

export interface ObjectRow {
  kind: string;
  id: string;
  name: string;
  status: 'effective' | 'obsolete' | 'none' | string;
  effective_version: number | null;
  latest_version: number;
  latest_state: string;
}

export interface Change {
  path: string;
  old: unknown;
  new: unknown;
}

export interface DiffResult {
  from: number;
  to: number;
  changes: Change[];
}

export interface ChangeRequestItem {
  kind: string;
  id: string;
  version: number;
  action: string;
  state: string;
  name: string;
  content_hash: string;
  base_version: number | null;
  changes: Change[];
}

export interface HistoryEntry {
  seq: number;
  type: string;
  actor: string;
  time_us: number;
}

export const CHANGE_REQUEST_STATES = ['open', 'in_review', 'approved', 'rejected', 'withdrawn'] as const;

export interface ChangeRequest {
  id: string;
  title: string;
  description: string;
  reason: string;
  impact: string;
  state: string;
  revision: number;
  author: string;
  /** Documented, not (yet) sent by the server: shown as "—" when missing. */
  created_us?: number;
  effective_from_us: number | null;
  approvals_required: number;
  /** Only in the list. */
  item_count?: number;
  approvals: number;
  /** Only on GET /change-requests/{id} and command replies. */
  items?: ChangeRequestItem[];
  signatures?: Signature[];
  history?: HistoryEntry[];
}

export interface NewChangeRequest {
  title: string;
  description: string;
  reason: string;
  impact?: string;
  effective_from?: string;
}

export type SigningAction = 'submit' | 'approve' | 'reject' | 'review';
