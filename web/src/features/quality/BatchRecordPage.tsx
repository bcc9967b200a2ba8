// One order's batch record ("#/quality/batch-records/ORDER"): first the state, the
// completeness and the exception list with its review; then the release (signed) or,
// once released, the content hash, checkpoint and sealed versions, an amendment's
// changed paths; the printable HTML and the JSON as downloads; the full record behind
// them in collapsed sections. A sealed version: "#/quality/batch-records/ORDER/versions/N".
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import { errorMessage } from '../../shared/http';
import { hashLink } from '../../shared/session';
import { formatSignatureTime } from '../../shared/time';
import { BatchDetails } from './BatchDetails';
import { BatchExceptions } from './BatchExceptions';
import { BatchRelease } from './BatchRelease';
import { batchApi } from './batchApi';
import { batchStateLabel, download, missingLabel } from './batchLabels';
import type { BatchRecord, ReleaseReply } from './batchTypes';

interface Props {
  order: string;
  version: number | null;
  mayReview: boolean;
  mayRelease: boolean;
}

const fileName = (order: string, version: number | null, ext: string) =>
  `batch-record-${order.replace(/[^A-Za-z0-9._-]/g, '_')}${version ? `-v${version}` : ''}.${ext}`;

export function BatchRecordPage({ order, version, mayReview, mayRelease }: Props) {
  const [r, setR] = useState<BatchRecord | null>(null);
  const [sealedHash, setSealedHash] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setR(null);
    setError('');
    setNotice('');
    const load = version
      ? batchApi.version(order, version).then((v) => (setSealedHash(v.content_hash), v.record))
      : batchApi.record(order);
    let current = true;
    load.then((rec) => current && setR(rec)).catch((e) => current && setError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [order, version]);

  const fetchFile = async (format: 'html' | 'json') => {
    setBusy(true);
    setError('');
    try {
      const f = await batchApi.file(order, version, format);
      download(f.text, f.type, fileName(order, version, format));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const released = (reply: ReleaseReply) => {
    setR(reply.batch_record);
    setNotice(`Batch ${order} released: the record is sealed (checkpoint ${reply.checkpoint_seq}) and its quarantined lots are released.`);
  };

  if (!r)
    return (
      <div class="batch-record">
        <p>
          <a href={hashLink('quality', 'batch-records')}>All batch records</a>
        </p>
        {error ? <ErrorBox message={error} testId="batch-error" /> : <p class="muted">Loading...</p>}
      </div>
    );
  const live = version == null;
  const last = r.release?.versions?.[r.release.versions.length - 1];
  return (
    <div class="batch-record" data-testid="batch-record" data-order={order} data-state={live ? r.state : 'sealed'}>
      <p>
        <a href={hashLink('quality', 'batch-records')}>All batch records</a>
        {!live && (
          <Fragment>
            {' · '}
            <a href={hashLink('quality', 'batch-records', order)}>The current record</a>
          </Fragment>
        )}
      </p>
      <h2>
        Batch record {order}
        {live ? (
          <Fragment>
            {' '}
            <span class={`badge br-state br-state-${r.state}`} data-testid="batch-state" data-state={r.state}>
              {batchStateLabel(r.state)}
            </span>
          </Fragment>
        ) : (
          ` — sealed version ${version}`
        )}
      </h2>
      <ErrorBox message={notice} kind="success" testId="batch-notice" />
      <ErrorBox message={error} testId="batch-error" />
      <div class="form-row">
        <button type="button" class="btn" disabled={busy} onClick={() => fetchFile('html')} data-testid="batch-printable">
          Printable record (HTML)
        </button>
        <button type="button" class="btn" disabled={busy} onClick={() => fetchFile('json')} data-testid="batch-json">
          Download JSON
        </button>
      </div>
      <dl class="detail-grid">
        <dt>Product</dt>
        <dd>
          {String(r.product.product ?? '')} version {String(r.product.version ?? '')}
        </dd>
        <dt>Content hash</dt>
        <dd class="mono br-hash" data-testid="batch-content-hash">
          {live ? r.content_hash : sealedHash}
        </dd>
      </dl>

      {live && (
        <Fragment>
          <h3>Completeness</h3>
          {r.completeness.complete ? (
            <p data-testid="batch-complete">Complete: every operation done, every required value present, every verification signed.</p>
          ) : (
            <ul data-testid="batch-missing">
              {r.completeness.missing.map((m, i) => (
                <li key={i} data-testid="batch-missing-item" data-kind={m.kind}>
                  {missingLabel(m.kind)}: {m.message}
                </li>
              ))}
            </ul>
          )}
        </Fragment>
      )}

      <h3>Exceptions</h3>
      {live ? (
        <BatchExceptions record={r} mayReview={mayReview} onReviewed={(next) => (setR(next), setNotice(''))} />
      ) : (
        <ul>
          {r.exceptions.length === 0 ? <li>No exceptions.</li> : r.exceptions.map((x) => <li key={x.id}>{`${x.id} ${x.kind}: ${x.message}`}</li>)}
        </ul>
      )}

      {live && r.amendment && (
        <div class="quality-form" data-testid="batch-amendment">
          <h3>Amended after version {r.amendment.previous_version}</h3>
          <p>
            The content changed after the release (sealed hash <span class="mono br-hash">{r.amendment.previous_hash}</span>). Changed:
          </p>
          <ul>
            {r.amendment.changed.map((p) => (
              <li key={p} class="mono" data-testid="batch-changed-path">
                {p}
              </li>
            ))}
          </ul>
        </div>
      )}

      {live && r.release.versions.length > 0 && (
        <div data-testid="batch-sealed">
          <h3>Sealed versions</h3>
          {r.state === 'released' && last && (
            <p data-testid="batch-release-summary">
              Released as version {last.version} by {last.signature?.printed_name ?? last.released_by}, {formatSignatureTime(last.time)}; checkpoint
              signed at ledger entry <span data-testid="batch-checkpoint">{last.checkpoint_seq}</span>.
            </p>
          )}
          <table class="table table-compact" data-testid="batch-versions">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Released by</th>
                <th scope="col">Date and time</th>
                <th scope="col">Content hash</th>
                <th scope="col">Checkpoint</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {r.release.versions.map((v) => (
                <tr key={v.version} data-testid="batch-version" data-version={v.version}>
                  <td>
                    <a href={hashLink('quality', 'batch-records', order, 'versions', String(v.version))}>version {v.version}</a>
                  </td>
                  <td>{v.signature?.printed_name ?? v.released_by}</td>
                  <td class="mono">{formatSignatureTime(v.time)}</td>
                  <td class="mono br-hash">{v.content_hash}</td>
                  <td class="num">{v.checkpoint_seq}</td>
                  <td>{v.amendment_reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {live && mayRelease && r.state !== 'released' && <BatchRelease record={r} onReleased={released} />}

      <BatchDetails record={r} />
    </div>
  );
}
