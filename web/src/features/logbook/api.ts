// Logbook calls: list entries, record an entry or a correction.
import { request } from '../../shared/http';
import type { LogbookEntry, NewLogbookEntry } from './types';

export const logbookApi = {
  logbook: (q: { subject?: string; limit?: number; before?: number }) =>
    request<{ entries: LogbookEntry[] }>('/logbook', { query: q }),

  writeLogbook: (entry: NewLogbookEntry) =>
    request<{ entry: LogbookEntry }>('/logbook', { method: 'POST', body: entry }),
};
