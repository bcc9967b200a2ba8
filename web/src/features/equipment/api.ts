// Equipment calls (docs/equipment.md): the board and its stream, the downtime list and
// the reason given after the fact, and the source registry.
import { ApiError, getToken, request, seg } from '../../shared/http';
import { parseFrames } from '../../shared/sse';
import type { Board, DowntimeList, Source, SourceInput, WithKey } from './types';

export const equipmentApi = {
  board: () => request<Board>('/equipment/board'),
  downtime: () => request<DowntimeList>('/equipment/downtime'),
  assignReason: (workUnit: string, start: string, reasonCode: string, comment: string) =>
    request<unknown>(`/work-units/${seg(workUnit)}/downtime/${seg(start)}/reason`, {
      method: 'POST',
      body: comment ? { reason_code: reasonCode, comment } : { reason_code: reasonCode },
    }),
  sources: async () => (await request<{ sources: Source[] }>('/sources')).sources,
  register: (input: SourceInput) => request<WithKey>('/sources', { method: 'POST', body: input }),
  setEnabled: (name: string, enabled: boolean) =>
    request<{ source: Source }>(`/sources/${seg(name)}`, { method: 'PATCH', body: { enabled } }),
  rotateKey: (name: string) => request<WithKey>(`/sources/${seg(name)}/key`, { method: 'POST' }),
};

/** Waits after a dropped stream before it connects again: 1 s, doubling up to 8 s. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 8000;

export interface BoardHandlers {
  /** Every board the stream sends: the board now when it connects, then each changed one. */
  onBoard: (board: Board) => void;
  /** Whether the stream is connected (false while it waits to connect again). */
  onLive?: (live: boolean) => void;
  /** The stream cannot go on (no permission, signed out): it stopped. */
  onEnd?: (error: ApiError) => void;
}

/**
 * Follows the board over GET /equipment/board/stream with fetch and a streaming reader
 * (the stream needs the bearer token, which EventSource cannot send). When the stream
 * drops it connects again with back-off and the first frame brings the board as it is
 * then; a 4xx answer ends it. Returns the function that stops following.
 */
export function followBoard(h: BoardHandlers): () => void {
  const abort = new AbortController();
  let stopped = false;
  const live = (v: boolean) => h.onLive?.(v);

  const once = async () => {
    const token = getToken();
    if (!token) throw new ApiError(401, { title: 'Signed out', detail: 'Sign in again to follow the board.' });
    const res = await fetch('/api/v1/equipment/board/stream', {
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
        if (event !== 'board') return;
        try {
          h.onBoard(JSON.parse(data) as Board);
        } catch {
          // A frame that is not a board: ignored.
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
      }
      live(false);
      if (stopped) return;
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
