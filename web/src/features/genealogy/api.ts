// Genealogy calls (docs/genealogy.md): a trace backward or forward, and the recall report
// as JSON or as the server's CSV / printable HTML file.
import { ApiError, getToken, request, seg } from '../../shared/http';
import type { Direction, RecallReport, Trace } from './types';

/** The server's file of a recall report: its text and the type it came with. */
export interface RecallFile {
  text: string;
  type: string;
}

async function recallFile(lot: string, format: 'csv' | 'html'): Promise<RecallFile> {
  const headers: Record<string, string> = {};
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`/api/v1/genealogy/${seg(lot)}/recall?format=${format}`, { headers });
  const text = await res.text();
  if (!res.ok) {
    let problem = {};
    try {
      problem = JSON.parse(text);
    } catch {
      problem = { title: res.statusText };
    }
    throw new ApiError(res.status, problem);
  }
  return { text, type: res.headers.get('Content-Type') ?? 'text/plain' };
}

export const genealogyApi = {
  trace: (id: string, direction: Direction, limit?: number) =>
    request<Trace>(`/genealogy/${seg(id)}`, { query: { direction, limit } }),
  recall: (lot: string) => request<RecallReport>(`/genealogy/${seg(lot)}/recall`, { query: { format: 'json' } }),
  recallFile,
};
