// Typed fetch client for the ordo HTTP API.
// - Keeps the bearer token in sessionStorage (per browser tab, gone when the tab closes).
// - Turns RFC 9457 problem responses into ApiError with a human-readable message.
// - On 401 from an authenticated call, drops the token and notifies the app so it can
//   return to the sign-in page.
import type {
  ChangeRequest,
  Content,
  DiffResult,
  FieldError,
  Health,
  KindDef,
  NewChangeRequest,
  ObjectRow,
  SecurityEvent,
  SecurityEventsPage,
  SignatureInput,
  SignaturePolicy,
  SigningAction,
  SiteSettings,
  Version,
  LedgerFilter,
  LedgerPage,
  LogbookEntry,
  NewLogbookEntry,
  NewUser,
  Problem,
  SessionInfo,
  SessionResponse,
  User,
  VerifyResult,
} from './types';

const BASE = '/api/v1';

const seg = (s: string) => encodeURIComponent(s);

/** Unwraps replies that may come bare or wrapped in one member ({policy: {...}}). */
function unwrap<T>(data: unknown, member: string): T {
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

function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

let unauthorizedHandler: (() => void) | null = null;

/** Registers the callback run when the server rejects our token (HTTP 401). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** false for calls made without a token (sign-in, health). */
  auth?: boolean;
}

async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, auth = true } = opts;
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
    if (res.status === 401 && auth) {
      setToken(null);
      unauthorizedHandler?.();
    }
    throw new ApiError(res.status, problem);
  }
  return data as T;
}

export const api = {
  health: () => request<Health>('/health', { auth: false }),

  async signIn(user: string, password: string): Promise<SessionResponse> {
    const res = await request<SessionResponse>('/session', {
      method: 'POST',
      body: { user, password },
      auth: false,
    });
    setToken(res.token);
    return res;
  },

  session: () => request<SessionInfo>('/session'),

  async signOut(): Promise<void> {
    try {
      if (getToken()) await request<void>('/session', { method: 'DELETE', auth: true });
    } finally {
      setToken(null);
    }
  },

  logbook: (q: { subject?: string; limit?: number; before?: number }) =>
    request<{ entries: LogbookEntry[] }>('/logbook', { query: q }),

  writeLogbook: (entry: NewLogbookEntry) =>
    request<{ entry: LogbookEntry }>('/logbook', { method: 'POST', body: entry }),

  ledger: (q: LedgerFilter & { after?: number; before?: number; limit?: number }) =>
    request<LedgerPage>('/ledger', { query: { ...q } }),

  verifyLedger: () => request<VerifyResult>('/ledger/verify'),

  users: () => request<{ users: User[] }>('/users'),

  createUser: (u: NewUser) => request<{ user: User }>('/users', { method: 'POST', body: u }),

  disableUser: (id: number, reason: string) =>
    request<{ user: User }>(`/users/${encodeURIComponent(String(id))}/disable`, {
      method: 'POST',
      body: { reason },
    }),

  // ---------- master data ----------

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

  // ---------- signatures, site settings, security ----------

  /** The current policy, or null when none has been published. */
  async signaturePolicy(): Promise<SignaturePolicy | null> {
    return unwrap<SignaturePolicy | null>(await request<unknown>('/signature-policy'), 'policy');
  },

  acknowledgePolicy: (version: number, password: string) =>
    request<unknown>('/signature-policy/acknowledge', { method: 'POST', body: { version, password } }),

  async siteSettings(): Promise<SiteSettings> {
    return unwrap<SiteSettings>(await request<unknown>('/site/settings'), 'settings');
  },

  async securityEvents(q: { before?: number; limit?: number }): Promise<SecurityEventsPage> {
    const res = await request<{ events?: SecurityEvent[]; entries?: SecurityEvent[]; next?: number }>(
      '/security/events',
      { query: q },
    );
    const events = res.events ?? res.entries ?? [];
    // Without a `next` from the server, a full page means there may be older events.
    const last = events[events.length - 1];
    const next = typeof res.next === 'number' ? res.next : q.limit && last && events.length >= q.limit ? last.seq : 0;
    return { events, next };
  },
};
