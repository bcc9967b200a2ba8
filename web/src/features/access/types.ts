// Access types: sessions, user accounts, roles and permissions.
// The signed-in user itself (SessionUser) is in shared/types.ts: every page gets it.
import type { SessionUser } from '../../shared/types';

export type Permission =
  | 'logbook.read'
  | 'logbook.write'
  | 'audit.read'
  | 'ledger.feed'
  | 'ledger.verify'
  | 'user.manage'
  | 'masterdata.read'
  | 'masterdata.edit'
  | 'masterdata.approve'
  | 'site.configure'
  | 'personnel.manage';

export const ROLES = ['operator', 'supervisor', 'quality', 'engineer', 'admin', 'feed_reader'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionResponse {
  token: string;
  expires_at: string;
  user: SessionUser;
}

export interface SessionInfo {
  user: SessionUser;
  expires_at: string;
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
