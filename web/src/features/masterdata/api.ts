// Master data calls: the kinds table, objects, versions and diffs, validation,
// change requests with their drafts and signed commands.
import { request, seg } from '../../shared/http';
import type { FieldError } from '../../shared/types';
import type { SignatureInput } from '../signatures/types';
import type {
  ChangeRequest,
  Content,
  DiffResult,
  KindDef,
  NewChangeRequest,
  ObjectRow,
  SigningAction,
  Version,
} from './types';

export const masterdataApi = {
  async kinds(): Promise<KindDef[]> {
    const res = await request<KindDef[] | { kinds: KindDef[] }>('/masterdata/kinds');
    return Array.isArray(res) ? res : res.kinds;
  },

  objects: (kind: string, q?: string) =>
    request<{ objects: ObjectRow[] }>(`/masterdata/${seg(kind)}`, { query: { q } }),

  object: (kind: string, id: string) =>
    request<{ object: ObjectRow; versions: Version[] }>(`/masterdata/${seg(kind)}/${seg(id)}`),

  version: (kind: string, id: string, version: number) =>
    request<{ version: Version }>(`/masterdata/${seg(kind)}/${seg(id)}/versions/${version}`),

  diff: (kind: string, id: string, from: number, to: number) =>
    request<DiffResult>(`/masterdata/${seg(kind)}/${seg(id)}/diff`, { query: { from, to } }),

  validate: (kind: string, content: Content) =>
    request<{ errors: FieldError[] }>('/masterdata/validate', { method: 'POST', body: { kind, content } }),

  // ---------- change requests ----------

  changeRequests: (state?: string) =>
    request<{ change_requests: ChangeRequest[] }>('/change-requests', { query: { state } }),

  createChangeRequest: (cr: NewChangeRequest) =>
    request<{ change_request: ChangeRequest }>('/change-requests', { method: 'POST', body: cr }),

  changeRequest: (id: string) => request<{ change_request: ChangeRequest }>(`/change-requests/${seg(id)}`),

  saveDraft: (cr: string, kind: string, id: string, content: Content, action?: 'define' | 'obsolete') =>
    request<{ change_request: ChangeRequest }>(`/change-requests/${seg(cr)}/items/${seg(kind)}/${seg(id)}`, {
      method: 'PUT',
      body: action ? { content, action } : { content },
    }),

  withdrawDraft: (cr: string, kind: string, id: string) =>
    request<{ change_request: ChangeRequest }>(`/change-requests/${seg(cr)}/items/${seg(kind)}/${seg(id)}`, {
      method: 'DELETE',
    }),

  /** submit (authored), approve (approved), reject (rejected), review (reviewed): signed commands. */
  signChangeRequest: (cr: string, action: SigningAction, signature: SignatureInput) =>
    request<{ change_request: ChangeRequest }>(`/change-requests/${seg(cr)}/${action}`, {
      method: 'POST',
      body: { signature },
    }),

  withdrawChangeRequest: (cr: string, reason: string) =>
    request<{ change_request: ChangeRequest }>(`/change-requests/${seg(cr)}/withdraw`, {
      method: 'POST',
      body: { reason },
    }),
};
