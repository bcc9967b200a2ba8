// Audit trail reviews ("#/audit-reviews"): every signed review, newest first, with its
// period, the filters used, the entries it covered, the reviewer and the signature.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { ErrorBox } from '../../shared/ErrorBox';
import { formatLocal, formatSignatureTime } from '../../shared/time';
import { auditApi } from './api';
import { eventLabel } from './labels';
import { LEDGER_START } from './reviewPeriod';
import type { AuditReview } from './types';

function Filters({ review }: { review: AuditReview }) {
  const f = review.filters;
  const used = [f.type && `type ${eventLabel(f.type)}`, f.actor && `actor ${f.actor}`, f.subject && `subject ${f.subject}`].filter(Boolean);
  return used.length ? <span class="mono">{used.join(', ')}</span> : <span class="muted">none</span>;
}

function Signed({ review }: { review: AuditReview }) {
  const sig = review.signatures[0];
  if (!sig) return <span class="sig-broken">no signature</span>;
  return (
    <span data-testid="review-signature" data-status={sig.status} data-meaning={sig.meaning}>
      <strong>{sig.meaning === 'reviewed' ? 'Reviewed' : sig.meaning}</strong> {formatSignatureTime(sig.time)}
      {sig.status === 'valid' ? <span class="sig-valid"> ✔ valid</span> : <strong class="sig-broken"> ⚠ {sig.status}</strong>}
    </span>
  );
}

export function AuditReviews() {
  const [reviews, setReviews] = useState<AuditReview[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    auditApi
      .reviews({ limit: 1000 })
      .then((r) => live && setReviews(r.reviews))
      .catch((err) => live && setError(errorMessage(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);

  return (
    <section class="page" data-testid="page-audit-reviews">
      <div class="page-head">
        <h1>Audit trail reviews</h1>
        <p class="page-sub">
          Periods of the audit trail that quality reviewed and signed with the meaning "reviewed". Sign a new one from the
          audit trail page.
        </p>
      </div>
      <div class="panel">
        <ErrorBox message={error} testId="reviews-error" />
        <div class="table-wrap">
          <table class="table" data-testid="reviews-table">
            <thead>
              <tr>
                <th>Review</th>
                <th>Period</th>
                <th>Filters</th>
                <th class="num">Entries covered</th>
                <th>Reviewer</th>
                <th>Signed at</th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((r) => (
                <tr key={r.id} data-testid="review-row" data-id={r.id}>
                  <td class="mono">{r.id}</td>
                  <td class="nowrap" data-testid="review-period">
                    {r.from_us === 0 || r.from === LEDGER_START ? 'start of the ledger' : formatLocal(r.from)} – {formatLocal(r.to)}
                    <div class="muted">
                      seq {r.first_seq}–{r.last_seq}
                      {r.chain === 'changed' && <strong class="sig-broken"> ⚠ the ledger no longer matches</strong>}
                    </div>
                  </td>
                  <td data-testid="review-filters">
                    <Filters review={r} />
                  </td>
                  <td class="num" data-testid="review-entries">
                    {r.entries_matched} of {r.entries_in_period}
                  </td>
                  <td data-testid="review-reviewer">
                    {r.printed_name} <span class="muted mono">({r.reviewer})</span>
                  </td>
                  <td class="nowrap">
                    <Signed review={r} />
                  </td>
                </tr>
              ))}
              {!loading && reviews.length === 0 && (
                <tr>
                  <td colSpan={6} class="empty" data-testid="reviews-empty">
                    No reviews yet.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
