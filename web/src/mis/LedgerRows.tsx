// The rows the MIS took from a range of MES ledger entries (GET /api/v1/feed/entries):
// what a figure's ledger source names (machine data, equipment master data), with the
// seq, type and device time as the MES recorded them.
import { MAX_ROWS, misApi, type LedgerEntry, type SourceRef } from './api';
import { formatSource, formatTime } from './format';
import { useApi } from './useApi';

const TYPE_LABELS: Record<string, string> = {
  'equipment.state_changed': 'state changed',
  'equipment.counted': 'counted',
  'equipment.downtime_reason_assigned': 'downtime reason assigned',
  'equipment.source_registered': 'source registered',
  'masterdata.draft_saved': 'equipment drafted',
  'change_request.approved': 'equipment approved',
};

/** What the entry says, in one cell. */
function what(e: LedgerEntry): string {
  switch (e.type) {
    case 'equipment.state_changed':
      return e.reason ? `${e.state} (${e.reason})` : e.state ?? '';
    case 'equipment.counted':
      return `total ${e.total}, good ${e.good}, scrap ${e.scrap}, rework ${e.rework}` +
        (e.product ? `, product ${e.product}` : '') + (e.order ? `, order ${e.order}` : '') +
        (e.counter === 'cumulative' ? ' (counter values)' : '');
    case 'equipment.downtime_reason_assigned':
      return `${e.reason} for the interval from ${formatTime(e.interval_start ?? '')}`;
    case 'equipment.source_registered':
      return `${e.counter} counter${e.rollover_modulus ? `, rolls over at ${e.rollover_modulus}` : ''}`;
    case 'masterdata.draft_saved': {
      const c = typeof e.content === 'object' && e.content ? e.content : {};
      return `${e.equipment} version ${e.version} (${e.action})` +
        (c.name ? `: ${c.name}` : '') + (c.level ? `, ${c.level}` : '') + (c.parent ? ` in ${c.parent}` : '');
    }
    case 'change_request.approved':
      return `${e.equipment} version ${e.version} in force from ${formatTime(e.effective_from ?? '')} UTC`;
    default:
      return '';
  }
}

export function LedgerRows({ source }: { source: SourceRef }) {
  const { data, error } = useApi(() => misApi.ledgerEntries(source), `${source.first}:${source.last}`);
  if (error) return <div class="msg msg-error" role="alert">{error}</div>;
  if (!data) return <p class="muted">Loading ledger entries…</p>;
  return (
    <div class="table-wrap">
      <table class="table" data-testid="ledger-rows">
        <caption class="mis-caption">
          MES {formatSource(source)}
          {source.last - source.first >= MAX_ROWS ? ` (the first ${MAX_ROWS})` : ''}
          {data.cursor < data.last ? ` (the MIS has taken entries up to ${data.cursor})` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num">Seq</th><th scope="col">Type</th><th scope="col">Equipment</th>
            <th scope="col">Device time (UTC)</th><th scope="col">Recorded</th><th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {data.entries.map((e, i) => (
            <tr key={`${e.seq}:${i}`} data-testid="ledger-row">
              <td class="num">{e.seq}</td>
              <td>{TYPE_LABELS[e.type] ?? e.type}</td>
              <td>{e.work_unit ?? e.equipment ?? ''}</td>
              <td class="nowrap">{e.time ? formatTime(e.time) : ''}</td>
              <td>{what(e)}</td>
              <td class="mono">{e.source ? `${e.source}${e.source_seq ? ` #${e.source_seq}` : ''}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.entries.length === 0 && <p class="muted">No machine-data rows in these entries.</p>}
    </div>
  );
}
