// Genealogy calls (docs/genealogy.md): a trace backward or forward, and the recall report
// as JSON or as the server's CSV / printable HTML file.
import { fetchFile, request, seg, type ServerFile } from '../../shared/http';
import type { Direction, RecallReport, Trace } from './types';

/** The server's file of a recall report: its text and the type it came with. */
export type RecallFile = ServerFile;

const recallFile = (lot: string, format: 'csv' | 'html'): Promise<RecallFile> =>
  fetchFile(`/api/v1/genealogy/${seg(lot)}/recall?format=${format}`);

export const genealogyApi = {
  trace: (id: string, direction: Direction, limit?: number) =>
    request<Trace>(`/genealogy/${seg(id)}`, { query: { direction, limit } }),
  recall: (lot: string) => request<RecallReport>(`/genealogy/${seg(lot)}/recall`, { query: { format: 'json' } }),
  recallFile,
};
