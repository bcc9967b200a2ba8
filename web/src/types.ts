// Types mirroring the ordo HTTP API (JSON under /api/v1).
// Keep these in line with the server contract; they are compile-time only.

export type Permission =
  | 'logbook.read'
  | 'logbook.write'
  | 'audit.read'
  | 'ledger.verify'
  | 'user.manage'
  | 'masterdata.read'
  | 'masterdata.edit'
  | 'masterdata.approve'
  | 'site.configure'
  | 'personnel.manage';

export const ROLES = ['operator', 'supervisor', 'quality', 'engineer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: number;
  name: string;
  display_name: string;
  roles: string[];
  permissions: string[];
}

export interface SessionResponse {
  token: string;
  expires_at: string;
  user: SessionUser;
}

export interface SessionInfo {
  user: SessionUser;
  expires_at: string;
}

export interface Health {
  status: string;
  version: string;
  head_seq: number;
}

export const LOGBOOK_CATEGORIES = [
  'use',
  'cleaning',
  'maintenance',
  'calibration',
  'shift_handover',
  'deviation_note',
  'other',
] as const;
export type LogbookCategory = (typeof LOGBOOK_CATEGORIES)[number];

export interface LogbookEntry {
  seq: number;
  subject: string;
  category: string;
  text: string;
  actor: string;
  role: string;
  time: string;
  corrects: number | null;
  reason: string | null;
  corrected_by: number[];
}

export interface NewLogbookEntry {
  subject: string;
  category: string;
  text: string;
  corrects?: number;
  reason?: string;
}

export interface LedgerSubject {
  kind: string;
  id: string;
  version: number;
}

export interface LedgerEntry {
  seq: number;
  time: string;
  time_us: number;
  actor: string;
  role: string;
  type: string;
  schema_version: number;
  subject: LedgerSubject | null;
  payload: unknown;
  reason: string | null;
  signatures: unknown[];
  prev_hash: string;
  hash: string;
}

export interface LedgerPage {
  entries: LedgerEntry[];
  next: number;
}

export interface LedgerFilter {
  type?: string;
  actor?: string;
  subject?: string;
  from?: string;
  to?: string;
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  checkpoints: number;
  head_seq: number;
  message: string;
}

export interface User {
  id: number;
  name: string;
  display_name: string;
  roles: string[];
  disabled: boolean;
}

export interface NewUser {
  name: string;
  display_name: string;
  roles: string[];
  password: string;
}

/** RFC 9457 problem details, plus ordo's extension members. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  field?: string;
  retry_after_seconds?: number;
  /** Finer cause, e.g. four_eyes, policy_not_acknowledged. */
  reason?: string;
  /** Validation errors (content of a draft, files of a plant apply). */
  errors?: FieldError[];
}

// ---------- master data (docs/masterdata.md) ----------

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
}

/** Master data content: a JSON object whose first fields are id and name. */
export type Content = Record<string, unknown>;

export type SignatureStatus = 'valid' | 'broken' | 'earlier_revision';

/** A signature manifestation (Part 11 §11.50). */
export interface Signature {
  signature_id: number;
  signer_id: number;
  signer: string;
  printed_name: string;
  meaning: string;
  comment: string | null;
  time_us: number;
  time: string;
  record_kind: string;
  record_id: string;
  record_version: number;
  content_hash: string;
  status: SignatureStatus;
}

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

export interface FieldError {
  field: string;
  message: string;
  file?: string;
  line?: number;
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

/** The signature block of a signed command (re-authentication at every signing). */
export interface SignatureInput {
  user?: string;
  password: string;
  meaning: string;
  comment?: string;
}

export interface SignaturePolicy {
  version: number;
  text: string;
  acknowledged: boolean;
}

export interface SiteSettings {
  approvals_required: number;
  signing_password_only: boolean;
}

/** A failed sign-in or signing (a ledger entry of type session.login_failed / signature.failed). */
export interface SecurityEvent {
  seq: number;
  time: string;
  time_us?: number;
  type: string;
  actor?: string;
  payload: { user?: string; client?: string; detail?: string } | null;
}

export interface SecurityEventsPage {
  events: SecurityEvent[];
  next: number;
}
