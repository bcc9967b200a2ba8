// How the machine states read on screen: a text label with every colour (the colour is
// never the only carrier), and durations as the board shows time in state.
import type { MachineState } from './types';

export const STATE_LABELS: Record<MachineState, string> = {
  running: 'Running',
  idle: 'Idle',
  setup: 'Setup',
  down: 'Down',
  planned_stop: 'Planned stop',
  offline: 'Offline',
};

export const SUB_REASON_LABELS: Record<string, string> = {
  starved: 'starved',
  blocked: 'blocked',
  no_order: 'no order',
  maintenance: 'maintenance',
  break: 'break',
  cleaning: 'cleaning',
  no_demand: 'no demand',
};

/** "3 h 05 min", "4 min 09 s", "12 s": the time between `since` and `now` (ms). */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (h >= 24) return `${Math.floor(h / 24)} d ${h % 24} h`;
  if (h > 0) return `${h} h ${two(m)} min`;
  if (m > 0) return `${m} min ${two(sec)} s`;
  return `${sec} s`;
}
