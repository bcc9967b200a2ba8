// The recall report of a suspect lot ("#/genealogy/LOT/recall"): the finished lots and
// serials that contain it, printable from the browser, and the server's CSV and
// printable HTML files to download.
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import { errorMessage } from '../../shared/http';
import { hashLink } from '../../shared/session';
import { StatusBadge } from '../../shared/StatusBadge';
import { genealogyApi } from './api';
import { quantityText } from './layout';
import type { RecallReport } from './types';

/** Saves `text` as a file called `name` through a temporary link. */
function download(text: string, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const fileName = (lot: string, ext: string) => `recall-${lot.replace(/^(lot|serial):/, '').replace(/[^A-Za-z0-9._-]/g, '_')}.${ext}`;

// The endpoint takes a lot or a serial: name the suspect by its kind.
const suspectKind = (node: string) => (node.startsWith('serial:') ? 'serial' : 'lot');

export function Recall({ lot }: { lot: string }) {
  const [report, setReport] = useState<RecallReport | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setReport(null);
    setError('');
    genealogyApi
      .recall(lot)
      .then(setReport)
      .catch((e) => setError(errorMessage(e)));
  }, [lot]);

  const fetchFile = async (format: 'csv' | 'html') => {
    setBusy(true);
    setError('');
    try {
      const file = await genealogyApi.recallFile(lot, format);
      download(file.text, file.type, fileName(lot, format));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="page gen-recall" data-testid="page-recall">
      <div class="page-head">
        <h1>Recall report: {lot}</h1>
        <p class="page-sub">Every finished lot and serial that contains the suspect lot or serial, with where it is now.</p>
      </div>
      <div class="form-row gen-no-print">
        <a class="btn" href={hashLink('genealogy', lot, 'forward')} data-testid="recall-back">
          Back to the forward trace
        </a>
        <button class="btn" type="button" onClick={() => window.print()} disabled={!report} data-testid="recall-print">
          Print
        </button>
        <button class="btn" type="button" onClick={() => fetchFile('csv')} disabled={busy} data-testid="recall-csv">
          Download CSV
        </button>
        <button class="btn" type="button" onClick={() => fetchFile('html')} disabled={busy} data-testid="recall-html">
          Download printable HTML
        </button>
      </div>
      <ErrorBox message={error} testId="recall-error" />
      {!report && !error && <p class="muted">Loading...</p>}
      {report && (
        <div>
          <dl class="gen-summary" data-testid="recall-summary">
            <dt>Suspect {suspectKind(report.summary.suspect)}</dt>
            <dd>{report.summary.suspect}</dd>
            <dt>Material</dt>
            <dd>{report.summary.suspect_material ?? ''}</dd>
            <dt>Generated</dt>
            <dd>{report.summary.generated_at}</dd>
            <dt>Finished lots and serials</dt>
            <dd data-testid="recall-count">{report.summary.count}</dd>
          </dl>
          {report.summary.truncated && <ErrorBox kind="info" message="The trace reached its node limit: this list may be incomplete." />}
          {report.items.length === 0 ? (
            <p class="empty" data-testid="recall-empty">
              No finished lot or serial contains this {suspectKind(report.summary.suspect)}.
            </p>
          ) : (
            <div class="table-wrap">
              <table class="table" data-testid="recall-table">
                <thead>
                  <tr>
                    <th scope="col">Lot / serial</th>
                    <th scope="col">Material</th>
                    <th scope="col">Status</th>
                    <th scope="col">Quantity</th>
                    <th scope="col">Location</th>
                    <th scope="col">Order</th>
                    <th scope="col">Depth</th>
                  </tr>
                </thead>
                <tbody>
                  {report.items.map((i) => (
                    <tr key={i.node} data-testid="recall-row" data-id={i.id}>
                      <td>
                        {i.kind === 'serial' ? 'serial ' : ''}
                        {i.id}
                      </td>
                      <td>{i.material}</td>
                      <td>{i.status ? <StatusBadge status={i.status} /> : ''}</td>
                      <td class="num">{quantityText(i.quantity, i.base_unit)}</td>
                      <td>{i.location ?? ''}</td>
                      <td>{i.order_id ?? ''}</td>
                      <td class="num">{i.depth}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
