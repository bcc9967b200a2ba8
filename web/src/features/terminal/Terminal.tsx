// The operator terminal ("#/terminal"): "#/terminal" picks the work unit,
// "#/terminal/WU" shows its dispatch list (live) and what waits there for verification,
// "#/terminal/WU/ORDER/OP" runs one operation.
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import type { PageProps } from '../../shared/feature';
import { errorMessage } from '../../shared/http';
import { hashLink } from '../../shared/session';
import { EquipmentBlockNote, LiveBadge, useDispatchList } from '../dispatch';
import { dispatchApi } from '../dispatch/api';
import type { WorkUnit } from '../dispatch/types';
import { AwaitingVerification } from './AwaitingVerification';
import { DispatchList } from './DispatchList';
import { OperationScreen } from './OperationScreen';
import { WorkUnitPicker } from './WorkUnitPicker';
import './terminal.css';

export function Terminal({ params }: PageProps) {
  const [wuId, order, operation] = params;
  const [units, setUnits] = useState<WorkUnit[] | null>(null);
  const [error, setError] = useState('');
  const listed = wuId && !order ? wuId : null;
  const { list, live, error: listError, version } = useDispatchList(listed);

  useEffect(() => {
    dispatchApi
      .workUnits()
      .then(setUnits)
      .catch((e) => setError(errorMessage(e)));
  }, []);
  const unit = units?.find((u) => u.id === wuId);

  return (
    <section class="page term" data-testid="page-terminal">
      <div class="page-head">
        <h1>Terminal{wuId ? `: ${wuId}` : ''}</h1>
        <p class="page-sub">Pick the work unit, then the operation to run.</p>
      </div>
      <ErrorBox message={error} testId="term-error" />
      {!wuId && (units ? <WorkUnitPicker units={units} /> : <p class="muted">Loading...</p>)}
      {wuId && units && !unit && <ErrorBox message={`There is no work unit ${wuId}.`} />}
      {wuId && !order && unit && (
        <div>
          <div class="term-actions">
            <a class="btn" href={hashLink('terminal')} data-testid="term-change-unit">
              Change work unit
            </a>
            <LiveBadge live={live} testId="term-live" />
          </div>
          <ErrorBox message={listError} testId="term-list-error" />
          <EquipmentBlockNote workUnit={unit.id} block={list ? list.equipment_block : unit.equipment_block} />
          {list ? <DispatchList list={list} /> : !listError && <p class="muted">Loading...</p>}
          <AwaitingVerification workUnit={unit.id} version={version} />
        </div>
      )}
      {wuId && order && operation && <OperationScreen key={`${order}/${operation}`} workUnit={wuId} order={order} operation={operation} />}
    </section>
  );
}
