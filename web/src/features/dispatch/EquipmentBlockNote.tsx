// A work unit's machine block where work is chosen (the terminal and the dispatch page):
// down for longer than its threshold, so no new operation starts there until it runs
// again or a supervisor overrides the block (docs/equipment.md, "Availability").
import { formatTime } from '../../shared/time';
import type { EquipmentBlock } from './types';

/** One line: "down since <time> (UNP-JAM)" or "(no reason given yet)". */
export function blockSummary(b: EquipmentBlock): string {
  return `down since ${formatTime(b.since)} (${b.reason_code ?? 'no reason given yet'})`;
}

export function EquipmentBlockNote({ workUnit, block }: { workUnit: string; block: EquipmentBlock | null }) {
  if (!block) return null;
  if (block.overridden) {
    return (
      <p class="msg" role="status" data-testid="equipment-block" data-overridden="true">
        {workUnit} is {blockSummary(block)}. A supervisor let new operations start until it runs again.
      </p>
    );
  }
  return (
    <div class="msg msg-error" role="status" data-testid="equipment-block" data-overridden="false">
      <strong>Machine down: no new operation can start on {workUnit}.</strong>{' '}
      <span>
        It is {blockSummary(block)}, longer than {block.down_block_seconds} s. Start work here once it runs again, or ask a supervisor to
        override the block.
      </span>
    </div>
  );
}
