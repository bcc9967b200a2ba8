// The supervisor's dispatch page ("#/dispatch", "#/dispatch/WU"): pick a work unit, see
// its list as the operators' terminals see it, live, and move entries with a reason.
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import type { PageProps } from '../../shared/feature';
import { errorMessage } from '../../shared/http';
import { hasPermission, hashLink } from '../../shared/session';
import { dispatchApi } from './api';
import { EquipmentBlockNote } from './EquipmentBlockNote';
import { LiveBadge } from './LiveBadge';
import { OverrideForm } from './OverrideForm';
import { Resequence } from './Resequence';
import type { WorkUnit } from './types';
import { useDispatchList } from './useDispatchList';
import './dispatch.css';

export function Dispatch({ user, params }: PageProps) {
  const wuId = params[0] ?? '';
  const [units, setUnits] = useState<WorkUnit[] | null>(null);
  const [error, setError] = useState('');
  const { list, live, error: listError, replace } = useDispatchList(wuId || null);
  useEffect(() => {
    dispatchApi
      .workUnits()
      .then(setUnits)
      .catch((e) => setError(errorMessage(e)));
  }, []);

  return (
    <section class="page dispatch" data-testid="page-dispatch">
      <div class="page-head">
        <h1>Dispatch{wuId ? `: ${wuId}` : ''}</h1>
        <p class="page-sub">The work units' lists as the terminals show them; move an operation with a reason.</p>
      </div>
      <ErrorBox message={error} />
      <div class="form-row">
        <label>
          Work unit{' '}
          <select
            data-testid="dispatch-work-unit"
            value={wuId}
            onChange={(e) => {
              const id = (e.target as HTMLSelectElement).value;
              location.hash = id ? hashLink('dispatch', id) : hashLink('dispatch');
            }}
          >
            <option value="">choose a work unit</option>
            {(units ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.id} {u.name}
                {u.running ? ` (running ${u.running.order_id} / ${u.running.operation})` : ''}
                {u.equipment_block && !u.equipment_block.overridden ? ' (machine down: blocked)' : ''}
              </option>
            ))}
          </select>
        </label>
        {wuId && <LiveBadge live={live} testId="dispatch-live" />}
      </div>
      <ErrorBox message={listError} testId="dispatch-list-error" />
      {wuId && list && <EquipmentBlockNote workUnit={wuId} block={list.equipment_block} />}
      {wuId && list?.equipment_block && !list.equipment_block.overridden && hasPermission(user, 'equipment.availability.override') && (
        <OverrideForm workUnit={wuId} onDone={() => dispatchApi.list(wuId).then(replace).catch((e) => setError(errorMessage(e)))} />
      )}
      {wuId && !listError && (list ? <Resequence list={list} mayMove={hasPermission(user, 'dispatch.resequence')} onMoved={replace} /> : <p class="muted">Loading...</p>)}
    </section>
  );
}
