// Sidebar navigation. Shows only the pages the signed-in user holds the
// permission for (the list is computed by the caller from session.ts).
import type { RouteDef } from '../session';

interface Props {
  routes: RouteDef[];
  active: string | undefined;
}

export function Nav({ routes, active }: Props) {
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
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
