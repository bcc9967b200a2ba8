// The MIS web UI (docs/mis.md, "Web UI"): sign-in, then the OEE overview of the equipment
// hierarchy (#/), one scope's figures and work units (#/scope/ID), a scope's KPI trend with
// its target (#/trend/ID), its data-quality findings (#/quality/ID), with the window and
// profile chosen in the toolbar. Figures come only from the API (api.ts).
import { useEffect, useState } from 'preact/hooks';
import { getToken, onUnauthorized } from '../shared/http';
import { misApi, type MisUser, type Query } from './api';
import { SignIn } from './SignIn';
import { Toolbar } from './Toolbar';
import { Overview } from './Overview';
import { ScopePage } from './ScopePage';
import { FeedStatus } from './FeedStatus';
import { TrendPage } from './TrendPage';
import { QualityPage } from './QualityPage';
import { todayIn, windowOf, type WindowChoice } from './window';

type State =
  | { phase: 'loading' }
  | { phase: 'signed-out'; notice?: string }
  | { phase: 'signed-in'; user: MisUser };

type Route = { page: 'overview' } | { page: 'scope' | 'trend' | 'quality'; scope: string };

/** #/ (overview), #/scope/ID, #/trend/ID, #/quality/ID (an empty ID = the plant). */
const routeOfHash = (): Route => {
  const m = /^#\/(scope|trend|quality)\/(.*)$/.exec(window.location.hash);
  if (!m || (m[1] === 'scope' && !m[2])) return { page: 'overview' };
  return { page: m[1] as 'scope' | 'trend' | 'quality', scope: decodeURIComponent(m[2]) };
};

export function MisApp() {
  const [state, setState] = useState<State>(() => (getToken() ? { phase: 'loading' } : { phase: 'signed-out' }));
  const [route, setRoute] = useState<Route>(routeOfHash());
  const [choice, setChoice] = useState<WindowChoice>({ kind: 'day', date: todayIn('UTC'), from: '', to: '' });
  const [zone, setZone] = useState('UTC'); // the site's time zone (GET /api/v1/health)
  const [profile, setProfile] = useState('iso22400');

  useEffect(() => {
    onUnauthorized(() => setState({ phase: 'signed-out', notice: 'Your session has ended. Please sign in again.' }));
    const onHash = () => setRoute(routeOfHash());
    window.addEventListener('hashchange', onHash);
    const initial = todayIn('UTC');
    misApi
      .health()
      .then((h) => {
        const z = h.time_zone;
        if (!z || z === 'UTC') return;
        setZone(z);
        // Today in the site's zone, unless a day was chosen meanwhile.
        setChoice((c) => (c.date === initial ? { ...c, date: todayIn(z) } : c));
      })
      .catch(() => undefined); // UTC days until the server answers
    if (getToken()) {
      misApi
        .session()
        .then((s) => setState({ phase: 'signed-in', user: s.user }))
        .catch(() => setState({ phase: 'signed-out' }));
    }
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (state.phase === 'loading') return <div class="boot">Loading…</div>;
  if (state.phase === 'signed-out')
    return <SignIn notice={state.notice} onSignedIn={(user) => setState({ phase: 'signed-in', user })} />;

  const signOut = async () => {
    try {
      await misApi.signOut();
    } catch {
      // The token is dropped locally regardless.
    }
    window.location.hash = '';
    setState({ phase: 'signed-out' });
  };
  const w = windowOf(choice, zone);
  const scope = route.page === 'overview' ? '' : route.scope;
  const query: Query | null = w ? { scope, from: w.from, to: w.to, profile } : null;

  return (
    <div class="shell">
      <header class="header">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true">◆</span>
          <span class="brand-name">ordo</span>
          <span class="brand-sub">Management Information</span>
        </div>
        <FeedStatus />
        <div class="header-user">
          <span class="user-name" data-testid="user-name">{state.user.name}</span>
          <span class="role-badge" data-testid="user-role">{state.user.roles.join(', ')}</span>
          <button type="button" class="btn btn-ghost" data-testid="sign-out" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main class="content mis-content">
        <Toolbar choice={choice} onChoice={setChoice} profile={profile} onProfile={setProfile} zone={zone} />
        {!query ? (
          <div class="msg msg-info" role="status">Choose the window's start and end.</div>
        ) : route.page === 'overview' ? (
          <Overview query={query} />
        ) : route.page === 'quality' ? (
          <QualityPage key={scope} query={query} />
        ) : route.page === 'trend' ? (
          <TrendPage key={scope} query={query} user={state.user} />
        ) : (
          <ScopePage key={scope} query={query} />
        )}
      </main>
    </div>
  );
}
