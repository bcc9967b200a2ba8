// Personnel types: people, qualification grants and training records as the server
// lists them (GET /personnel/people, /personnel/qualifications, /personnel/training).

/** A user account as personnel sees it (no roles). */
export interface Person {
  id: number;
  name: string;
  display_name: string;
  disabled: boolean;
}

export type GrantStatus = 'valid' | 'expired' | 'revoked';

export interface Grant {
  /** The grant's ledger entry: revocations name it. */
  seq: number;
  user_id: number;
  qualification: string;
  /** Last valid day (YYYY-MM-DD); null: does not expire. */
  expires: string | null;
  granted_by: string;
  time_us: number;
  status: GrantStatus;
}

export interface TrainingRecord {
  seq: number;
  user_id: number;
  course: string;
  /** YYYY-MM-DD */
  completed: string;
  trainer: string | null;
  recorded_by: string;
}

/** A qualification that may be granted (master data in force). */
export interface Qualification {
  id: string;
  name: string;
}
