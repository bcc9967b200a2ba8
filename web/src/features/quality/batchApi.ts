// Batch record calls (docs/batch-record.md): the record, a sealed version, the review
// of exceptions, the signed release, the printable HTML / JSON file, and the records
// awaiting review (the worklist source batchrecord.awaiting_review).
import { ApiError, getToken, request, seg } from '../../shared/http';
import type { SignatureInput } from '../signatures/types';
import type { AwaitingReview, BatchRecord, ReleaseReply, ReviewItem } from './batchTypes';

const base = (order: string) => `/orders/${seg(order)}/batch-record`;

/** The server's file (printable HTML or JSON) fetched with the session's token. */
async function file(order: string, version: number | null, format: 'html' | 'json'): Promise<{ text: string; type: string }> {
  const headers: Record<string, string> = {};
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const path = `/api/v1${base(order)}${version ? `/versions/${version}` : ''}${format === 'html' ? '?format=html' : ''}`;
  const res = await fetch(path, { headers });
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

export const batchApi = {
  record: async (order: string) => (await request<{ batch_record: BatchRecord }>(base(order))).batch_record,
  version: (order: string, n: number) =>
    request<{ order_id: string; version: number; content_hash: string; seq: number; record: BatchRecord }>(
      `${base(order)}/versions/${n}`,
    ),
  review: async (order: string, items: ReviewItem[]) =>
    (await request<{ batch_record: BatchRecord }>(`${base(order)}/review`, { method: 'POST', body: { items } })).batch_record,
  release: (order: string, signature: SignatureInput, reason?: string) =>
    request<ReleaseReply>(`${base(order)}/release`, { method: 'POST', body: reason ? { signature, reason } : { signature } }),
  file,
  async awaitingReview(): Promise<AwaitingReview[]> {
    const w = await request<{ items: (AwaitingReview & { source: string })[] }>('/worklist');
    return w.items.filter((i) => i.source === 'batchrecord.awaiting_review');
  },
};
