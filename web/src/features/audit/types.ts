// Audit trail types: ledger entries, filters, chain verification.
import type { Paging } from '../../shared/types';
import type { Signature, SignatureInput } from '../signatures/types';

export interface LedgerSubject {
  kind: string;
  id: string;
  version: number;
}

// Where an entry came from: client address, session (seq of its sign-in), station.
export interface LedgerOrigin {
  address: string;
  session: number | null;
  terminal: string | null;
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
  origin?: LedgerOrigin; // absent in entries written before release 0.2
}

export interface LedgerPage extends Paging {
  entries: LedgerEntry[];
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

/** The filters a review used (GET /ledger's names); null: not used. */
export interface ReviewFilters {
  type: string | null;
  actor: string | null;
  subject: string | null;
}

/** A signed review of a period of the audit trail (GET /audit-reviews). */
export interface AuditReview {
  id: string;
  seq: number;
  time: string;
  from: string;
  to: string;
  from_us: number;
  to_us: number;
  first_seq: number;
  last_seq: number;
  last_entry_hash: string;
  entries_in_period: number;
  entries_matched: number;
  filters: ReviewFilters;
  comment: string | null;
  reviewer_id: number;
  reviewer: string;
  printed_name: string;
  signature_seq: number;
  chain: 'intact' | 'changed';
  signatures: Signature[];
}

/** The body of POST /audit-reviews. */
/** GET /ledger/span: what a review of a period with filters covers, before signing. */
export interface LedgerSpan {
  entries_in_period: number;
  first_seq: number;
  last_seq: number;
  entries_matched: number;
}

export interface ReviewRequest {
  from: string;
  to: string;
  filters: { type?: string; actor?: string; subject?: string };
  comment?: string;
  signature: SignatureInput;
}
