// "Propose a change" on an object page: optionally the field to change (found by
// words of its label), then the change request to draft it in: one of mine that is
// still open (or rejected, to be reworked) or a new one. It opens that change
// request with the draft editor on this object, scrolled to the field.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import type { SessionUser } from '../../shared/types';
import { hashLink } from '../../shared/session';
import { statusLabel } from '../../shared/labels';
import { ErrorBox } from '../../shared/ErrorBox';
import { masterdataApi } from './api';
import type { ChangeRequest, KindDef, Version } from './types';
import { fieldEntries, type FieldEntry } from './fieldPaths';
import { FieldFinder } from './FieldFinder';
import { ChangeRequestForm } from './ChangeRequestForm';

interface Props {
  kind: KindDef;
  id: string;
  user: SessionUser;
  /** Newest first; the draft starts from the newest. */
  versions: Version[];
  onClose: () => void;
}

/** The change request page with the draft editor open on this object (and field). */
export function proposeLink(cr: string, kind: string, id: string, field?: string): string {
  const q = new URLSearchParams({ kind, object: id });
  if (field) q.set('field', field);
  return `${hashLink('change-requests', cr)}?${q.toString()}`;
}

/** Change requests this user opened that still take drafts: open, or rejected for rework. */
async function myEditableChangeRequests(user: SessionUser): Promise<ChangeRequest[]> {
  const [open, rejected] = await Promise.all([masterdataApi.changeRequests('open'), masterdataApi.changeRequests('rejected')]);
  return [...open.change_requests, ...rejected.change_requests].filter((cr) => cr.author === user.name);
}

/** Version states of a change request not yet decided. */
const OPEN_STATES = ['draft', 'in_review'];

export function ProposeChange({ kind, id, user, versions, onClose }: Props) {
  const [field, setField] = useState<FieldEntry | null>(null);
  const [mine, setMine] = useState<ChangeRequest[] | null>(null);
  const [target, setTarget] = useState<string>('new');
  const [error, setError] = useState<string | null>(null);
  const latest = versions[0];
  // A version of this object still in a change request: drafting it elsewhere is refused.
  const pending = latest && OPEN_STATES.includes(latest.state) ? latest.change_request : null;
  const entries = latest ? fieldEntries(kind.fields, latest.content) : [];

  useEffect(() => {
    let live = true;
    myEditableChangeRequests(user)
      .then((rows) => {
        if (!live) return;
        setMine(rows);
        if (pending && rows.some((cr) => cr.id === pending)) setTarget(pending);
      })
      .catch((err) => live && (setMine([]), setError(errorMessage(err))));
    return () => {
      live = false;
    };
  }, [user.name]);

  const go = (cr: string) => {
    window.location.hash = proposeLink(cr, kind.kind, id, field?.path);
  };

  return (
    <div class="panel form-grid propose" data-testid="propose-panel">
      <h2 class="panel-title">
        Propose a change to {kind.label} <span class="mono">{id}</span>
      </h2>
      {entries.length > 0 && (
        <>
          <FieldFinder entries={entries} chosen={field?.path} label="1. What to change (optional: the draft opens at this field)" onPick={setField} testId="propose-find" />
          <div data-testid="propose-field" data-path={field?.path ?? ''}>
            {field ? (
              <>
                Starting at <strong>{field.label}</strong>
                {!field.section && <span class="finder-value"> (now {field.value})</span>}{' '}
                <button type="button" class="link-button" onClick={() => setField(null)}>
                  whole object
                </button>
              </>
            ) : (
              <span class="muted">Starting at the top of the object.</span>
            )}
          </div>
        </>
      )}
      {pending && (
        <div class="msg msg-info" data-testid="propose-pending">
          Version {latest?.version} of this object is already in <a href={hashLink('change-requests', pending)}>{pending}</a> (
          {statusLabel(latest?.state ?? '')}). A change request holds one draft per object, and another change request
          can draft it only once that one is approved, rejected or withdrawn.
        </div>
      )}
      <fieldset class="propose-targets" data-testid="propose-targets">
        <legend>2. In which change request</legend>
        {mine === null && <div class="muted">Loading your change requests…</div>}
        {mine?.map((cr) => (
          <label key={cr.id} class="check">
            <input type="radio" name="propose-target" checked={target === cr.id} onChange={() => setTarget(cr.id)} data-testid="propose-target" data-id={cr.id} />
            <span class="mono">{cr.id}</span> {cr.title} <span class="muted">({statusLabel(cr.state)}, {cr.item_count ?? 0} items)</span>
          </label>
        ))}
        {mine !== null && mine.length === 0 && <div class="muted">You have no open change request.</div>}
        <label class="check">
          <input type="radio" name="propose-target" checked={target === 'new'} onChange={() => setTarget('new')} data-testid="propose-target-new" />
          A new change request
        </label>
      </fieldset>
      <ErrorBox message={error} testId="propose-error" />
      {target !== 'new' && (
        <div class="form-actions">
          <button type="button" class="btn btn-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="button" class="btn btn-primary" onClick={() => go(target)} data-testid="propose-open">
            Open the draft in {target}
          </button>
        </div>
      )}
      {target === 'new' && <ChangeRequestForm onCancel={onClose} onCreated={(cr) => go(cr.id)} />}
    </div>
  );
}
