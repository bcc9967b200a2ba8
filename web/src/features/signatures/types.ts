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
  /** The change request that approved it; "" for the policy ordo init published. */
  change_request?: string;
}

export interface SiteSettings {
  approvals_required: number;
  signing_password_only: boolean;
  password_min_length: number;
  password_expiry_days: number;
  late_entry_minutes: number;
}

/** GET /site/settings: the settings in force and the version that set them. */
export interface SiteConfiguration {
  settings: SiteSettings;
  source: { kind: string; id: string; version: number; change_request: string; effective_from: string | null } | null;
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
