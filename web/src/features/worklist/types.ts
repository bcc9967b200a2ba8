// Worklist types (GET /worklist): what waits for the signed-in person.

/** One thing that waits, from one registered source. */
export interface WorklistItem {
  /** The registered source, e.g. "masterdata.change_requests". */
  source: string;
  /** What sort of work, e.g. "change_request.approve", "change_request.submitted". */
  kind: string;
  /** The record's id ("" for a summary item). */
  id: string;
  title: string;
  /** What is waited for, in words, e.g. "waiting for approval by quality (0 of 1)". */
  state: string;
  /** True when this person is the one to act; false when others are. */
  your_turn: boolean;
  /** The record's page: a hash route such as "#/change-requests/CR-000003". */
  link: string;
  since: string | null;
}

/** A source that could not be read; the others still answered. */
export interface WorklistError {
  source: string;
  code: string;
  message: string;
}

export interface WorklistResponse {
  items: WorklistItem[];
  errors: WorklistError[];
}
