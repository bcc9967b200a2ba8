// Audit trail calls: page through the ledger, verify the hash chain, sign and read
// audit trail reviews.
import { request, seg } from '../../shared/http';
import type { AuditReview, LedgerFilter, LedgerPage, LedgerSpan, ReviewRequest, VerifyResult } from './types';

export const auditApi = {
  ledger: (q: LedgerFilter & { after?: number; before?: number; limit?: number }) =>
    request<LedgerPage>('/ledger', { query: { ...q } }),

  /** What a review of the period would cover: entries in it and those the filters match. */
  span: (q: { from: string; to: string; type?: string; actor?: string; subject?: string }) =>
    request<LedgerSpan>('/ledger/span', { query: { ...q } }),

  verifyLedger: () => request<VerifyResult>('/ledger/verify'),

  /** Signs a review of a period (meaning "reviewed"): POST /audit-reviews. */
  signReview: (body: ReviewRequest) => request<{ review: AuditReview }>('/audit-reviews', { method: 'POST', body }),

  /** Reviews, newest first. */
  reviews: (q: { before?: number; limit?: number } = {}) =>
    request<{ reviews: AuditReview[] }>('/audit-reviews', { query: { ...q } }),

  review: (id: string) => request<{ review: AuditReview }>(`/audit-reviews/${seg(id)}`),
};
