// Worklist calls: GET /worklist.
import { request } from '../../shared/http';
import type { WorklistResponse } from './types';

export const worklistApi = {
  worklist: () => request<WorklistResponse>('/worklist'),
};
