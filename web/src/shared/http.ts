// Typed fetch wrapper for the ordo HTTP API (JSON under /api/v1); each capability
// lists its own calls in features/<capability>/api.ts.
// - Keeps the bearer token in sessionStorage (per browser tab, gone when the tab closes).
// - Turns RFC 9457 problem responses into ApiError with a human-readable message.
// - On 401 from an authenticated call, drops the token and notifies the app so it can
//   return to the sign-in page (unless the call says the 401 is about its own
//   credentials, endSessionOn401: false).
import type { Health, Problem } from './types';

const BASE = '/api/v1';

/** One path segment, encoded. */
export const seg = (s: string) => encodeURIComponent(s);

/** Unwraps replies that may come bare or wrapped in one member ({policy: {...}}). */
export function unwrap<T>(data: unknown, member: string): T {
  if (data && typeof data === 'object' && member in (data as Record<string, unknown>)) {
    return (data as Record<string, unknown>)[member] as T;
  }
  return data as T;
}

const TOKEN_KEY = 'ordo.token';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problemMessage(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Name of the request field the server complained about, if any. */
  get field(): string | undefined {
    return this.problem.field;
  }

  /** Finer cause of the problem (e.g. four_eyes, policy_not_acknowledged), if any. */
  get reason(): string | undefined {
    return this.problem.reason;
  }
}

function problemMessage(status: number, p: Problem): string {
  let msg = p.detail || p.title || `Request failed (HTTP ${status})`;
  if (typeof p.retry_after_seconds === 'number') {
    msg += ` Try again in ${p.retry_after_seconds} s.`;
  }
  return msg;
}

/** Message to show the user for any error thrown by this module (or anything else). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof TypeError) return 'Cannot reach the ordo server. Check the connection.';
  if (err instanceof Error) return err.message;
  return String(err);
}

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Stores (or with null drops) the bearer token: sign-in and sign-out do this. */
export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

let unauthorizedHandler: (() => void) | null = null;

/** Registers the callback run when the server rejects our token (HTTP 401). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** false for calls made without a token (sign-in, health). */
  auth?: boolean;
  /**
   * false when a 401 answers the request's own credentials (a wrong current password)
   * rather than the session: the token is kept and the app stays signed in.
   */
  endSessionOn401?: boolean;
  /** Aborts the request (the page that asked went away, or asks again). */
  signal?: AbortSignal;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, auth = true, endSessionOn401 = true, signal } = opts;
  let url = BASE + path;
  if (query) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== '') qs.set(k, String(v));
    }
    const s = qs.toString();
    if (s) url += '?' + s;
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = getToken();
  if (auth && token) headers.Authorization = `Bearer ${token}`;

  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const problem: Problem =
      data && typeof data === 'object' ? (data as Problem) : { title: res.statusText || undefined };
    if (res.status === 401 && auth && endSessionOn401) {
      setToken(null);
      unauthorizedHandler?.();
    }
    throw new ApiError(res.status, problem);
  }
  return data as T;
}

/** A file the server sends as text (CSV, printable HTML, JSON export), fetched with the
 * session's token: `path` starts at /api/v1. Refusals throw ApiError like request(). */
export interface ServerFile {
  text: string;
  type: string;
}

export async function fetchFile(path: string): Promise<ServerFile> {
  const headers: Record<string, string> = {};
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(path, { headers });
  const text = await res.text();
  if (!res.ok) {
    let problem: Problem = { title: res.statusText || undefined };
    try {
      problem = JSON.parse(text) as Problem;
    } catch {
      // not JSON: the status text stands
    }
    throw new ApiError(res.status, problem);
  }
  return { text, type: res.headers.get('Content-Type') ?? 'text/plain' };
}

/** GET /health (no token needed). */
export const health = () => request<Health>('/health', { auth: false });
