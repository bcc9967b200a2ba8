// Audit trail page: chain-verification banner, filters, and the ledger table
// (newest first). The API pages backwards with before/limit/next, so the page shows
// the newest entries at once and fetches older ones on "Load more". Quality signs a
// review of the period and filters shown ("Sign review of this period").
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import type { SessionUser } from '../../shared/types';
import { hasPermission, hashLink } from '../../shared/session';
import { ErrorBox } from '../../shared/ErrorBox';
import { signaturesApi } from '../signatures/api';
import { auditApi } from './api';
import { reviewPeriod, type ReviewPeriod } from './reviewPeriod';
import { ReviewSigningDialog } from './ReviewSigningDialog';
import type { AuditReview, LedgerEntry, LedgerFilter } from './types';
import { AuditFilters } from './AuditFilters';
import { LedgerRow } from './LedgerRow';
import { VerifyBanner } from './VerifyBanner';
import { loadKinds } from '../masterdata';
import type { KindDef } from '../masterdata/types';

const PAGE_SIZE = 100; // entries per API request and per "Load more"

interface Props {
  user: SessionUser;
}

export function AuditTrail({ user }: Props) {
  const [filter, setFilter] = useState<LedgerFilter>({});
  const [entries, setEntries] = useState<LedgerEntry[]>([]); // newest first
  const [older, setOlder] = useState(0); // `before` of the next older page; 0 = none
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const generation = useRef(0);
  const canReview = hasPermission(user, 'audit.review');
  const [signing, setSigning] = useState<ReviewPeriod | null>(null);
  const [passwordOnly, setPasswordOnly] = useState(false);
  const [signed, setSigned] = useState<AuditReview | null>(null);
  const [kinds, setKinds] = useState<KindDef[]>([]);
  const [actors, setActors] = useState<string[]>([]); // every actor seen, sorted
  const [types, setTypes] = useState<string[]>([]); // every event type seen

  useEffect(() => {
    let live = true;
    // Without the kinds table (no masterdata.read) subjects and paths keep their ids.
    loadKinds()
      .then((k) => live && setKinds(k))
      .catch(() => live && setKinds([]));
    return () => {
      live = false;
    };
  }, []);

  // Loads the newest page (before = 0) or the page below `before`, appending it.
  const load = async (f: LedgerFilter, before: number) => {
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await auditApi.ledger({ ...f, before, limit: PAGE_SIZE });
      if (gen !== generation.current) return; // a newer load superseded this one
      const got = page.entries ?? [];
      setEntries((prev) => (before === 0 ? got : prev.concat(got)));
      setActors((prev) => {
        const all = new Set(prev);
        for (const e of got) all.add(e.actor);
        return all.size === prev.length ? prev : [...all].sort();
      });
      setTypes((prev) => {
        const all = new Set(prev);
        for (const e of got) all.add(e.type);
        return all.size === prev.length ? prev : [...all];
      });
      setOlder(typeof page.next === 'number' ? page.next : 0);
      if (before === 0) setExpanded(new Set());
    } catch (err) {
      if (gen === generation.current) setError(errorMessage(err));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  };

  useEffect(() => {
    void load(filter, 0);
  }, [filter]);

  const openSigning = () => {
    const period = reviewPeriod(filter, entries[0]);
    if (!period) return;
    setSigned(null);
    setSigning(period);
    signaturesApi
      .siteSettings()
      .then((s) => setPasswordOnly(!!s.signing_password_only))
      .catch(() => setPasswordOnly(false));
  };

  const toggle = (seq: number) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });

  const active = Object.values(filter).some((v) => v);

  return (
    <section class="page" data-testid="page-audit">
      <div class="page-head">
        <h1>Audit trail</h1>
        <p class="page-sub">Every recorded event, hash-chained and append-only. Click a row for details.</p>
      </div>

      <VerifyBanner allowed={hasPermission(user, 'ledger.verify')} />

      <div class="panel">
        <AuditFilters busy={loading} actors={actors} types={types} onApply={(f) => setFilter({ ...f })} />
        <ErrorBox message={error} testId="audit-error" />
        {canReview && (
          <div class="toolbar">
            <button
              type="button"
              class="btn"
              disabled={loading || reviewPeriod(filter, entries[0]) === null}
              onClick={openSigning}
              data-testid="review-sign"
            >
              Sign review of this period
            </button>
            {signed && (
              <span class="toolbar-info" data-testid="review-signed">
                Review <span class="mono">{signed.id}</span> signed: {signed.entries_matched} of {signed.entries_in_period}{' '}
                entries (seq {signed.first_seq}–{signed.last_seq}). <a href={hashLink('audit-reviews')}>All reviews</a>
              </span>
            )}
          </div>
        )}
        <div class="toolbar-info" data-testid="audit-count">
          {loading
            ? 'Loading…'
            : `${entries.length}${older ? '+' : ''} ${active ? 'matching ' : ''}entries, newest first`}
        </div>
        <div class="table-wrap">
          <table class="table" role="treegrid" data-testid="ledger-table">
            <thead>
              <tr>
                <th class="num">Seq</th>
                <th>Time</th>
                <th>Event</th>
                <th>Actor</th>
                <th>Subject</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <LedgerRow
                  key={e.seq}
                  entry={e}
                  expanded={expanded.has(e.seq)}
                  onToggle={() => toggle(e.seq)}
                  kinds={kinds}
                  canManageUsers={hasPermission(user, 'user.manage')}
                />
              ))}
              {!loading && entries.length === 0 && (
                <tr>
                  <td colSpan={6} class="empty" data-testid="ledger-empty">
                    No entries match.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {older > 0 && (
          <div class="list-foot">
            <button type="button" class="btn" disabled={loading} onClick={() => void load(filter, older)} data-testid="ledger-load-more">
              Load older entries
            </button>
          </div>
        )}
      </div>
      {signing && (
        <ReviewSigningDialog
          period={signing}
          passwordOnly={passwordOnly}
          onSigned={(review) => {
            setSigning(null);
            setSigned(review);
            void load(filter, 0);
          }}
          onCancel={() => setSigning(null)}
        />
      )}
    </section>
  );
}
