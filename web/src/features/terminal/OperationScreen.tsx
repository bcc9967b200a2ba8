// One operation on the terminal: start, the pinned instructions with their acknowledgement,
// the scan field, parameters and characteristics, pause/resume, completion and the second
// person's signed verification. Every command's refusal is shown with Refusal; the
// server's reply (the operation view) replaces what is shown.
import { Fragment } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { AttachmentLink, Markdown } from '../../shared/MarkdownText';
import { StatusBadge } from '../../shared/StatusBadge';
import { ErrorBox } from '../../shared/ErrorBox';
import { errorMessage } from '../../shared/http';
import { hashLink } from '../../shared/session';
import { SigningDialog } from '../signatures';
import { signaturesApi } from '../signatures/api';
import { executionApi } from './api';
import { CompleteForm, type Completion } from './CompleteForm';
import { CharacteristicRow, ParameterRow } from './Entries';
import { Refusal } from './Refusal';
import { ScanForm } from './ScanForm';
import type { CommandReply, OperationView, ReasonCode } from './types';

interface Props {
  workUnit: string;
  order: string;
  operation: string;
}

export function OperationScreen({ workUnit, order, operation }: Props) {
  const [view, setView] = useState<OperationView | null>(null);
  const [loadError, setLoadError] = useState('');
  const [refusal, setRefusal] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const [codes, setCodes] = useState<{ scrap: ReasonCode[]; rework: ReasonCode[] }>({ scrap: [], rework: [] });
  const [pauseReason, setPauseReason] = useState('');
  const [verifying, setVerifying] = useState(false);
  const [passwordOnly, setPasswordOnly] = useState(false);

  const load = useCallback(() => {
    executionApi
      .operation(order, operation)
      .then(setView)
      .catch((e) => setLoadError(errorMessage(e)));
  }, [order, operation]);
  useEffect(load, [load]);
  useEffect(() => {
    Promise.all([executionApi.reasonCodes('scrap'), executionApi.reasonCodes('rework')])
      .then(([scrap, rework]) => setCodes({ scrap, rework }))
      .catch(() => setCodes({ scrap: [], rework: [] }));
    signaturesApi
      .siteSettings()
      .then((s) => setPasswordOnly(!!s.signing_password_only))
      .catch(() => setPasswordOnly(false));
  }, []);

  /** Runs a command; true when it was accepted. */
  const run = async (what: string, cmd: () => Promise<CommandReply>): Promise<boolean> => {
    setBusy(true);
    setRefusal(null);
    setNotice('');
    try {
      const reply = await cmd();
      setView(reply.operation);
      const exc = reply.exceptions ?? [];
      setNotice(exc.length ? `${what}, with an exception: ${exc.map((x) => String(x.message ?? x.kind)).join(' ')}` : `${what}.`);
      return true;
    } catch (e) {
      setRefusal(e);
      return false;
    } finally {
      setBusy(false);
      setFocusKey((k) => k + 1);
    }
  };

  if (loadError) return <ErrorBox message={loadError} testId="term-load-error" />;
  if (!view) return <p class="muted">Loading...</p>;

  const s = view.state;
  const running = s === 'in_progress';
  const mayRecord = running && view.acknowledged && !busy;
  const spec = view.spec ?? {};
  const blocking = view.exceptions.filter((x) => x.blocks_completion === true);

  return (
    <div class="term-operation" data-testid="term-operation" data-state={s} data-order={view.order_id} data-operation={view.operation}>
      <p>
        <a class="btn" href={hashLink('terminal', workUnit)} data-testid="term-back">
          Back to {workUnit}
        </a>
      </p>
      <h2>
        {view.order_id} / {view.operation} {view.name} <StatusBadge status={s} testId="term-state" />
      </h2>
      <p class="muted">
        {view.product}, {view.planned_quantity} {view.unit}; order {view.order_state}
        {view.work_unit ? `; on ${view.work_unit}` : ''}
      </p>

      <Refusal error={refusal} />
      <ErrorBox message={notice} kind="success" testId="term-notice" />

      <div class="term-actions">
        {s === 'pending' && (
          <button class="btn btn-primary" disabled={busy} data-testid="term-start" onClick={() => run('Started', () => executionApi.start(order, operation, workUnit))}>
            Start on {workUnit}
          </button>
        )}
        {running && (
          <Fragment>
            <label>
              Pause reason
              <input data-testid="term-pause-reason" value={pauseReason} onInput={(e) => setPauseReason((e.target as HTMLInputElement).value)} />
            </label>
            <button class="btn" disabled={busy} data-testid="term-pause" onClick={() => run('Paused', () => executionApi.pause(order, operation, pauseReason))}>
              Pause
            </button>
          </Fragment>
        )}
        {s === 'paused' && (
          <button class="btn btn-primary" disabled={busy} data-testid="term-resume" onClick={() => run('Resumed', () => executionApi.resume(order, operation))}>
            Resume
          </button>
        )}
        {s === 'completed' && spec.second_person_verification && (
          <button class="btn btn-primary" disabled={busy} data-testid="term-verify" onClick={() => setVerifying(true)}>
            Verify as second person
          </button>
        )}
      </div>

      {(spec.instructions || (spec.attachments ?? []).length > 0) && (
        <section class="panel" data-testid="term-instructions">
          <h3>Work instructions</h3>
          {spec.instructions && <Markdown text={spec.instructions} testId="term-instructions-text" />}
          {(spec.attachments ?? []).length > 0 && (
            <ul>
              {(spec.attachments ?? []).map((a) =>
                a.sha256 ? (
                  <li key={a.sha256}>
                    <AttachmentLink sha256={a.sha256} name={a.name ?? a.title} />
                  </li>
                ) : null,
              )}
            </ul>
          )}
          {view.acknowledged ? (
            <p data-testid="term-acknowledged">You have read and acknowledged these instructions.</p>
          ) : (
            <button
              class="btn btn-primary"
              disabled={busy || !running}
              data-testid="term-acknowledge"
              onClick={() => run('Instructions acknowledged', () => executionApi.acknowledge(order, operation, view.instruction_hash))}
            >
              I have read the instructions
            </button>
          )}
        </section>
      )}

      {(running || s === 'paused') && (
        <Fragment>
          <section class="panel">
            <h3>Materials</h3>
            <ScanForm
              disabled={!mayRecord}
              unitHint="base unit"
              focusKey={focusKey}
              consume={(scan, q, unit) => run(`Consumed ${q} ${unit}`.trim(), () => executionApi.consume(order, operation, scan, q, unit))}
            />
            <table class="table" data-testid="term-materials">
              <thead>
                <tr>
                  <th>Material</th>
                  <th>Planned</th>
                  <th>Consumed</th>
                </tr>
              </thead>
              <tbody>
                {view.materials.map((m) => (
                  <tr key={m.material} data-testid="term-material" data-material={m.material}>
                    <td>
                      {m.material}
                      {m.alternates.length > 0 && <span class="muted"> (or {m.alternates.join(', ')})</span>}
                    </td>
                    <td class="num">
                      {m.planned} {m.base_unit}
                    </td>
                    <td class="num" data-testid="term-material-consumed">
                      {m.consumed} {m.base_unit}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          {(spec.parameters ?? []).length > 0 && (
            <section class="panel">
              <h3>Process parameters</h3>
              {(spec.parameters ?? []).map((p) => (
                <ParameterRow key={p.name} spec={p} recorded={view.parameters} disabled={!mayRecord} record={(name, value) => run(`Recorded ${name}`, () => executionApi.parameter(order, operation, name, value))} />
              ))}
            </section>
          )}

          {(spec.characteristics ?? []).length > 0 && (
            <section class="panel">
              <h3>Characteristics</h3>
              {(spec.characteristics ?? []).map((c) => (
                <CharacteristicRow key={c.name} spec={c} recorded={view.characteristics} disabled={!mayRecord} record={(name, values) => run(`Recorded a sample of ${name}`, () => executionApi.characteristic(order, operation, name, values))} />
              ))}
            </section>
          )}

          {blocking.length > 0 && (
            <div class="msg msg-error" role="status" data-testid="term-blocking">
              Completion is blocked until quality dispositions a deviation:{' '}
              {blocking.map((x) => String(x.message ?? x.subject)).join(' ')}
            </div>
          )}

          <section class="panel">
            <h3>Complete</h3>
            <CompleteForm
              unit={view.unit}
              planned={view.planned_quantity}
              scrapCodes={codes.scrap}
              reworkCodes={codes.rework}
              disabled={!mayRecord}
              complete={(c: Completion) => run('Completed', () => executionApi.complete(order, operation, c))}
            />
          </section>
        </Fragment>
      )}

      {(s === 'completed' || s === 'verified') && (
        <p data-testid="term-result">
          Good {view.good}, scrap {view.scrap}, rework {view.rework} {view.unit}
          {view.verified_by ? `; verified by ${view.verified_by}` : spec.second_person_verification ? '; waiting for second-person verification' : ''}
        </p>
      )}

      {verifying && (
        <SigningDialog
          title="Verify operation"
          meaning="verified"
          record={
            <Fragment>
              <dt>Operation</dt>
              <dd>
                {view.order_id} / {view.operation} {view.name}
              </dd>
              <dt>Quantities</dt>
              <dd>
                good {view.good}, scrap {view.scrap}, rework {view.rework} {view.unit}
              </dd>
            </Fragment>
          }
          passwordOnly={passwordOnly}
          sign={(signature) => executionApi.verify(order, operation, signature)}
          onSigned={(reply) => {
            setVerifying(false);
            setView(reply.operation);
            setRefusal(null);
            setNotice('Verified.');
          }}
          onCancel={() => setVerifying(false)}
        />
      )}
    </div>
  );
}
