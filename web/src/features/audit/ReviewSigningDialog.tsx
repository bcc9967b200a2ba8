// Signing a review of the audit trail: the signatures feature's SigningDialog with the
// period and filters as the record, meaning "reviewed", and POST /audit-reviews.
import { Fragment } from 'preact';
import { SigningDialog } from '../signatures';
import { formatLocal } from '../../shared/time';
import { auditApi } from './api';
import { eventLabel } from './labels';
import { LEDGER_START, type ReviewPeriod } from './reviewPeriod';
import type { AuditReview } from './types';

interface Props {
  period: ReviewPeriod;
  /** Site setting signing_password_only: the user name may be left empty. */
  passwordOnly: boolean;
  onSigned: (review: AuditReview) => void;
  onCancel: () => void;
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
