// Top-level component: restores or establishes the session, then renders the
// application shell (header + sidebar) and the page selected by the URL hash.
import { useEffect, useState } from 'preact/hooks';
import { accessApi } from './features/access/api';
import { signaturesApi } from './features/signatures/api';
import { getToken, onUnauthorized } from './shared/http';
import type { SessionUser } from './shared/types';
import { allowedRoutes, currentHashParams, currentHashRoute, hasPermission } from './shared/session';
import { SignIn } from './features/access/SignIn';
import { Logbook } from './features/logbook/Logbook';
import { AuditTrail } from './features/audit/AuditTrail';
import { Users } from './features/access/Users';
import { MasterData } from './features/masterdata/MasterData';
import { ChangeRequests } from './features/masterdata/ChangeRequests';
import { SecurityEvents, recentCount } from './features/signatures/SecurityEvents';
import { Header } from './shared/Header';
import { Nav } from './shared/Nav';

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
  const [securityBadge, setSecurityBadge] = useState(0);

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

  // Nav badge: failed sign-ins and signings of the last 24 h (admins, audit.read).
  const signedInUser = state.phase === 'signed-in' ? state.user : null;
  useEffect(() => {
    if (!signedInUser || !hasPermission(signedInUser, 'audit.read')) {
      setSecurityBadge(0);
      return;
    }
    let live = true;
    signaturesApi
      .securityEvents({ limit: 100 })
      .then((page) => live && setSecurityBadge(recentCount(page.events)))
      .catch(() => live && setSecurityBadge(0));
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
  const routes = allowedRoutes(user);
  const active = routes.find((r) => r.path === route) ?? routes[0];

  const signOut = async () => {
    try {
      await accessApi.signOut();
    } catch {
      // The token is dropped locally regardless; nothing more to do.
    }
    window.location.hash = '';
    setState({ phase: 'signed-out' });
  };

  let page;
  switch (active?.path) {
    case 'logbook':
      page = <Logbook user={user} />;
      break;
    case 'audit':
      page = <AuditTrail user={user} />;
      break;
    case 'users':
      page = <Users user={user} />;
      break;
    case 'masterdata':
      page = <MasterData params={params} />;
      break;
    case 'change-requests':
      page = <ChangeRequests user={user} params={params} />;
      break;
    case 'security':
      page = <SecurityEvents />;
      break;
    default:
      page = (
        <div class="empty" data-testid="no-access">
          Your account has no permissions for any page. Ask an administrator.
        </div>
      );
  }

  return (
    <div class="shell">
      <Header user={user} onSignOut={signOut} />
      <div class="shell-body">
        <Nav routes={routes} active={active?.path} badges={{ security: securityBadge }} />
        <main class="content">{page}</main>
      </div>
    </div>
  );
}
