// Serial numbers ("#/serials", filtered by state) and one serial ("#/serials/ID") with its
// quality state, where it was made and what it went into, and quality's actions on it
// (docs/orders-and-lots.md "Quality actions on one serial"): hold and lift hold with a
// reason, and the signed rejection (a reason) and release in the signing dialog. The
// buttons follow the state the server allows; its refusal (e.g. batch_release_required,
// open_deviation) is shown where the action was taken.
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import type { PageProps } from '../../shared/feature';
import { errorMessage } from '../../shared/http';
import { hasPermission, hashLink } from '../../shared/session';
import { StatusBadge } from '../../shared/StatusBadge';
import { SigningDialog } from '../signatures';
import { signaturesApi } from '../signatures/api';
import { productionApi } from './api';
import { FilteredTable, useFilteredList } from './FilteredList';
import type { SerialDetail, SerialHoldAction, SerialUnit } from './types';

const STATES = ['', 'quarantined', 'released', 'on_hold', 'rejected', 'consumed'];

/** What quality may do to a serial in `state` (the lot rules; a consumed serial: nothing). */
export function serialActions(state: string): { hold: SerialHoldAction[]; signed: ('release' | 'reject')[] } {
  switch (state) {
    case 'quarantined':
      return { hold: ['hold'], signed: ['release', 'reject'] };
    case 'released':
      return { hold: ['hold'], signed: [] };
    case 'on_hold':
      return { hold: ['lift-hold'], signed: [] };
    default:
      return { hold: [], signed: [] };
  }
}

function SerialList() {
  const list = useFilteredList((state) => productionApi.serials({ state, limit: 500 }).then((r) => r.serials));
  return (
    <FilteredTable
      list={list}
      label="State"
      values={STATES}
      selectTestId="serials-state"
      tableTestId="serials-table"
      empty="No serial numbers."
      columns={['Serial', 'Material', 'Order', 'Produced', 'State']}
      row={(u: SerialUnit) => (
        <tr key={u.serial} data-testid="serial-row" data-id={u.serial} data-state={u.state}>
          <td>
            <a href={hashLink('serials', u.serial)}>{u.serial}</a>
          </td>
          <td>{u.material}</td>
          <td>{u.order_id}</td>
          <td>{u.produced_at}</td>
          <td>
            <StatusBadge status={u.state} />
          </td>
        </tr>
      )}
    />
  );
}

function SerialPage({ id, user }: { id: string; user: PageProps['user'] }) {
  const [unit, setUnit] = useState<SerialDetail | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [signing, setSigning] = useState<'release' | 'reject' | null>(null);
  const [passwordOnly, setPasswordOnly] = useState(false);
  const load = () =>
    productionApi
      .serial(id)
      .then((r) => setUnit(r.serial))
      .catch((e) => setError(errorMessage(e)));
  useEffect(() => {
    load();
    signaturesApi
      .siteSettings()
      .then((s) => setPasswordOnly(!!s.signing_password_only))
      .catch(() => setPasswordOnly(false));
  }, [id]);
  if (!unit) return error ? <ErrorBox message={error} testId="serial-error" /> : <p class="muted">Loading...</p>;
  const actions = hasPermission(user, 'lots.release') ? serialActions(unit.state) : { hold: [], signed: [] };
  const step = async (a: SerialHoldAction) => {
    if (!reason.trim()) return setError(`Give a reason to ${a === 'hold' ? 'hold the serial' : 'lift the hold'}.`);
    setBusy(true);
    setError('');
    setNotice('');
    try {
      const r = await productionApi.holdSerial(id, a, reason.trim());
      setUnit(r.serial);
      setReason('');
      setNotice(a === 'hold' ? `Serial ${id} is on hold.` : `The hold of serial ${id} is lifted.`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="serial-detail" data-state={unit.state}>
      <p>
        <a href={hashLink('serials')}>All serial numbers</a>
      </p>
      <h2>
        {unit.serial} <StatusBadge status={unit.state} testId="serial-state" />
      </h2>
      <dl class="detail-grid">
        <dt>Material</dt>
        <dd>{unit.material}</dd>
        <dt>Produced</dt>
        <dd>
          order <a href={hashLink('orders', unit.order_id)}>{unit.order_id}</a>, operation {unit.operation} on {unit.work_unit} ({unit.source}), {unit.produced_at}
        </dd>
        {unit.held_from && (
          <Fragment>
            <dt>Held from</dt>
            <dd data-testid="serial-held-from">{unit.held_from}</dd>
          </Fragment>
        )}
        {unit.reason && (
          <Fragment>
            <dt>Reason</dt>
            <dd data-testid="serial-reason">{unit.reason}</dd>
          </Fragment>
        )}
        {unit.consumed_order_id && (
          <Fragment>
            <dt>Consumed into</dt>
            <dd>
              order {unit.consumed_order_id}, operation {unit.consumed_operation}
            </dd>
          </Fragment>
        )}
        <dt>Genealogy</dt>
        <dd>
          <a href={hashLink('genealogy', `serial:${unit.serial}`)}>trace</a>
        </dd>
      </dl>
      <ErrorBox message={error} testId="serial-error" />
      <ErrorBox message={notice} kind="success" testId="serial-notice" />
      {(actions.hold.length > 0 || actions.signed.length > 0) && (
        <div class="form-row">
          {actions.hold.length > 0 && (
            <label>
              Reason{' '}
              <input data-testid="serial-reason-input" value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
            </label>
          )}
          {actions.hold.map((a) => (
            <button key={a} class="btn" disabled={busy} data-testid={`serial-${a}`} onClick={() => step(a)}>
              {a === 'hold' ? 'Hold' : 'Lift hold'}
            </button>
          ))}
          {actions.signed.map((a) => (
            <button
              key={a}
              class="btn"
              disabled={busy}
              data-testid={`serial-${a}`}
              onClick={() => {
                setError('');
                setNotice('');
                setSigning(a);
              }}
            >
              {a === 'release' ? 'Release' : 'Reject'}
            </button>
          ))}
        </div>
      )}
      {unit.signatures.length > 0 && (
        <Fragment>
          <h3>Signatures</h3>
          <ul data-testid="serial-signatures">
            {unit.signatures.map((s) => (
              <li key={s.signature_id} data-testid="serial-signature" data-meaning={s.meaning} data-status={s.status}>
                {s.meaning} by {s.printed_name}, {s.time} ({s.status}){s.comment ? `: ${s.comment}` : ''}
              </li>
            ))}
          </ul>
        </Fragment>
      )}
      {signing && (
        <SigningDialog
          title={signing === 'release' ? 'Release serial' : 'Reject serial'}
          meaning={signing === 'release' ? 'released' : 'rejected'}
          record={
            <Fragment>
              <dt>Serial</dt>
              <dd>{unit.serial}</dd>
              <dt>Material</dt>
              <dd>{unit.material}</dd>
              <dt>Order</dt>
              <dd>{unit.order_id}</dd>
            </Fragment>
          }
          requiredComment={signing === 'reject' ? { hint: 'why is it rejected?', missing: 'Say why the serial is rejected.' } : undefined}
          passwordOnly={passwordOnly}
          sign={(signature) =>
            signing === 'release' ? productionApi.releaseSerial(id, signature) : productionApi.rejectSerial(id, signature.comment ?? '', signature)
          }
          onSigned={(r) => {
            setUnit(r.serial);
            setNotice(`Serial ${id} ${signing === 'release' ? 'released' : 'rejected'}.`);
            setSigning(null);
          }}
          onCancel={() => setSigning(null)}
        />
      )}
    </div>
  );
}

export function Serials({ user, params }: PageProps) {
  return (
    <section class="page" data-testid="page-serials">
      <div class="page-head">
        <h1>Serial numbers</h1>
        <p class="page-sub">Serialized units, their quality state and quality's decisions on one unit.</p>
      </div>
      {params[0] ? <SerialPage id={params[0]} user={user} /> : <SerialList />}
    </section>
  );
}
