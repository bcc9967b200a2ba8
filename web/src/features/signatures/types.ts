// Electronic signature types: manifestations, the signature block of a signed
// command, the signature policy, site settings, security events.
import type { Paging } from '../../shared/types';

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

/**
 * A security event: a failed sign-in or signing (session.login_failed, signature.failed)
 * or an account change (user.created, user.disabled, user.role_granted, user.role_revoked).
 */
export interface SecurityEvent {
  seq: number;
  time: string;
  time_us?: number;
  type: string;
  actor?: string;
  reason?: string | null;
  payload: {
    user?: string;
    client?: string;
    detail?: string;
    name?: string;
    role?: string;
    roles?: string[];
    new?: { roles?: string[] };
  } | null;
}

export interface SecurityEventsPage extends Paging {
  events: SecurityEvent[];
}
