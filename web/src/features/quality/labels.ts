// Words for the deviation codes the server sends, and the age of a deviation.
import type { DispositionKind } from './types';

export const DISPOSITIONS: DispositionKind[] = ['use_as_is', 'rework', 'scrap', 'return_to_supplier'];

const DISPOSITION_LABELS: Record<string, string> = {
  use_as_is: 'Use as is',
  rework: 'Rework',
  scrap: 'Scrap',
  return_to_supplier: 'Return to supplier',
};

const SOURCE_LABELS: Record<string, string> = {
  manual: 'opened by hand',
  parameter_out_of_limits: 'critical parameter out of limits',
  over_consumption: 'over-consumption',
};

const EVENT_LABELS: Record<string, string> = {
  'deviations.deviation_opened': 'Opened',
  'deviations.deviation_updated': 'Updated',
  'signature.applied': 'Signed',
  'deviations.disposition_signed': 'Disposition',
  'deviations.deviation_closed': 'Closed',
};

export const dispositionLabel = (d: string) => DISPOSITION_LABELS[d] ?? d;
export const sourceLabel = (s: string) => SOURCE_LABELS[s] ?? s;
/** A signature meaning as a word: "dispositioned" -> "Dispositioned". */
export const meaningLabel = (m: string) => (m ? m[0].toUpperCase() + m.slice(1) : m);
export const eventLabel = (t: string) => EVENT_LABELS[t] ?? t;

/** "12 min", "5 h", "3 d 4 h": how long from `fromUs` to `toUs` (server microseconds). */
export function ageText(fromUs: number, toUs: number): string {
  const minutes = Math.max(0, Math.floor((toUs - fromUs) / 60_000_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** Refusals of the deviation commands in words that say what to do. */
export const REFUSAL_NOTES: Record<string, string> = {
  same_person:
    '— another quality person must sign: the author of a deviation never signs its disposition, and a critical deviation needs two different quality people.',
  invalid_transition: '— for a second signature, sign the same disposition as the first.',
  deviation_closed: '— the deviation is closed: it changes no more.',
};
