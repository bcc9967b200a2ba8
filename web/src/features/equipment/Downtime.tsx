// The downtime list ("#/downtime", docs/equipment.md): down intervals the machines
// reported without a reason, where an operator picks the reason from the DOWNTIME codes
// with large touch targets and submits it; below, those already given a reason, with
// who gave it and when. Follows the board's stream, so a new stop appears without a reload.
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import type { PageProps } from '../../shared/feature';
import { errorMessage } from '../../shared/http';
import { hasPermission } from '../../shared/session';
import { formatTime } from '../../shared/time';
import { equipmentApi, followBoard } from './api';
import type { DowntimeCode, DowntimeInterval, DowntimeList } from './types';
import './equipment.css';

const key = (d: DowntimeInterval) => `${d.work_unit}@${d.start}`;

function AssignForm({ item, codes, onDone }: { item: DowntimeInterval; codes: DowntimeCode[]; onDone: () => void }) {
  const [code, setCode] = useState('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!code) {
      setError('Pick the reason first.');
      return;
    }
    setBusy(true);
    setError('');
    try {
      await equipmentApi.assignReason(item.work_unit, item.start, code, comment.trim());
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const groupId = `dt-codes-${key(item)}`.replace(/[^A-Za-z0-9_-]/g, '-');
  return (
    <form class="dt-form" onSubmit={submit} data-testid={`dt-form-${item.work_unit}`}>
      <fieldset>
        <legend id={groupId}>Why did it stop?</legend>
        <div class="dt-codes" role="group" aria-labelledby={groupId}>
          {codes.map((c) => (
            <button
              type="button"
              key={c.code}
              class={`btn dt-code ${code === c.code ? 'dt-code-picked' : ''}`}
              aria-pressed={code === c.code}
              data-testid={`dt-code-${c.code}`}
              onClick={() => setCode(c.code)}
            >
              <span class="dt-code-text">{c.description || c.code}</span>
              <span class="dt-code-id">{c.code}</span>
            </button>
          ))}
        </div>
      </fieldset>
      <label class="dt-comment">
        Comment (optional){' '}
        <input type="text" value={comment} maxLength={1000} data-testid="dt-comment" onInput={(e) => setComment((e.target as HTMLInputElement).value)} />
      </label>
      <ErrorBox message={error} testId="dt-error" />
      <button type="submit" class="btn btn-primary dt-submit" disabled={busy} data-testid="dt-submit">
        {busy ? 'Saving...' : code ? `Give reason ${code}` : 'Give the reason'}
      </button>
    </form>
  );
}

function Period({ item }: { item: DowntimeInterval }) {
  return (
    <>
      {formatTime(item.start)} to {item.end ? formatTime(item.end) : 'now (still down)'}
    </>
  );
}

export function Downtime({ user }: PageProps) {
  const [list, setList] = useState<DowntimeList | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [reload, setReload] = useState(0);
  const mayAssign = hasPermission(user, 'equipment.downtime.assign');
  useEffect(() => {
    equipmentApi
      .downtime()
      .then((l) => {
        setList(l);
        setError('');
      })
      .catch((e) => setError(errorMessage(e)));
  }, [reload]);
  // A machine's new stop or a reason given elsewhere changes the board: load again.
  useEffect(() => followBoard({ onBoard: () => setReload((n) => n + 1) }), []);

  const open = (list?.downtime ?? []).filter((d) => !d.reason_code);
  const done = (list?.downtime ?? []).filter((d) => d.reason_code);
  return (
    <section class="page equipment operator-screen" data-testid="page-downtime">
      <div class="page-head">
        <h1>Downtime</h1>
        <p class="page-sub">Stops the machines reported without a reason in the last 7 days: give each its reason.</p>
      </div>
      <ErrorBox message={error} />
      <ErrorBox message={notice} kind="success" testId="dt-notice" />
      <h2>Without a reason ({open.length})</h2>
      {list && open.length === 0 && <p class="muted" data-testid="dt-none">Every stop has its reason.</p>}
      <ul class="dt-list" data-testid="dt-unassigned">
        {open.map((d) => (
          <li class="dt-item" key={key(d)} data-testid={`dt-open-${d.work_unit}`}>
            <div class="dt-item-head">
              <strong>{d.work_unit}</strong> <span class="eq-state eq-state-down">Down</span> <Period item={d} />
              {d.context.order_id && (
                <span class="muted">
                  {' '}
                  during {d.context.order_id} / {d.context.operation}
                </span>
              )}
            </div>
            {mayAssign ? (
              <AssignForm
                item={d}
                codes={list?.codes ?? []}
                onDone={() => {
                  setNotice(`Reason saved for ${d.work_unit}.`);
                  setReload((n) => n + 1);
                }}
              />
            ) : (
              <p class="muted">Operators and supervisors give the reason.</p>
            )}
          </li>
        ))}
      </ul>
      <h2>With a reason ({done.length})</h2>
      <div class="table-wrap">
        <table class="table" data-testid="dt-assigned">
          <thead>
            <tr>
              <th scope="col">Work unit</th>
              <th scope="col">Down</th>
              <th scope="col">Reason</th>
              <th scope="col">Given by</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {done.map((d) => (
              <tr key={key(d)} data-testid={`dt-done-${d.work_unit}`}>
                <td>{d.work_unit}</td>
                <td>
                  <Period item={d} />
                </td>
                <td>
                  {d.reason_code}
                  {d.assigned?.comment ? <span class="muted"> ({d.assigned.comment})</span> : null}
                </td>
                <td>{d.assigned ? d.assigned.by : 'the machine'}</td>
                <td>{d.assigned ? formatTime(d.assigned.at) : '-'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
