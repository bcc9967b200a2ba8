// Deviation calls (docs/deviations.md): list, one deviation, open by hand, update
// (classification and investigation), the signed disposition; the root causes (reason
// codes of category deviation_category in force) and the deviation's ledger history.
import { request, seg } from '../../shared/http';
import { masterdataApi } from '../masterdata/api';
import type { SignatureInput } from '../signatures/types';
import type {
  Deviation,
  DeviationUpdate,
  DispositionKind,
  DispositionReply,
  HistoryEntry,
  NewDeviation,
  RootCause,
} from './types';

export const qualityApi = {
  deviations: (q: { state?: string; order?: string } = {}) =>
    request<{ deviations: Deviation[] }>('/deviations', { query: q }),
  deviation: async (id: string) => (await request<{ deviation: Deviation }>(`/deviations/${seg(id)}`)).deviation,
  open: async (d: NewDeviation) =>
    (await request<{ deviation: Deviation }>('/deviations', { method: 'POST', body: d })).deviation,
  update: async (id: string, u: DeviationUpdate) =>
    (await request<{ deviation: Deviation }>(`/deviations/${seg(id)}/update`, { method: 'POST', body: u })).deviation,
  dispose: (id: string, disposition: DispositionKind, comment: string, signature: SignatureInput) =>
    request<DispositionReply>(`/deviations/${seg(id)}/disposition`, {
      method: 'POST',
      body: { disposition, comment, signature },
    }),

  /** The ledger entries of the deviation, oldest first (needs audit.read). */
  history: async (id: string) =>
    (await request<{ entries: HistoryEntry[] }>('/ledger', { query: { subject: id, limit: 500 } })).entries,

  /** The codes of the reason code lists of category deviation_category in force. */
  async rootCauses(): Promise<RootCause[]> {
    const { objects } = await masterdataApi.objects('reason_codes');
    const out: RootCause[] = [];
    for (const row of objects) {
      if (row.effective_version == null) continue;
      const { version } = await masterdataApi.version(row.kind, row.id, row.effective_version);
      const c = version.content as { category?: string; codes?: RootCause[] };
      if (c.category === 'deviation_category' && Array.isArray(c.codes)) out.push(...c.codes);
    }
    return out;
  },
};
