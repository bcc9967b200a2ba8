// Execution calls of the operator terminal (docs/execution.md section 6): the operation
// view and the commands on it, and the scrap and rework reason code lists in force.
import { request, seg } from '../../shared/http';
import { masterdataApi } from '../masterdata/api';
import type { SignatureInput } from '../signatures/types';
import type { CommandReply, OperationView, ReasonCode, ReasonQuantity } from './types';

const base = (order: string, op: string) => `/orders/${seg(order)}/operations/${seg(op)}`;
const post = (order: string, op: string, verb: string, body?: unknown) =>
  request<CommandReply>(`${base(order, op)}/${verb}`, { method: 'POST', body });

export const executionApi = {
  operation: async (order: string, op: string) =>
    (await request<{ operation: OperationView }>(base(order, op))).operation,
  start: (order: string, op: string, workUnit: string) => post(order, op, 'start', { work_unit: workUnit }),
  pause: (order: string, op: string, reason: string) => post(order, op, 'pause', reason ? { reason } : {}),
  resume: (order: string, op: string) => post(order, op, 'resume'),
  acknowledge: (order: string, op: string, hash: string) =>
    post(order, op, 'acknowledge-instructions', hash ? { instruction_hash: hash } : {}),
  consume: (order: string, op: string, scan: string, quantity: number, unit: string) =>
    post(order, op, 'consume', unit ? { scan, quantity, unit } : { scan, quantity }),
  parameter: (order: string, op: string, name: string, value: number) =>
    post(order, op, 'parameters', { name, value }),
  characteristic: (order: string, op: string, name: string, values: number[]) =>
    post(order, op, 'characteristics', { name, values }),
  complete: (
    order: string,
    op: string,
    body: { good: number; scrap: number; rework: number; scrap_reasons?: ReasonQuantity[]; rework_reasons?: ReasonQuantity[] },
  ) => post(order, op, 'complete', body),
  verify: (order: string, op: string, signature: SignatureInput) => post(order, op, 'verify', { signature }),

  /** The codes of the master data reason_codes lists in force of one category (scrap, rework). */
  async reasonCodes(category: 'scrap' | 'rework'): Promise<ReasonCode[]> {
    const { objects } = await masterdataApi.objects('reason_codes');
    const out: ReasonCode[] = [];
    for (const row of objects) {
      if (row.effective_version == null) continue;
      const { version } = await masterdataApi.version(row.kind, row.id, row.effective_version);
      const c = version.content as { category?: string; codes?: ReasonCode[] };
      if (c.category === category && Array.isArray(c.codes)) out.push(...c.codes);
    }
    return out;
  },
};
