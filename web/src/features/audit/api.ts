// Audit trail calls: page through the ledger, verify the hash chain.
import { request } from '../../shared/http';
import type { LedgerFilter, LedgerPage, VerifyResult } from './types';

export const auditApi = {
  ledger: (q: LedgerFilter & { after?: number; before?: number; limit?: number }) =>
    request<LedgerPage>('/ledger', { query: { ...q } }),

  verifyLedger: () => request<VerifyResult>('/ledger/verify'),
};
