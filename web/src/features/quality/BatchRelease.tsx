// The signed batch release (batchrecord.release, meaning "released") in the one signing
// dialog. The server decides: a refusal (record_incomplete, exceptions_open,
// open_deviation naming the DV ids, already_released, reason_required) is shown in the
// dialog with what to do. An amended record is released again only with a reason.
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import { SigningDialog } from '../signatures';
import { signaturesApi } from '../signatures/api';
import { batchApi } from './batchApi';
import { RELEASE_REFUSAL_NOTES, batchStateLabel } from './batchLabels';
import type { BatchRecord, ReleaseReply } from './batchTypes';

export function BatchRelease({ record: r, onReleased }: { record: BatchRecord; onReleased: (reply: ReleaseReply) => void }) {
  const [signing, setSigning] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [passwordOnly, setPasswordOnly] = useState(false);
  useEffect(() => {
    signaturesApi
      .siteSettings()
      .then((s) => setPasswordOnly(!!s.signing_password_only))
      .catch(() => setPasswordOnly(false));
  }, []);
  const amended = r.state === 'amended';
  const blockers: string[] = [];
  if (!r.completeness.complete) blockers.push(`${r.completeness.missing.length} item(s) missing`);
  if (r.review.open_deviations.length) blockers.push(`open deviation(s) ${r.review.open_deviations.join(', ')}`);
  const openExceptions = r.review.open.filter((id) => !r.review.exceptions.some((e) => e.exception_id === id && e.kind === 'deviation'));
  if (openExceptions.length) blockers.push(`open exception(s) ${openExceptions.join(', ')}`);
  const start = () => {
    if (amended && !reason.trim()) {
      setError('Say why the amended record is released again: the reason is required.');
      return;
    }
    setError('');
    setSigning(true);
  };

  return (
    <div class="form-grid quality-form" data-testid="batch-release-form">
      <h3>Batch release</h3>
      <p class="muted" data-testid="batch-release-blockers">
        {blockers.length
          ? `The server will refuse the release while: ${blockers.join('; ')}.`
          : 'Nothing blocks the release: it seals the record (content hash, signed checkpoint) and releases the quarantined lots it produced.'}
      </p>
      {amended && (
        <label class="field">
          <span>Reason for releasing the amended record (required)</span>
          <input value={reason} maxLength={2000} onInput={(e) => setReason(e.currentTarget.value)} data-testid="batch-release-reason" />
        </label>
      )}
      <ErrorBox message={error} testId="batch-release-error" />
      <div class="form-actions">
        <button type="button" class="btn btn-primary" onClick={start} data-testid="batch-release">
          {amended ? 'Release amended record…' : 'Release batch…'}
        </button>
      </div>
      {signing && (
        <SigningDialog
          title="Batch release"
          meaning="released"
          record={
            <Fragment>
              <dt>Batch record</dt>
              <dd>
                {r.order_id} ({batchStateLabel(r.state)})
              </dd>
              <dt>Product</dt>
              <dd>
                {String(r.product.product ?? '')} version {String(r.product.version ?? '')}
              </dd>
              <dt>Produced lots</dt>
              <dd>{r.produced_lots.map((l) => l.lot).join(', ') || '—'}</dd>
              <dt>Content hash</dt>
              <dd class="mono br-hash">{r.content_hash}</dd>
              {amended && (
                <Fragment>
                  <dt>Reason</dt>
                  <dd>{reason.trim()}</dd>
                </Fragment>
              )}
            </Fragment>
          }
          refusalNotes={RELEASE_REFUSAL_NOTES}
          passwordOnly={passwordOnly}
          sign={(signature) => batchApi.release(r.order_id, signature, amended ? reason.trim() : undefined)}
          onSigned={(reply) => {
            setSigning(false);
            setReason('');
            onReleased(reply);
          }}
          onCancel={() => setSigning(false)}
        />
      )}
    </div>
  );
}
