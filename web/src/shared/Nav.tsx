// Sidebar navigation. Shows only the pages the signed-in user holds the
// permission for (the list is computed by the caller from the features' routes).
import type { Route } from './feature';

interface Props {
  routes: Pick<Route, 'path' | 'label' | 'testId'>[];
  active: string | undefined;
  /** Counts shown beside a nav item (by route path); 0 shows nothing. */
  badges?: Record<string, number>;
}

export function Nav({ routes, active, badges = {} }: Props) {
  return (
    <nav class="sidebar" aria-label="Main navigation">
      <ul>
        {routes.map((r) => (
          <li key={r.path}>
            <a
              href={`#/${r.path}`}
              class={r.path === active ? 'nav-item active' : 'nav-item'}
              data-testid={r.testId}
              aria-current={r.path === active ? 'page' : undefined}
            >
              {r.label}
              {(badges[r.path] ?? 0) > 0 && (
                <span class="nav-badge" data-testid={`${r.testId}-badge`} title="in the last 24 hours">
                  {badges[r.path]}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
