// The exception list of a batch record (review by exception), shown first: kind, what,
// where, when, who and the review outcome. Each open exception is acknowledged or
// dispositioned with a comment (batchrecord.review); a deviation is not reviewed here:
// it links to the deviation, which its own signed disposition clears.
import { useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import { errorMessage } from '../../shared/http';
import { hashLink } from '../../shared/session';
import { formatSignatureTime } from '../../shared/time';
import { batchApi } from './batchApi';
import { exceptionKindLabel, reviewLabel } from './batchLabels';
import type { BatchException, BatchRecord, ExceptionReview } from './batchTypes';

interface Props {
  record: BatchRecord;
  mayReview: boolean;
  onReviewed: (r: BatchRecord) => void;
}

function ReviewCell({ order, x, review, mayReview, canReview, onReviewed }: {
  order: string;
  x: BatchException;
  review: ExceptionReview | undefined;
  mayReview: boolean;
  canReview: boolean;
  onReviewed: (r: BatchRecord) => void;
}) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (x.kind === 'deviation')
    return (
      <div data-testid="exception-deviation">
        <a href={hashLink('quality', 'deviations', x.deviation)}>{x.deviation}</a>:{' '}
        {review?.status === 'cleared_by_disposition'
          ? 'cleared by its signed disposition.'
          : "open: cleared by the deviation's own signed disposition, not here."}
      </div>
    );
  if (review && review.status !== 'open')
    return (
      <div data-testid="exception-reviewed">
        {review.comment ? `"${review.comment}"` : ''} {review.reviewer} {review.time ? formatSignatureTime(review.time) : ''}
      </div>
    );
  if (!mayReview || !canReview) return <span class="muted">to be reviewed</span>;
  const send = async (outcome: 'acknowledged' | 'dispositioned') => {
    if (outcome === 'dispositioned' && !comment.trim()) {
      setError('Say what was decided: a disposition needs a comment.');
      return;
    }
    setBusy(true);
    setError('');
    try {
      onReviewed(await batchApi.review(order, [{ exception_id: x.id, outcome, comment: comment.trim() }]));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="br-review" data-testid="exception-review">
      <label class="field">
        <span>Comment on {x.id}</span>
        <input value={comment} maxLength={4000} onInput={(e) => setComment(e.currentTarget.value)} data-testid="exception-comment" />
      </label>
      <div class="form-actions">
        <button type="button" class="btn" disabled={busy} onClick={() => send('acknowledged')} data-testid="exception-acknowledge">
          Acknowledge
        </button>
        <button type="button" class="btn" disabled={busy} onClick={() => send('dispositioned')} data-testid="exception-disposition">
          Disposition
        </button>
      </div>
      <ErrorBox message={error} testId="exception-error" />
    </div>
  );
}

export function BatchExceptions({ record, mayReview, onReviewed }: Props) {
  const reviews = new Map(record.review.exceptions.map((r) => [r.exception_id, r]));
  const canReview = record.completeness.complete && record.state !== 'released';
  if (record.exceptions.length === 0)
    return (
      <p class="empty br-clean" data-testid="exceptions-none">
        No exceptions: every value in its limits, nothing late, corrected or refused, no deviation. Nothing to page through.
      </p>
    );
  return (
    <div class="table-wrap">
      <table class="table" data-testid="exceptions-table">
        <thead>
          <tr>
            <th scope="col">Exception</th>
            <th scope="col">Kind</th>
            <th scope="col">What</th>
            <th scope="col">When, who</th>
            <th scope="col">Review</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {record.exceptions.map((x) => {
            const r = reviews.get(x.id);
            const status = r?.status ?? 'open';
            return (
              <tr key={x.id} data-testid="exception-row" data-id={x.id} data-kind={x.kind} data-status={status}>
                <td class="mono">{x.id}</td>
                <td>{exceptionKindLabel(x.kind)}</td>
                <td>
                  {x.message}
                  {x.operation ? <span class="muted"> (operation {x.operation})</span> : ''}
                </td>
                <td>
                  <span class="mono">{formatSignatureTime(x.time)}</span> {x.by}
                </td>
                <td>
                  <span class={`badge badge-${status === 'open' ? 'open' : 'approved'}`} data-testid="exception-status">
                    {reviewLabel(status)}
                  </span>
                </td>
                <td>
                  <ReviewCell order={record.order_id} x={x} review={r} mayReview={mayReview} canReview={canReview} onReviewed={onReviewed} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
