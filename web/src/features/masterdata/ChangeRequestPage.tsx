// One change request, built to be reviewed however large it is: a bar that stays at
// the top with its state, approvals, the commands for this user and a way to its
// signatures; description, reason and impact; its signatures; a summary of what it
// does per kind (objects added, changed, removed); its items one line each, expanded
// one by one or all at once, in a "changed fields only" or a "full content" view;
// the draft editor; and its history (folded when long).
// "#/change-requests/CR-000002?kind=routing&object=RT-1&field=operations[id=20].name"
// (from "Propose a change") opens the draft editor on that object, at that field.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import type { SessionUser } from '../../shared/types';
import { hasPermission, hashLink } from '../../shared/session';
import { formatMicros } from '../../shared/time';
import { ErrorBox } from '../../shared/ErrorBox';
import { StatusBadge } from '../../shared/StatusBadge';
import { signaturesApi } from '../signatures/api';
import { SignatureList } from '../signatures';
import { masterdataApi } from './api';
import type { ChangeRequest, KindDef, SigningAction } from './types';
import { loadKinds } from './kinds';
import { EXPANDED_UP_TO, itemKey } from './review';
import { ChangeRequestActions } from './ChangeRequestActions';
import { ChangeRequestItemView, type ReviewView } from './ChangeRequestItemView';
import { ChangeRequestSummary } from './ChangeRequestSummary';
import { ChangeRequestHistory } from './ChangeRequestHistory';
import { DraftEditor } from './DraftEditor';
import { ChangeRequestSigningDialog, ACTION_LABEL } from './ChangeRequestSigningDialog';

/** History longer than this is folded. */
const HISTORY_SHOWN_UP_TO = 10;

interface Props {
  user: SessionUser;
  id: string;
}

type Editing = null | { initial?: { kind: string; id: string; field?: string } };

/** The draft to open from the hash query ("?kind=routing&object=RT-1&field=..."). */
function draftFromHash(): Editing {
  const query = window.location.hash.split('?')[1];
  if (!query) return null;
  const q = new URLSearchParams(query);
  const kind = q.get('kind');
  const object = q.get('object');
  if (!kind || !object) return null;
  return { initial: { kind, id: object, field: q.get('field') ?? undefined } };
}

/** Drops the query from the hash, so a reload does not open the editor again. */
function forgetDraftQuery(id: string) {
  if (window.location.hash.includes('?')) window.history.replaceState(null, '', hashLink('change-requests', id));
}

export function ChangeRequestPage({ user, id }: Props) {
  const [cr, setCr] = useState<ChangeRequest | null>(null);
  const [kinds, setKinds] = useState<KindDef[]>([]);
  const [passwordOnly, setPasswordOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [signing, setSigning] = useState<SigningAction | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [view, setView] = useState<ReviewView>('changes');
  const [kindFilter, setKindFilter] = useState('');

  useEffect(() => {
    let live = true;
    setError(null);
    setCr(null);
    setEditing(draftFromHash());
    setKindFilter('');
    Promise.all([masterdataApi.changeRequest(id), loadKinds()])
      .then(([res, k]) => {
        if (!live) return;
        const items = res.change_request.items ?? [];
        setExpanded(new Set(items.length <= EXPANDED_UP_TO ? items.map(itemKey) : []));
        setCr(res.change_request);
        setKinds(k);
      })
      .catch((err) => live && setError(errorMessage(err)));
    signaturesApi
      .siteSettings()
      .then((s) => live && setPasswordOnly(!!s.signing_password_only))
      .catch(() => live && setPasswordOnly(false));
    return () => {
      live = false;
    };
  }, [id]);

  if (error && !cr) {
    return (
      <section class="page" data-testid="page-change-request">
        <ErrorBox message={error} testId="cr-error" />
      </section>
    );
  }
  if (!cr) return <div class="muted">Loading…</div>;

  const editable = (cr.state === 'open' || cr.state === 'rejected') && hasPermission(user, 'masterdata.edit');
  const items = cr.items ?? [];
  const listed = kindFilter ? items.filter((it) => it.kind === kindFilter) : items;
  const signatures = cr.signatures ?? [];
  const history = cr.history ?? [];
  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const closeEditor = () => {
    setEditing(null);
    forgetDraftQuery(cr.id);
  };
  const scrollTo = (elementId: string) => document.getElementById(elementId)?.scrollIntoView({ block: 'start' });

  return (
    <section class="page" data-testid="page-change-request" data-id={cr.id} data-state={cr.state}>
      <div class="page-head">
        <div class="crumbs">
          <a href={hashLink('change-requests')}>Change requests</a> ›
        </div>
        <h1>
          <span class="mono">{cr.id}</span> {cr.title}
        </h1>
        <div class="head-meta" data-testid="cr-header">
          <span>revision {cr.revision}</span>
          <span>
            by <span class="mono">{cr.author}</span>
            {cr.created_us != null && `, ${formatMicros(cr.created_us)}`}
          </span>
          <span>
            effective from: {cr.effective_from_us != null ? formatMicros(cr.effective_from_us) : 'at approval'}
          </span>
        </div>
      </div>

      <div class="cr-bar" data-testid="cr-bar">
        <div class="cr-bar-state">
          <StatusBadge status={cr.state} testId="cr-state" />
          <span data-testid="cr-approvals">
            approvals {cr.approvals}/{cr.approvals_required}
          </span>
          <button type="button" class="link-button" onClick={() => scrollTo('cr-signatures')} data-testid="cr-goto-signatures">
            Signatures ({signatures.length})
          </button>
          <button type="button" class="link-button" onClick={() => scrollTo('cr-items')} data-testid="cr-goto-items">
            Items ({items.length})
          </button>
        </div>
        <ChangeRequestActions
          cr={cr}
          user={user}
          onSign={(a) => {
            setNotice(null);
            setSigning(a);
          }}
          onChanged={setCr}
        />
      </div>
      <ErrorBox message={notice} kind="success" testId="cr-notice" />

      <div class="cr-overview">
        <div class="panel">
          <dl class="detail-grid">
            <dt>Description</dt>
            <dd class="pre-wrap">{cr.description}</dd>
            <dt>Reason</dt>
            <dd>{cr.reason}</dd>
            <dt>Impact</dt>
            <dd>{cr.impact || <span class="muted">—</span>}</dd>
          </dl>
        </div>
        <div class="panel" id="cr-signatures">
          <h2 class="panel-title">Signatures</h2>
          <SignatureList signatures={signatures} />
        </div>
      </div>

      <div class="panel" id="cr-items" data-testid="cr-items-panel">
        <div class="toolbar">
          <h2 class="panel-title">Items ({items.length})</h2>
          {editable && !editing && (
            <button type="button" class="btn entry-action" onClick={() => setEditing({})} data-testid="cr-add-draft">
              Add or edit draft
            </button>
          )}
        </div>
        <ChangeRequestSummary items={items} kinds={kinds} filter={kindFilter} onFilter={setKindFilter} />
        {editing && editable && (
          <DraftEditor
            cr={cr}
            kinds={kinds.filter((k) => !k.draft_permission || hasPermission(user, k.draft_permission))}
            initial={editing.initial}
            onClose={closeEditor}
            onSaved={(next) => {
              // The saved draft is expanded, to be seen at once.
              const before = new Map(items.map((it) => [itemKey(it), it.content_hash]));
              const saved = (next.items ?? []).filter((it) => before.get(itemKey(it)) !== it.content_hash).map(itemKey);
              setExpanded((prev) => new Set([...prev, ...saved]));
              setCr(next);
              closeEditor();
              setNotice('Draft saved.');
            }}
          />
        )}
        {items.length === 0 && <div class="muted">No drafts yet.</div>}
        {items.length > 0 && (
          <div class="toolbar cr-items-tools">
            <fieldset class="segmented" data-testid="cr-view">
              <legend class="visually-hidden">Show</legend>
              <label>
                <input type="radio" name="cr-view" checked={view === 'changes'} onChange={() => setView('changes')} data-testid="cr-view-changes" />
                Changed fields only
              </label>
              <label>
                <input type="radio" name="cr-view" checked={view === 'full'} onChange={() => setView('full')} data-testid="cr-view-full" />
                Full content
              </label>
            </fieldset>
            <button type="button" class="btn btn-small" onClick={() => setExpanded(new Set(items.map(itemKey)))} data-testid="cr-expand-all">
              Expand all
            </button>
            <button type="button" class="btn btn-small" onClick={() => setExpanded(new Set())} data-testid="cr-collapse-all">
              Collapse all
            </button>
            <span class="toolbar-info" data-testid="cr-items-info">
              {kindFilter ? `${listed.length} of ${items.length} shown` : `${items.length} item${items.length === 1 ? '' : 's'}`},{' '}
              {listed.filter((it) => expanded.has(itemKey(it))).length} expanded
            </span>
          </div>
        )}
        <ul class="cr-items">
          {listed.map((it) => (
            <ChangeRequestItemView
              key={itemKey(it)}
              cr={cr}
              item={it}
              kinds={kinds}
              editable={editable && !editing}
              expanded={expanded.has(itemKey(it))}
              view={view}
              onToggle={() => toggle(itemKey(it))}
              onEdit={() => setEditing({ initial: { kind: it.kind, id: it.id } })}
              onChanged={setCr}
            />
          ))}
        </ul>
      </div>

      <details class="panel" open={history.length <= HISTORY_SHOWN_UP_TO} data-testid="cr-history-panel">
        <summary class="panel-title">
          History ({history.length} {history.length === 1 ? 'entry' : 'entries'})
        </summary>
        <ChangeRequestHistory history={history} />
      </details>

      {signing && (
        <ChangeRequestSigningDialog
          cr={cr}
          action={signing}
          passwordOnly={passwordOnly}
          onCancel={() => setSigning(null)}
          onSigned={(next) => {
            setCr(next);
            setNotice(`${ACTION_LABEL[signing]}: signed.`);
            setSigning(null);
          }}
        />
      )}
    </section>
  );
}
