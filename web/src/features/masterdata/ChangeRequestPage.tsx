// One change request: header (state, revision, author, approvals x/y), description,
// reason and impact, the commands for this user, its items each with the diff
// against the effective version, the draft editor, signatures and history.
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
import { ChangeRequestActions } from './ChangeRequestActions';
import { ChangeRequestItemView } from './ChangeRequestItemView';
import { ChangeRequestHistory } from './ChangeRequestHistory';
import { DraftEditor } from './DraftEditor';
import { ChangeRequestSigningDialog, ACTION_LABEL } from './ChangeRequestSigningDialog';

interface Props {
  user: SessionUser;
  id: string;
}

type Editing = null | { initial?: { kind: string; id: string } };

export function ChangeRequestPage({ user, id }: Props) {
  const [cr, setCr] = useState<ChangeRequest | null>(null);
  const [kinds, setKinds] = useState<KindDef[]>([]);
  const [passwordOnly, setPasswordOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [signing, setSigning] = useState<SigningAction | null>(null);
  const [editing, setEditing] = useState<Editing>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    setCr(null);
    setEditing(null);
    Promise.all([masterdataApi.changeRequest(id), loadKinds()])
      .then(([res, k]) => {
        if (!live) return;
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
          <StatusBadge status={cr.state} testId="cr-state" />
          <span>revision {cr.revision}</span>
          <span>
            by <span class="mono">{cr.author}</span>
            {cr.created_us != null && `, ${formatMicros(cr.created_us)}`}
          </span>
          <span data-testid="cr-approvals">
            approvals {cr.approvals}/{cr.approvals_required}
          </span>
          <span>
            effective from: {cr.effective_from_us != null ? formatMicros(cr.effective_from_us) : 'at approval'}
          </span>
        </div>
      </div>

      <div class="panel">
        <dl class="detail-grid">
          <dt>Description</dt>
          <dd class="pre-wrap">{cr.description}</dd>
          <dt>Reason</dt>
          <dd>{cr.reason}</dd>
          <dt>Impact</dt>
          <dd>{cr.impact || <span class="muted">—</span>}</dd>
        </dl>
        <ErrorBox message={notice} kind="success" testId="cr-notice" />
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

      <div class="panel">
        <div class="toolbar">
          <h2 class="panel-title">Items ({items.length})</h2>
          {editable && !editing && (
            <button type="button" class="btn entry-action" onClick={() => setEditing({})} data-testid="cr-add-draft">
              Add or edit draft
            </button>
          )}
        </div>
        {items.length === 0 && <div class="muted">No drafts yet.</div>}
        <ul class="cr-items">
          {items.map((it) => (
            <ChangeRequestItemView
              key={`${it.kind}/${it.id}`}
              cr={cr}
              item={it}
              kinds={kinds}
              editable={editable && !editing}
              onEdit={() => setEditing({ initial: { kind: it.kind, id: it.id } })}
              onChanged={setCr}
            />
          ))}
        </ul>
      </div>

      {editing && editable && (
        <DraftEditor
          cr={cr}
          kinds={kinds.filter((k) => !k.draft_permission || hasPermission(user, k.draft_permission))}
          initial={editing.initial}
          onClose={() => setEditing(null)}
          onSaved={(next) => {
            setCr(next);
            setEditing(null);
            setNotice('Draft saved.');
          }}
        />
      )}

      <div class="panel">
        <h2 class="panel-title">Signatures</h2>
        <SignatureList signatures={cr.signatures ?? []} />
      </div>

      <div class="panel">
        <h2 class="panel-title">History</h2>
        <ChangeRequestHistory history={cr.history ?? []} />
      </div>

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
