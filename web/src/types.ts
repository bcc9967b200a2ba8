// Types mirroring the ordo HTTP API (JSON under /api/v1).
// Keep these in line with the server contract; they are compile-time only.

export type Permission =
  | 'logbook.read'
  | 'logbook.write'
  | 'audit.read'
  | 'ledger.verify'
  | 'user.manage';

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
}
