// Follows GET /security/events/stream (server-sent events, security.monitor). The
// browser's EventSource cannot send the bearer token (and a token in the URL would end
// up in logs), so the stream is read with fetch: frames are "id: SEQ", "event: security",
// "data: {event}" separated by a blank line; ": keep-alive" comments are skipped. It
// starts after the ledger head when it was called (GET /health), and when the stream
// ends while the session lives (a server restart) it resumes after the last seq seen,
// so nothing in between is missed or counted twice; a 401 or 403 stops it (the session
// ended or lacks the permission).
import { getToken, health } from '../../shared/http';
import { parseFrames } from '../../shared/sse';

/** A security event as GET /security/events lists it (the fields the badge uses). */
export interface SecurityEvent {
  seq: number;
  type: string;
  time: string;
  actor: string;
}

const RETRY_MS = 5000;

/**
 * Starts following; returns the function that stops it. `onLive` is told when the
 * stream is connected (true) and when it is not (false).
 */
export function followSecurityEvents(
  onEvent: (e: SecurityEvent) => void,
  onLive: (live: boolean) => void = () => {},
): () => void {
  const abort = new AbortController();
  let after = 0;
  let stopped = false;

  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const once = async (): Promise<boolean> => {
    const token = getToken();
    if (!token) return false;
    const url = '/api/v1/security/events/stream' + (after > 0 ? `?after=${after}` : '');
    const res = await fetch(url, {
      headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    if (res.status === 401 || res.status === 403) return false;
    if (!res.ok || !res.body) return true;
    onLive(true);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return true;
      buffer = parseFrames(buffer + decoder.decode(value, { stream: true }), (event, data, id) => {
        if (event !== 'security') return;
        try {
          const parsed = JSON.parse(data) as SecurityEvent;
          after = Math.max(after, Number(id) || parsed.seq || 0);
          onEvent(parsed);
        } catch {
          // A frame that is not an event: ignored.
        }
      });
    }
  };

  void (async () => {
    try {
      after = (await health()).head_seq;
    } catch {
      // The stream starts at the head by itself.
    }
    while (!stopped) {
      let again = true;
      try {
        again = await once();
      } catch {
        // Network error or aborted: retried below unless stopped.
      }
      onLive(false);
      if (!again || stopped) return;
      await wait(RETRY_MS);
    }
  })();

  return () => {
    stopped = true;
    abort.abort();
  };
}
