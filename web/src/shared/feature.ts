// The contract between the application shell (App.tsx, shared/Nav.tsx) and a
// capability: each features/<capability>/index.ts exports a Feature, and
// features/index.ts lists them in nav order.
import type { ComponentType } from 'preact';
import { hasPermission } from './session';
import type { SessionUser } from './types';

/** What every page receives: the signed-in user and the hash path segments after its route. */
export interface PageProps {
  user: SessionUser;
  params: string[];
}

/** One nav entry and the page behind it ("#/<path>"). */
export interface Route {
  /** The route in the URL hash: "#/<path>". */
  path: string;
  /** The nav entry's text. */
  label: string;
  /** Needed to see the nav entry and open the page. */
  permission: string;
  /** data-testid of the nav entry (its count badge gets "<testId>-badge"). */
  testId: string;
  component: ComponentType<PageProps>;
  /** Count shown beside the nav entry, fetched on every route change; 0 shows nothing. */
  badge?: (user: SessionUser) => Promise<number>;
}

export interface Feature {
  /** The capability's folder name under features/. */
  id: string;
  /** Its pages, in nav order. */
  routes: Route[];
}

/** The routes of all features that the user holds the permission for, in nav order. */
export function allowedRoutes(features: Feature[], user: SessionUser | null): Route[] {
  return features.flatMap((f) => f.routes).filter((r) => hasPermission(user, r.permission));
}
