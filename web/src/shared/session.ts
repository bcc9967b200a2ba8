// Session helpers shared by pages: permission checks and the hash routes. The
// routes themselves (pages, labels, permissions) come from features/index.ts.
import type { SessionUser } from './types';

export function hasPermission(user: SessionUser | null, perm: string): boolean {
  return !!user && user.permissions.includes(perm);
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
