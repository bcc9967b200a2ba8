// Telemetry calls (docs/telemetry.md): the tags, and one tag's values over a window.
import { request, seg } from '../../shared/http';
import type { Tag, Values } from './types';

export const telemetryApi = {
  tags: async (workUnit = '') =>
    (await request<{ tags: Tag[] }>(workUnit ? `/tags?work_unit=${seg(workUnit)}` : '/tags')).tags,
  values: (tag: string, from: string, to: string, step: number, signal?: AbortSignal) =>
    request<Values>(`/tags/${seg(tag)}/values?from=${seg(from)}&to=${seg(to)}&step=${step}`, { signal }),
};
