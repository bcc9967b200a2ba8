// Deviation types as GET /api/v1/deviations and /deviations/{id} answer them
// (docs/deviations.md), and the ledger entries of a deviation's history.

export type Classification = 'minor' | 'major' | 'critical';
export type DispositionKind = 'use_as_is' | 'rework' | 'scrap' | 'return_to_supplier';

export interface DeviationNote {
  text: string;
  actor: string;
  time_us: number;
}

export interface DeviationDisposition {
  disposition: DispositionKind;
  comment: string;
  signer: string;
  /** The ledger seq of the signature.applied entry (its manifestation). */
  signature_seq: number;
  time_us: number;
}

export interface Deviation {
  id: string;
  state: 'open' | 'closed';
  order_id: string;
  operation: string;
  lots: string[];
  source: 'manual' | 'parameter_out_of_limits' | 'over_consumption';
  exception_seq: number;
  classification: Classification;
  title: string;
  description: string;
  blocks_completion: boolean;
  author: string;
  opened_seq: number;
  opened_us: number;
  closed_us: number;
  notes: DeviationNote[];
  root_cause: string;
  capa: string;
  dispositions: DeviationDisposition[];
  signatures_needed: number;
}

/** POST /deviations: a deviation opened by hand. */
export interface NewDeviation {
  order_id: string;
  operation?: string;
  lots?: string[];
  classification?: Classification;
  title: string;
  description?: string;
  blocks_completion?: boolean;
}

/** POST /deviations/{id}/update: any of these, at least one. */
export interface DeviationUpdate {
  classification?: Classification;
  description?: string;
  investigation_note?: string;
  root_cause?: string;
  capa?: string;
}

export interface DispositionReply {
  deviation: Deviation;
  second_signature_required: boolean;
}

/** A root cause of the deviation_category reason codes in force. */
export interface RootCause {
  code: string;
  description: string;
}

/** One ledger entry of the deviation (GET /ledger?subject=ID, audit.read). */
export interface HistoryEntry {
  seq: number;
  time: string;
  actor: string;
  role: string;
  type: string;
  payload: Record<string, unknown>;
}
