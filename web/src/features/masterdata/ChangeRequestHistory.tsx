// The history of a change request: its ledger events (seq, time, what, who).
import { formatMicros } from '../../shared/time';
import type { HistoryEntry } from './types';
import { historyLabel } from './labels';

interface Props {
  history: HistoryEntry[];
}

export function ChangeRequestHistory({ history }: Props) {
  if (history.length === 0) return <div class="muted">No history.</div>;
  return (
    <div class="table-wrap">
      <table class="table" data-testid="cr-history">
        <thead>
          <tr>
            <th class="num">Seq</th>
            <th>Time</th>
            <th>Event</th>
            <th>Actor</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.seq} data-type={h.type}>
              <td class="num">{h.seq}</td>
              <td class="mono nowrap">{formatMicros(h.time_us)}</td>
              <td title={h.type}>{historyLabel(h.type)}</td>
              <td class="mono">{h.actor}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
