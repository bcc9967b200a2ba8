// A work unit's sequenced list for the supervisor: each entry with its place and the
// reason it is there, and Up / Down to move it one place with a reason that is recorded
// (POST /work-units/{id}/dispatch/moves, dispatch.resequence). The server decides: a
// refusal (no reason, an entry no longer on the list) is shown with its message.
import { useRef, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import { ApiError, errorMessage } from '../../shared/http';
import { StatusBadge } from '../../shared/StatusBadge';
import { dispatchApi } from './api';
import type { DispatchEntry, DispatchList } from './types';

interface Props {
  list: DispatchList;
  mayMove: boolean;
  /** The list the move answered with (the stream brings it too, a little later). */
  onMoved: (list: DispatchList) => void;
}

const RULES: Record<string, string> = {
  priority_due_date: 'priority, then due date',
  fifo: 'first in, first out',
  shortest_processing_time: 'shortest processing time',
  critical_ratio: 'critical ratio',
};

export function Resequence({ list, mayMove, onMoved }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [reasonRefused, setReasonRefused] = useState(false);
  const reasonField = useRef<HTMLInputElement>(null);
  const entries = list.entries;

  const move = async (e: DispatchEntry, direction: 'up' | 'down') => {
    setBusy(true);
    setError('');
    setNotice('');
    setReasonRefused(false);
    try {
      const next = await dispatchApi.move(list.work_unit, { order_id: e.order_id, operation: e.operation, direction, reason: reason.trim() });
      onMoved(next);
      setReason('');
      setNotice(`${e.order_id} / ${e.operation} moved ${direction}.`);
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError && err.field === 'reason') {
        setReasonRefused(true);
        reasonField.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <p>
        Work center {list.work_center}, sequenced by {RULES[list.rule] ?? list.rule}.
      </p>
      {mayMove && entries.length > 1 && (
        <div class="form-row">
          <label>
            Reason for the move (recorded){' '}
            <input
              ref={reasonField}
              data-testid="dispatch-reason"
              aria-invalid={reasonRefused ? 'true' : undefined}
              value={reason}
              maxLength={1000}
              onInput={(ev) => setReason((ev.target as HTMLInputElement).value)}
            />
          </label>
        </div>
      )}
      <ErrorBox message={error} testId="dispatch-error" />
      <ErrorBox message={notice} kind="success" testId="dispatch-notice" />
      {entries.length === 0 && (
        <p class="empty" data-testid="dispatch-empty">
          Nothing waits on {list.work_unit} now.
        </p>
      )}
      {entries.length > 0 && (
        <table class="table" data-testid="dispatch-table">
          <thead>
            <tr>
              <th>Place</th>
              <th>Operation</th>
              <th>Order</th>
              <th>State</th>
              <th>Why here</th>
              {mayMove && <th>Move</th>}
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => {
              const label = `${e.order_id} / ${e.operation}`;
              return (
                <tr
                  key={`${e.order_id}/${e.operation}`}
                  data-testid="dispatch-entry"
                  data-order={e.order_id}
                  data-operation={e.operation}
                  data-position={e.position}
                  data-state={e.state}
                  data-moved={e.moved ? 'true' : 'false'}
                >
                  <td class="num">{e.position}</td>
                  <td>
                    {label} {e.name}
                  </td>
                  <td>
                    {e.product}: {e.planned_quantity} {e.unit}, priority {e.priority}, due {e.due_date}
                  </td>
                  <td>
                    <StatusBadge status={e.state} />
                  </td>
                  <td data-testid="dispatch-entry-reason">{e.reason}</td>
                  {mayMove && (
                    <td class="dispatch-moves">
                      <button
                        class="btn"
                        disabled={busy || i === 0}
                        aria-label={`Move ${label} up`}
                        data-testid="dispatch-up"
                        onClick={() => move(e, 'up')}
                      >
                        Up
                      </button>
                      <button
                        class="btn"
                        disabled={busy || i === entries.length - 1}
                        aria-label={`Move ${label} down`}
                        data-testid="dispatch-down"
                        onClick={() => move(e, 'down')}
                      >
                        Down
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
