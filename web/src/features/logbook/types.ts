// Logbook types (GET/POST /logbook).

export const LOGBOOK_CATEGORIES = [
  'use',
  'cleaning',
  'maintenance',
  'calibration',
  'shift_handover',
  'deviation_note',
  'other',
] as const;
export type LogbookCategory = (typeof LOGBOOK_CATEGORIES)[number];

export interface LogbookEntry {
  seq: number;
  subject: string;
  /** equipment (an equipment id of master data), free_text (an area not in master data), unchecked (older entries). */
  subject_type?: 'equipment' | 'free_text' | 'unchecked' | string;
  category: string;
  text: string;
  actor: string;
  role: string;
  time: string;
  corrects: number | null;
  reason: string | null;
  corrected_by: number[];
}

export interface NewLogbookEntry {
  subject: string;
  category: string;
  text: string;
  corrects?: number;
  reason?: string;
}
