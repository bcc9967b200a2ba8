// Signing a review of the audit trail: the signatures feature's SigningDialog with the
// period and filters as the record, meaning "reviewed", and POST /audit-reviews.
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { SigningDialog } from '../signatures';
import { formatLocal } from '../../shared/time';
import { auditApi } from './api';
import { eventLabel } from './labels';
import { LEDGER_START, type ReviewPeriod } from './reviewPeriod';
import type { AuditReview, LedgerSpan } from './types';

interface Props {
  period: ReviewPeriod;
  /** Site setting signing_password_only: the user name may be left empty. */
  passwordOnly: boolean;
  onSigned: (review: AuditReview) => void;
  onCancel: () => void;
}

/** How many entries the signature will cover, asked of the server before signing. */
function Coverage({ period }: { period: ReviewPeriod }) {
  const [span, setSpan] = useState<LedgerSpan | null>(null);
  const [failed, setFailed] = useState('');
  useEffect(() => {
    auditApi
      .span({ from: period.from, to: period.to, ...period.filters })
      .then(setSpan)
      .catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
  }, [period.from, period.to, period.filters.type, period.filters.actor, period.filters.subject]);
  if (failed) return <span class="error">could not count the entries: {failed}</span>;
  if (!span) return <span class="muted">counting…</span>;
  const range = span.entries_in_period ? ` (seq ${span.first_seq} to ${span.last_seq})` : '';
  return (
    <span data-testid="review-count" data-matched={span.entries_matched}>
      {span.entries_matched} {span.entries_matched === 1 ? 'entry' : 'entries'} matched, of {span.entries_in_period} in the
      period{range}
    </span>
  );
}

function RecordRows({ period }: { period: ReviewPeriod }) {
  const f = period.filters;
  const used = [f.type && `type ${eventLabel(f.type)}`, f.actor && `actor ${f.actor}`, f.subject && `subject ${f.subject}`].filter(Boolean);
  return (
    <Fragment>
      <dt>Record</dt>
      <dd>review of the audit trail</dd>
      <dt>From</dt>
      <dd data-testid="review-from">{period.from === LEDGER_START ? 'the start of the ledger' : formatLocal(period.from)}</dd>
      <dt>To</dt>
      <dd data-testid="review-to">{formatLocal(period.to)} (exclusive)</dd>
      <dt>Filters</dt>
      <dd data-testid="review-filters">{used.length ? used.join(', ') : <span class="muted">none (every entry)</span>}</dd>
      <dt>Entries</dt>
      <dd>
        <Coverage period={period} />
      </dd>
    </Fragment>
  );
}

export function ReviewSigningDialog({ period, passwordOnly, onSigned, onCancel }: Props) {
  return (
    <SigningDialog
      title="Sign review of this period"
      meaning="reviewed"
      record={<RecordRows period={period} />}
      passwordOnly={passwordOnly}
      sign={async (signature) =>
        (await auditApi.signReview({ from: period.from, to: period.to, filters: period.filters, signature })).review
      }
      onSigned={onSigned}
      onCancel={onCancel}
    />
  );
}
