// Top-level component: restores or establishes the session, then renders the
// application shell (header + sidebar) and the page selected by the URL hash. The
// pages, their nav entries and permissions come from the features (features/index.ts).
import { useEffect, useState } from 'preact/hooks';
import { getToken, onUnauthorized } from './shared/http';
import type { SessionUser } from './shared/types';
import { allowedRoutes } from './shared/feature';
import { currentHashParams, currentHashRoute } from './shared/session';
import { Header } from './shared/Header';
import { Nav } from './shared/Nav';
import { FEATURES } from './features';
import { ChangePasswordButton, SecurityBadge, SignIn } from './features/access';
import { accessApi } from './features/access/api';

type State =
  | { phase: 'loading' }
  | { phase: 'signed-out'; notice?: string }
  | { phase: 'signed-in'; user: SessionUser };

export function App() {
  const [state, setState] = useState<State>(() =>
    getToken() ? { phase: 'loading' } : { phase: 'signed-out' },
  );
  const [route, setRoute] = useState(currentHashRoute());
  const [params, setParams] = useState(currentHashParams());
  const [badges, setBadges] = useState<Record<string, number>>({});

  useEffect(() => {
    onUnauthorized(() =>
      setState({ phase: 'signed-out', notice: 'Your session has ended. Please sign in again.' }),
    );
    const onHash = () => {
      setRoute(currentHashRoute());
      setParams(currentHashParams());
    };
    window.addEventListener('hashchange', onHash);
    if (getToken()) {
      accessApi
        .session()
        .then((s) => setState({ phase: 'signed-in', user: s.user }))
        .catch(() => setState({ phase: 'signed-out' }));
    }
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Nav badges (e.g. failed sign-ins and signings of the last 24 h on "Security
  // events"): counted for the pages the user may open, again on every route change.
  const signedInUser = state.phase === 'signed-in' ? state.user : null;
  useEffect(() => {
    if (!signedInUser) {
      setBadges({});
      return;
    }
    let live = true;
    const setBadge = (path: string, n: number) =>
      live && setBadges((prev) => (prev[path] === n ? prev : { ...prev, [path]: n }));
    for (const r of allowedRoutes(FEATURES, signedInUser)) {
      const count = r.badge;
      if (!count) continue;
      count(signedInUser)
        .then((n) => setBadge(r.path, n))
        .catch(() => setBadge(r.path, 0));
    }
    return () => {
      live = false;
    };
  }, [signedInUser, route]);

  if (state.phase === 'loading') {
    return <div class="boot">Loading…</div>;
  }
  if (state.phase === 'signed-out') {
    return (
      <SignIn
        notice={state.notice}
        onSignedIn={(user) => setState({ phase: 'signed-in', user })}
      />
    );
  }

  const user = state.user;
  const routes = allowedRoutes(FEATURES, user);
  // No route: the first allowed page (the worklist). A route the user may not open, or
  // one that does not exist, says so: it never silently shows another page.
  const active = route ? routes.find((r) => r.path === route) : routes[0];
  const known = FEATURES.some((f) => f.routes.some((r) => r.path === route));

  const signOut = async () => {
    try {
      await accessApi.signOut();
    } catch {
      // The token is dropped locally regardless; nothing more to do.
    }
    window.location.hash = '';
    setState({ phase: 'signed-out' });
  };

  const Page = active?.component;
  const page = Page ? (
    <Page user={user} params={params} />
  ) : route ? (
    <div class="msg msg-error not-allowed" role="alert" data-testid={known ? 'not-allowed' : 'no-such-page'}>
      {known
        ? 'Not allowed: your roles do not give access to this page. Ask an administrator if you need it.'
        : 'There is no such page. Choose one from the menu.'}
    </div>
  ) : (
    <div class="empty" data-testid="no-access">
      Your account has no permissions for any page. Ask an administrator.
    </div>
  );

  return (
    <div class={user.roles.includes('operator') ? 'shell operator-screen' : 'shell'}>
      <Header user={user} onSignOut={signOut}>
        <SecurityBadge user={user} />
        <ChangePasswordButton user={user} />
      </Header>
      <div class="shell-body">
        <Nav routes={routes} active={active?.path} badges={badges} />
        <main class="content">{page}</main>
      </div>
    </div>
  );
}
