// Session helpers shared by pages: permission checks and the list of routes
// (pages) with the permission each one needs.
import type { SessionUser } from './types';

export function hasPermission(user: SessionUser | null, perm: string): boolean {
  return !!user && user.permissions.includes(perm);
}

export interface RouteDef {
  path: string;
  label: string;
  permission: string;
  testId: string;
}

export const ROUTES: RouteDef[] = [
  { path: 'logbook', label: 'Logbook', permission: 'logbook.read', testId: 'nav-logbook' },
  { path: 'audit', label: 'Audit trail', permission: 'audit.read', testId: 'nav-audit' },
  { path: 'users', label: 'Users', permission: 'user.manage', testId: 'nav-users' },
];

export function allowedRoutes(user: SessionUser | null): RouteDef[] {
  return ROUTES.filter((r) => hasPermission(user, r.permission));
}

/** Current route from the location hash ("#/audit" -> "audit"). */
export function currentHashRoute(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}
