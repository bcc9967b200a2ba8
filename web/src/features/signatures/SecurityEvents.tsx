// Security events (audit.read): failed sign-ins (session.login_failed), failed
// signings (signature.failed) and account changes (user.created, user.disabled,
// user.role_granted, user.role_revoked), newest first, with the user concerned, the
// client address or the admin who acted, and the detail. Older events page in with
// "Load older events".
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { formatLocal } from '../../shared/time';
import { ErrorBox } from '../../shared/ErrorBox';
import { signaturesApi } from './api';
import type { SecurityEvent } from './types';

const PAGE_SIZE = 100;
const DAY_MS = 24 * 3600 * 1000;

/** Events of the last 24 hours (for the nav badge). */
export function recentCount(events: SecurityEvent[]): number {
  const since = Date.now() - DAY_MS;
  return events.filter((e) => {
    const t = e.time_us != null ? e.time_us / 1000 : Date.parse(e.time);
    return Number.isFinite(t) && t >= since;
  }).length;
}

const TYPE_LABELS: Record<string, string> = {
  'session.login_failed': 'Failed sign-in',
  'signature.failed': 'Failed signing',
  'user.created': 'User created',
  'user.disabled': 'User disabled',
  'user.role_granted': 'Role granted',
  'user.role_revoked': 'Role revoked',
};

const ACCOUNT_TYPES = new Set(['user.created', 'user.disabled', 'user.role_granted', 'user.role_revoked']);

/** The user concerned: the attempted name of a failure, the account of an account change. */
function subjectUser(e: SecurityEvent): string {
  return (ACCOUNT_TYPES.has(e.type) ? e.payload?.name : e.payload?.user) ?? '—';
}

/** The client address of a failure; "by <admin>" for an account change. */
function origin(e: SecurityEvent): string {
  if (ACCOUNT_TYPES.has(e.type)) return e.actor ? `by ${e.actor}` : '—';
  return e.payload?.client ?? '—';
}

/** What happened: the failure's detail, or the roles and the reason of an account change. */
function detail(e: SecurityEvent): string {
  const p = e.payload ?? {};
  const why = e.reason ? ` — ${e.reason}` : '';
  switch (e.type) {
    case 'user.created':
      return `roles: ${(p.roles ?? []).join(', ')}`;
    case 'user.disabled':
      return `disabled${why}`;
    case 'user.role_granted':
      return `+${p.role ?? ''} → ${(p.new?.roles ?? []).join(', ')}${why}`;
    case 'user.role_revoked':
      return `−${p.role ?? ''} → ${(p.new?.roles ?? []).join(', ')}${why}`;
    default:
      return p.detail ?? '';
  }
}

export function SecurityEvents() {
  const [events, setEvents] = useState<SecurityEvent[]>([]);
  const [older, setOlder] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async (before: number) => {
    setLoading(true);
    setError(null);
    try {
      const page = await signaturesApi.securityEvents({ before: before || undefined, limit: PAGE_SIZE });
      setEvents((prev) => (before === 0 ? page.events : prev.concat(page.events)));
      setOlder(page.next);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    void load(0);
  }, []);

  return (
    <section class="page" data-testid="page-security">
      <div class="page-head">
        <h1>Security events</h1>
        <p class="page-sub">
          Failed sign-ins and failed electronic signatures, newest first. Repeated failures on one account are throttled.
          Account changes (users created and disabled, roles granted and revoked) are listed with the admin who made
          them and why.
        </p>
      </div>
      <div class="panel">
        <div class="toolbar">
          <button type="button" class="btn btn-ghost" onClick={() => void load(0)} disabled={loading}>
            {loading ? 'Loading…' : 'Refresh'}
          </button>
          <span class="toolbar-info" data-testid="security-count">
            {loading ? 'Loading…' : `${events.length}${older ? '+' : ''} ${events.length === 1 && !older ? 'event' : 'events'} · ${recentCount(events)} in the last 24 h`}
          </span>
        </div>
        <ErrorBox message={error} testId="security-error" />
        <div class="table-wrap">
          <table class="table" data-testid="security-table">
            <thead>
              <tr>
                <th class="num">Seq</th>
                <th>Time</th>
                <th>Event</th>
                <th>User</th>
                <th>Client / by</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.seq} data-testid="security-row" data-type={e.type}>
                  <td class="num">{e.seq}</td>
                  <td class="mono nowrap">
                    <time dateTime={e.time} title={e.time}>
                      {formatLocal(e.time)}
                    </time>
                  </td>
                  <td>
                    <span class={e.type === 'signature.failed' ? 'tag tag-deviation_note' : 'tag'}>
                      {TYPE_LABELS[e.type] ?? e.type}
                    </span>
                  </td>
                  <td class="mono">{subjectUser(e)}</td>
                  <td class="mono">{origin(e)}</td>
                  <td>{detail(e)}</td>
                </tr>
              ))}
              {!loading && events.length === 0 && !error && (
                <tr>
                  <td colSpan={6} class="empty" data-testid="security-empty">
                    No failed sign-ins or signings, no account changes.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {older > 0 && (
          <div class="list-foot">
            <button type="button" class="btn" disabled={loading} onClick={() => void load(older)}>
              {loading ? 'Loading…' : 'Load older events'}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
