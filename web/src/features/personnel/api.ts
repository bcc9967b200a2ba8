// Personnel calls: people, qualification grants (grant, revoke with a reason, list)
// and training records (record, list); grants and records for oneself are refused by
// the server (another person with personnel.manage must).
import { request } from '../../shared/http';
import type { Grant, Person, Qualification, TrainingRecord } from './types';

export const personnelApi = {
  people: () => request<{ people: Person[] }>('/personnel/people'),

  /** The qualifications in force (master data of kind "qualification"). */
  async qualifications(): Promise<Qualification[]> {
    const res = await request<{ objects: { id: string; name: string; status: string }[] }>('/masterdata/qualification');
    return res.objects.filter((o) => o.status === 'effective').map((o) => ({ id: o.id, name: o.name }));
  },

  grants: (userId: number) => request<{ grants: Grant[] }>('/personnel/qualifications', { query: { user_id: userId } }),

  grant: (userId: number, qualification: string, expires?: string) =>
    request<{ grant: { seq: number } }>('/personnel/qualifications', {
      method: 'POST',
      body: expires ? { user_id: userId, qualification, expires } : { user_id: userId, qualification },
    }),

  revoke: (seq: number, reason: string) =>
    request<{ revocation: { seq: number; grant: number } }>(
      `/personnel/qualifications/${encodeURIComponent(String(seq))}/revoke`,
      { method: 'POST', body: { reason } },
    ),

  training: (userId: number) =>
    request<{ training: TrainingRecord[] }>('/personnel/training', { query: { user_id: userId } }),

  recordTraining: (userId: number, course: string, completed: string, trainer?: string) =>
    request<{ training: { seq: number } }>('/personnel/training', {
      method: 'POST',
      body: trainer ? { user_id: userId, course, completed, trainer } : { user_id: userId, course, completed },
    }),
};
