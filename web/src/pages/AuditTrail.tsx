// Audit trail page: chain-verification banner, filters, and the ledger table
// (newest first). The API pages ascending by seq (after/limit/next), so the page
// walks all pages of the filtered result, keeps the newest entries, and reveals
// them 100 rows at a time with "Load more".
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import type { LedgerEntry, LedgerFilter, SessionUser } from '../types';
import { hasPermission } from '../session';
import { ErrorBox } from '../components/ErrorBox';
import { AuditFilters } from '../components/AuditFilters';
import { LedgerRow } from '../components/LedgerRow';
import { VerifyBanner } from '../components/VerifyBanner';

const FETCH_LIMIT = 500; // entries per API request
const KEEP_NEWEST = 20000; // entries kept in memory (newest of the filtered result)
const MAX_REQUESTS = 2000; // hard stop against a misbehaving server
const SHOW_STEP = 100; // rows revealed per "Load more"

interface Props {
  user: SessionUser;
}

export function AuditTrail({ user }: Props) {
  const [filter, setFilter] = useState<LedgerFilter>({});
  const [entries, setEntries] = useState<LedgerEntry[]>([]); // newest first
  const [truncated, setTruncated] = useState(false);
  const [shown, setShown] = useState(SHOW_STEP);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const generation = useRef(0);

  const load = async (f: LedgerFilter) => {
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    let after = 0;
    let acc: LedgerEntry[] = [];
    let dropped = false;
    try {
      for (let i = 0; i < MAX_REQUESTS; i++) {
        const page = await api.ledger({ ...f, after, limit: FETCH_LIMIT });
        if (gen !== generation.current) return; // a newer load superseded this one
        if (!page.entries || page.entries.length === 0) break;
        acc = acc.concat(page.entries);
        if (acc.length > KEEP_NEWEST) {
          acc = acc.slice(acc.length - KEEP_NEWEST);
          dropped = true;
        }
        const lastSeq = page.entries[page.entries.length - 1].seq;
        const next = typeof page.next === 'number' ? page.next : lastSeq;
        if (next <= after) break;
        after = next;
      }
      acc.reverse();
      setEntries(acc);
      setTruncated(dropped);
      setShown(SHOW_STEP);
      setExpanded(new Set());
    } catch (err) {
      if (gen === generation.current) setError(errorMessage(err));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  };

  useEffect(() => {
    void load(filter);
  }, [filter]);

  const toggle = (seq: number) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });

  const visible = entries.slice(0, shown);
  const active = Object.values(filter).some((v) => v);

  return (
    <section class="page" data-testid="page-audit">
      <div class="page-head">
        <h1>Audit trail</h1>
        <p class="page-sub">Every recorded event, hash-chained and append-only. Click a row for details.</p>
      </div>

      <VerifyBanner allowed={hasPermission(user, 'ledger.verify')} />

      <div class="panel">
        <AuditFilters busy={loading} onApply={(f) => setFilter({ ...f })} />
        <ErrorBox message={error} testId="audit-error" />
        <div class="toolbar-info" data-testid="audit-count">
          {loading
            ? 'Loading…'
            : `${entries.length} ${active ? 'matching ' : ''}entries, newest first` +
              (truncated ? ` (only the newest ${KEEP_NEWEST} kept; narrow the filter)` : '')}
        </div>
        <div class="table-wrap">
          <table class="table" data-testid="ledger-table">
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
              {visible.map((e) => (
                <LedgerRow key={e.seq} entry={e} expanded={expanded.has(e.seq)} onToggle={() => toggle(e.seq)} />
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
        {shown < entries.length && (
          <div class="list-foot">
            <button type="button" class="btn" onClick={() => setShown(shown + SHOW_STEP)} data-testid="ledger-load-more">
              Load more ({entries.length - shown} older)
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
