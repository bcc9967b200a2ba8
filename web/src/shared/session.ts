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
  { path: 'masterdata', label: 'Master data', permission: 'masterdata.read', testId: 'nav-masterdata' },
  { path: 'change-requests', label: 'Change requests', permission: 'masterdata.read', testId: 'nav-change-requests' },
  { path: 'security', label: 'Security events', permission: 'audit.read', testId: 'nav-security' },
];

export function allowedRoutes(user: SessionUser | null): RouteDef[] {
  return ROUTES.filter((r) => hasPermission(user, r.permission));
}

/** Current route from the location hash ("#/audit" -> "audit"). */
export function currentHashRoute(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

/** Path segments after the route ("#/masterdata/routing/RT-1" -> ["routing", "RT-1"]), decoded. */
export function currentHashParams(): string[] {
  const path = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return path
    .split('/')
    .slice(1)
    .filter((p) => p !== '')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
}

/** Hash link to a route with path segments, each encoded. */
export function hashLink(route: string, ...params: string[]): string {
  return '#/' + [route, ...params.map((p) => encodeURIComponent(p))].join('/');
}
