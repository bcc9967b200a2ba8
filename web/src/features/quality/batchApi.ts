// Batch record calls (docs/batch-record.md): the record, a sealed version, the review
// of exceptions, the signed release, the printable HTML / JSON file, and the records
// awaiting review (the worklist source batchrecord.awaiting_review).
import { fetchFile, request, seg, type ServerFile } from '../../shared/http';
import type { SignatureInput } from '../signatures/types';
import type { AwaitingReview, BatchRecord, ReleaseReply, ReviewItem } from './batchTypes';

const base = (order: string) => `/orders/${seg(order)}/batch-record`;

/** The server's file (printable HTML or JSON) fetched with the session's token. */
const file = (order: string, version: number | null, format: 'html' | 'json'): Promise<ServerFile> =>
  fetchFile(`/api/v1${base(order)}${version ? `/versions/${version}` : ''}${format === 'html' ? '?format=html' : ''}`);

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
