// API types every capability uses: the signed-in user, RFC 9457 problems, field
// errors, paging. Types of one capability live in features/<capability>/types.ts.
// Keep these in line with the server contract; they are compile-time only.

/** The signed-in user as the session reports it (every page receives it). */
export interface SessionUser {
  id: number;
  name: string;
  display_name: string;
  roles: string[];
  permissions: string[];
}

export interface Health {
  status: string;
  version: string;
  commit: string;
  head_seq: number;
}

/** A page of a newest-first list: `next` is the `before` of the next older page (0 = none). */
export interface Paging {
  next: number;
}

export interface FieldError {
  field: string;
  message: string;
  file?: string;
  line?: number;
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
