// Audit trail types: ledger entries, filters, chain verification.
import type { Paging } from '../../shared/types';

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
