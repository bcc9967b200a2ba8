// Dispatch calls (docs/dispatch.md): the work units, a unit's list, a supervisor's move,
// and the list followed live over GET /work-units/{id}/dispatch/stream.
import { ApiError, getToken, request, seg } from '../../shared/http';
import { parseFrames } from '../../shared/sse';
import type { DispatchList, MoveInput, WorkUnit } from './types';

const unit = (id: string) => `/work-units/${seg(id)}/dispatch`;

export const dispatchApi = {
  workUnits: async () => (await request<{ work_units: WorkUnit[] }>('/work-units')).work_units,
  list: (id: string) => request<DispatchList>(unit(id)),
  move: (id: string, body: MoveInput) => request<DispatchList>(`${unit(id)}/moves`, { method: 'POST', body }),
  /** A supervisor lets starts through on a blocked unit until it leaves down (docs/equipment.md). */
  overrideBlock: (id: string, reason: string) =>
    request<{ override: { work_unit: string; down_since: string; reason: string; by: string; at: string } }>(
      `/work-units/${seg(id)}/availability-override`,
      { method: 'POST', body: { reason } },
    ),
};

/** Waits after a dropped stream before it connects again: 1 s, doubling up to 8 s. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 8000;

export interface FollowHandlers {
  /** Every list the stream sends: the list now when it connects, then each changed one. */
  onList: (list: DispatchList) => void;
  /** Whether the stream is connected (false while it waits to connect again). */
  onLive?: (live: boolean) => void;
  /** The stream cannot go on (unknown unit, no permission, signed out): it stopped. */
  onEnd?: (error: ApiError) => void;
}

/**
 * Follows the list of work unit `id` with fetch and a streaming reader (the stream
 * needs the bearer token, which EventSource cannot send). When the stream drops (a
 * server restart, the network) it connects again and the first frame brings the list
 * as it is then; a 4xx answer ends it. Returns the function that stops following.
 */
export function followDispatch(id: string, h: FollowHandlers): () => void {
  const abort = new AbortController();
  let stopped = false;
  const live = (v: boolean) => h.onLive?.(v);

  /** One connection; resolves when it ended and may be tried again, rejects with an ApiError when not. */
  const once = async () => {
    const token = getToken();
    if (!token) throw new ApiError(401, { title: 'Signed out', detail: 'Sign in again to follow the list.' });
    const res = await fetch(`/api/v1${unit(id)}/stream`, {
      headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    if (res.status >= 400 && res.status < 500) {
      const problem = await res.json().catch(() => ({ title: res.statusText }));
      throw new ApiError(res.status, problem);
    }
    if (!res.ok || !res.body) return;
    live(true);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer = parseFrames(buffer + decoder.decode(value, { stream: true }), (event, data) => {
        if (event !== 'dispatch') return;
        try {
          h.onList(JSON.parse(data) as DispatchList);
        } catch {
          // A frame that is not a list: ignored.
        }
      });
    }
  };

  void (async () => {
    let delay = RETRY_FIRST_MS;
    while (!stopped) {
      const started = Date.now();
      try {
        await once();
      } catch (e) {
        if (e instanceof ApiError) {
          live(false);
          if (!stopped) h.onEnd?.(e);
          return;
        }
        // Network error or aborted: tried again below unless stopped.
      }
      live(false);
      if (stopped) return;
      // A connection that lasted a while starts the back-off again.
      delay = Date.now() - started > RETRY_MAX_MS ? RETRY_FIRST_MS : delay;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    }
  })();

  return () => {
    stopped = true;
    abort.abort();
  };
}
