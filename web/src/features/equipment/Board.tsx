// The live equipment board ("#/equipment", docs/equipment.md): every work unit by line,
// its machine state as a colour and a text label, the reason, the time in state (ticking),
// the order and operation running on it and its counts; fed by the board's stream.
import { ErrorBox } from '../../shared/ErrorBox';
import type { PageProps } from '../../shared/feature';
import { LiveBadge } from '../dispatch';
import { formatDuration, STATE_LABELS, SUB_REASON_LABELS } from './labels';
import type { BoardUnit } from './types';
import { useBoard, useNow } from './useBoard';
import './equipment.css';

function StateReason({ unit }: { unit: BoardUnit }) {
  if (unit.state === 'down') return <>{unit.reason_code ?? 'no reason given yet'}</>;
  if (unit.sub_reason) return <>{SUB_REASON_LABELS[unit.sub_reason] ?? unit.sub_reason}</>;
  return null;
}

function UnitCard({ unit, now }: { unit: BoardUnit; now: number }) {
  const inState = unit.since ? formatDuration(now - Date.parse(unit.since)) : '';
  const c = unit.counts;
  return (
    <li class={`eq-card eq-${unit.state}`} data-testid={`eq-card-${unit.id}`} data-state={unit.state}>
      <div class="eq-card-head">
        <strong class="eq-unit">{unit.id}</strong>
        <span class="eq-unit-name muted">{unit.name}</span>
      </div>
      <div class="eq-state-row">
        <span class={`eq-state eq-state-${unit.state}`} data-testid={`eq-state-${unit.id}`}>
          {STATE_LABELS[unit.state]}
        </span>
        <span class="eq-reason" data-testid={`eq-reason-${unit.id}`}>
          <StateReason unit={unit} />
        </span>
      </div>
      <div class="eq-since" data-testid={`eq-since-${unit.id}`}>
        {unit.since ? <>for {inState}</> : 'no data yet'}
      </div>
      <div class="eq-op" data-testid={`eq-running-${unit.id}`}>
        {unit.running ? (
          <>
            <span class="eq-order">{unit.running.order_id}</span> / {unit.running.operation} {unit.running.name}
            {unit.running.state === 'paused' ? ' (paused)' : ''}
          </>
        ) : (
          <span class="muted">no operation</span>
        )}
      </div>
      <a class="eq-trends" href={`#/tags/unit/${encodeURIComponent(unit.id)}`} data-testid={`eq-trends-${unit.id}`}>
        Process values of {unit.id}
      </a>
      <dl class="eq-counts" data-testid={`eq-counts-${unit.id}`}>
        <div>
          <dt>Total</dt>
          <dd>{c.basis === 'none' ? '-' : c.total}</dd>
        </div>
        <div>
          <dt>Good</dt>
          <dd>{c.basis === 'none' ? '-' : c.good}</dd>
        </div>
        <div>
          <dt>Scrap</dt>
          <dd>{c.basis === 'none' ? '-' : c.scrap}</dd>
        </div>
      </dl>
    </li>
  );
}

export function EquipmentBoard(_props: PageProps) {
  const { board, live, error } = useBoard();
  const now = useNow();
  return (
    <section class="page equipment" data-testid="page-equipment">
      <div class="page-head">
        <h1>Equipment</h1>
        <p class="page-sub">Every work unit by line as its machine reports it; counts since the running operation started.</p>
      </div>
      <div class="form-row">
        <LiveBadge live={live} testId="eq-live" />
      </div>
      <ErrorBox message={error} testId="eq-board-error" />
      {!board && !error && <p class="muted">Loading...</p>}
      {board?.lines.map((line) => (
        <section class="eq-line" key={line.id} aria-labelledby={`eq-line-${line.id || 'none'}`} data-testid={`eq-line-${line.id}`}>
          <h2 id={`eq-line-${line.id || 'none'}`}>
            {line.name} {line.id && <span class="muted">{line.id}</span>}
          </h2>
          <ul class="eq-cards">
            {line.work_units.map((u) => (
              <UnitCard key={u.id} unit={u} now={now} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
