// The MIS API calls of the web UI (docs/mis.md, "The API"): sign-in, the scopes, and the
// KPI figures and their explanations. Every figure shown comes from GET /api/v1/kpi or
// its explain: the browser never computes a KPI. Ledger sources open to the rows the MIS
// took from those MES ledger entries (GET /api/v1/feed/entries).
import { request, setToken } from '../shared/http';

export interface MisUser {
  id: number;
  name: string;
  roles: string[];
  permissions: string[];
}

export interface Scope {
  id: string;
  name: string;
  parent: string;
  level: string; // enterprise, site, area, work_center, work_unit
  in_hierarchy: boolean;
}

export interface SourceRef {
  kind: 'import' | 'ledger';
  file_hash?: string;
  first: number;
  last: number;
}

export interface Policy {
  name: string;
  version: number;
  knobs: Record<string, string>;
  overridden: string[];
}

export interface Figure {
  kpi: string;
  value: number | null;
  null_reason?: string;
  null_detail?: string;
  unit: string;
  scope: string;
  window: { from: string; to: string };
  policy: Policy;
  elements: Record<string, number>;
  formula: string;
  sources: SourceRef[];
  explain: string;
}

/** A data-quality finding of the engine (bad or suspicious source data, what it did). */
export interface Finding {
  kind: string;
  work_unit: string;
  start: string;
  end: string;
  detail: string;
  sources: SourceRef[];
}

export interface KpiAnswer {
  profile: string;
  scope: string;
  window: { from: string; to: string };
  policy: Policy;
  figures: Figure[];
  findings: Finding[];
}

export interface Segment {
  start: string;
  end: string;
  element: string;
  state: string;
  reason: string;
  micro_stop: boolean;
  source: SourceRef | null;
}

export interface CountRow {
  start: string;
  end: string;
  product: string;
  order: string;
  total: number;
  good: number;
  scrap: number;
  rework: number;
  source: SourceRef;
}

export interface Explained extends Figure {
  element_sources: Record<string, SourceRef[]>;
  drilldown?: { work_unit: string; segments: Segment[]; counts: CountRow[] }[];
}

export interface Losses {
  elements: Record<string, number>;
  waterfall: { step: string; seconds: number }[];
  downtime: DowntimeReason[];
}

export interface DowntimeReason {
  state: string;
  reason: string;
  seconds: number;
  intervals: number;
}

export interface ImportRows {
  kind: string;
  file_hash: string;
  columns: string[];
  rows: { row: number; values: Record<string, string | number | null> }[];
}

/** A row the MIS took from an MES ledger entry (GET /api/v1/feed/entries). */
export interface LedgerEntry {
  seq: number;
  type: string; // equipment.state_changed | counted | downtime_reason_assigned | source_registered, masterdata.draft_saved, change_request.approved
  work_unit?: string;
  time?: string;
  state?: string;
  reason?: string;
  source?: string;
  source_seq?: number;
  counter?: string;
  total?: number;
  good?: number;
  scrap?: number;
  rework?: number;
  product?: string;
  order?: string;
  interval_start?: string;
  rollover_modulus?: number;
  equipment?: string; // masterdata.draft_saved, change_request.approved
  version?: number;
  action?: string;
  content?: { name?: string; level?: string; parent?: string } | string;
  effective_from?: string;
}

export interface LedgerEntries {
  first: number;
  last: number;
  cursor: number;
  entries: LedgerEntry[];
}

/** GET /api/v1/feed: the MES ledger feed as the MIS holds it. */
export interface FeedStatus {
  state: string; // not_configured, connecting, following, unreachable, refused, stopped
  detail: string;
  since: string | null;
  cursor: { seq: number; hash: string };
  caught_up_at: string | null;
  updated_at: string | null;
  alarms: { id: number; raised_at: string; kind: string; seq: number; detail: string; resolved_at?: string | null }[];
  /** `checked`: ordo-mis serve pinned the site's key (--mes-public-key). */
  checkpoints: 'checked' | 'not_checked';
  /** The newest MES checkpoint verified (0: none yet). */
  checkpoint_verified_seq: number;
}

/** GET /api/v1/kpi/trend: one KPI per day or shift, each point from the engine. */
export interface Trend {
  kpi: string;
  profile: string;
  scope: string;
  window: { from: string; to: string };
  step: 'day' | 'shift';
  unit: string;
  formula: string;
  value: number | null;
  target: { value: number; set_by: string; set_at: string } | null;
  points: { from: string; to: string; label: string; value: number | null; null_reason?: string; explain: string }[];
}

export interface Target {
  scope: string;
  kpi: string;
  target: number;
  set_by: string;
  set_at: string;
}

/** Most rows one GET /imports/{hash}/rows returns (and seqs one GET /feed/entries). */
export const MAX_ROWS = 1000;

export interface Query {
  scope: string;
  from: string;
  to: string;
  profile: string;
}

/** The OEE set of each profile, in the order shown (docs/kpi.md). */
export const OEE_KPIS: Record<string, string[]> = {
  iso22400: ['oee_index', 'availability', 'effectiveness', 'quality_ratio'],
  practitioner: ['oee', 'availability', 'performance', 'quality'],
};

/** One cross-check of the data quality report (GET /api/v1/data-quality). */
export interface QualityIssue {
  kind: string;
  subject: string;
  start: string | null;
  end: string | null;
  detail: string;
  sources: SourceRef[];
}

export interface QualityReport {
  issues: QualityIssue[];
  counts: Record<string, number>;
}

export const misApi = {
  async signIn(user: string, password: string): Promise<MisUser> {
    const res = await request<{ token: string; user: MisUser }>('/session', {
      method: 'POST',
      body: { user, password },
      auth: false,
    });
    setToken(res.token);
    return res.user;
  },
  session: () => request<{ user: MisUser }>('/session'),
  health: () => request<{ status: string; time_zone?: string }>('/health', { auth: false }),
  signOut: () => request<void>('/session', { method: 'DELETE' }),
  scopes: () => request<{ scopes: Scope[] }>('/scopes'),
  kpi: (q: Query, kpis: string[]) =>
    request<KpiAnswer>('/kpi', { query: { ...q, kpi: kpis.join(',') } }),
  /** The figure's explanation with the drill-down (its `explain` link, as given). */
  explain: (figure: Figure) =>
    request<Explained>(figure.explain.replace(/^\/api\/v1/, '') + '&drilldown=true'),
  /** The current rows of an imported file in [first, last] (at most MAX_ROWS). */
  importRows: (s: SourceRef) =>
    request<ImportRows>(`/imports/${encodeURIComponent(s.file_hash ?? '')}/rows`, {
      query: { first: s.first, last: Math.min(s.last, s.first + MAX_ROWS - 1) },
    }),
  /** The rows of the ledger entries in [first, last] (at most MAX_ROWS seqs). */
  ledgerEntries: (s: SourceRef) =>
    request<LedgerEntries>('/feed/entries', {
      query: { first: s.first, last: Math.min(s.last, s.first + MAX_ROWS - 1) },
    }),
  feed: () => request<FeedStatus>('/feed'),
  trend: (q: Query, kpi: string, step: string) => request<Trend>('/kpi/trend', { query: { ...q, kpi, step } }),
  /** Sets the target of (scope, kpi), in the KPI's unit (needs mis.imports). */
  putTarget: (scope: string, kpi: string, target: number) =>
    request<{ target: Target }>('/targets', { method: 'PUT', body: { scope, kpi, target } }),
  deleteTarget: (scope: string, kpi: string) =>
    request<void>('/targets', { method: 'DELETE', query: { scope, kpi } }),
  losses: (q: Query) => request<Losses>('/kpi/losses', { query: { ...q } }),
  dataQuality: (q: Query) => request<QualityReport>('/data-quality', { query: { ...q } }),
};
