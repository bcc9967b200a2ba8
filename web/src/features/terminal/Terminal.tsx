// The operator terminal ("#/terminal"): "#/terminal" picks the work unit,
// "#/terminal/WU" lists its operations (dispatchSource.ts), "#/terminal/WU/ORDER/OP" runs one.
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import type { PageProps } from '../../shared/feature';
import { errorMessage } from '../../shared/http';
import { hashLink } from '../../shared/session';
import { DispatchList } from './DispatchList';
import { loadDispatchList, loadWorkUnits, type DispatchEntry, type WorkUnit } from './dispatchSource';
import { OperationScreen } from './OperationScreen';
import { WorkUnitPicker } from './WorkUnitPicker';
import './terminal.css';

export function Terminal({ params }: PageProps) {
  const [wuId, order, operation] = params;
  const [units, setUnits] = useState<WorkUnit[] | null>(null);
  const [entries, setEntries] = useState<DispatchEntry[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    loadWorkUnits()
      .then(setUnits)
      .catch((e) => setError(errorMessage(e)));
  }, []);
  const unit = units?.find((u) => u.id === wuId);
  useEffect(() => {
    setEntries(null);
    if (unit && !order) {
      loadDispatchList(unit)
        .then(setEntries)
        .catch((e) => setError(errorMessage(e)));
    }
  }, [unit?.id, order]);

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
          <p>
            <a class="btn" href={hashLink('terminal')} data-testid="term-change-unit">
              Change work unit
            </a>
          </p>
          {entries ? <DispatchList unit={unit} entries={entries} /> : <p class="muted">Loading...</p>}
        </div>
      )}
      {wuId && order && operation && <OperationScreen key={`${order}/${operation}`} workUnit={wuId} order={order} operation={operation} />}
    </section>
  );
}
