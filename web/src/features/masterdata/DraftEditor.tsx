// Add or edit a draft in a change request: choose the kind and the object id (an
// existing object starts from its latest content, a new one from nothing), edit the
// content with a form generated from the kinds table, validated as you type
// (debounced POST /masterdata/validate), and save it (PUT .../items/{kind}/{id}).
// "Obsolete this object" saves a draft that retires the object instead. The
// configuration kinds (site settings, signature policy) have one object with a fixed id,
// start from the values in force and cannot be made obsolete.
// The form's lists and operations are sections that open and close (sections.ts);
// "Go to field", a problem in the list and `initial.field` (from "Propose a change")
// open the sections around a field, scroll to it and focus it. "Content is valid" shows
// only while no problem and no refusal of the last save is shown.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../../shared/http';
import type { FieldError } from '../../shared/types';
import { ErrorBox } from '../../shared/ErrorBox';
import { signaturesApi } from '../signatures/api';
import { masterdataApi } from './api';
import type { ChangeRequest, Content, KindDef, ObjectRow } from './types';
import { newContent } from './kinds';
import { fieldEntries } from './fieldPaths';
import { SectionContext, useSections } from './sections';
import { ContentForm } from './ContentForm';
import { FieldFinder } from './FieldFinder';

const VALIDATE_DELAY_MS = 400;

/** The first content of a configuration object: the values in force (defaults or the
 *  policy ordo init published), so a change starts from what the site obeys now. */
async function configurationContent(kind: string, id: string): Promise<Content> {
  if (kind === 'site_settings') {
    const settings = await signaturesApi.siteSettings();
    return { id, name: 'Site settings', ...settings };
  }
  if (kind === 'signature_policy') {
    const policy = await signaturesApi.signaturePolicy();
    return { id, name: 'Signature policy', text: policy?.text ?? '' };
  }
  return newContent(id);
}

interface Props {
  cr: ChangeRequest;
  kinds: KindDef[];
  /** Open straight on this object (editing an item already in the change request),
   *  scrolled to and focused on `field` (a path as the server names it) when given. */
  initial?: { kind: string; id: string; field?: string };
  onSaved: (cr: ChangeRequest) => void;
  onClose: () => void;
}

interface Loaded {
  kind: KindDef;
  id: string;
  existing: boolean;
  from: number | null; // version the content was taken from
}

export function DraftEditor({ cr, kinds, initial, onSaved, onClose }: Props) {
  const [kindName, setKindName] = useState(initial?.kind ?? kinds[0]?.kind ?? '');
  const [objectId, setObjectId] = useState(initial?.id ?? '');
  const fixedId = kinds.find((k) => k.kind === kindName)?.fixed_id ?? null;
  // A configuration kind has one object: its id is not a choice.
  useEffect(() => {
    if (fixedId) setObjectId(fixedId);
  }, [fixedId]);
  const [known, setKnown] = useState<ObjectRow[]>([]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [content, setContent] = useState<Content>({});
  const [obsolete, setObsolete] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [validation, setValidation] = useState<'idle' | 'pending' | 'ok' | 'errors' | 'failed'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const validateGen = useRef(0);
  const sections = useSections(initial?.field);
  const formRef = useRef<HTMLFormElement>(null);
  // The field to scroll to and focus once its sections are open and rendered.
  const [focusPath, setFocusPath] = useState<string | null>(initial?.field ?? null);
  const entries = useMemo(() => (loaded ? fieldEntries(loaded.kind.fields, content) : []), [loaded, content]);
  const labelOf = (path: string) => entries.find((e) => e.path === path)?.label ?? path;

  const jump = (path: string) => {
    sections.reveal(path);
    setFocusPath(path);
  };

  useEffect(() => {
    if (!focusPath || !loaded || !formRef.current) return;
    const target = findField(formRef.current, focusPath);
    setFocusPath(null);
    if (!target) return; // not in this content (e.g. removed since): the form stays as it is
    target.scrollIntoView({ block: 'center' });
    const input = target.matches('input, select, textarea') ? target : target.querySelector<HTMLElement>('input, select, textarea, button');
    input?.focus({ preventScroll: true });
  });

  const change = (next: Content) => {
    setContent(next);
    // A refusal of the last save was about the content then; it is checked again now.
    setError(null);
  };

  // Existing ids of the chosen kind, offered as suggestions.
  useEffect(() => {
    if (!kindName) return;
    let live = true;
    masterdataApi
      .objects(kindName)
      .then((res) => live && setKnown(res.objects))
      .catch(() => live && setKnown([]));
    return () => {
      live = false;
    };
  }, [kindName]);

  const load = async (kName: string, id: string) => {
    const kind = kinds.find((k) => k.kind === kName);
    if (!kind || !id) return;
    setBusy(true);
    setError(null);
    setErrors([]);
    setObsolete(false);
    try {
      const res = await masterdataApi.object(kName, id);
      const latest = res.versions[0];
      setContent(latest ? latest.content : newContent(id));
      setLoaded({ kind, id, existing: true, from: latest?.version ?? null });
      setObsolete(latest?.action === 'obsolete' && latest.change_request === cr.id);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        setContent(kind.fixed_id ? await configurationContent(kName, id) : newContent(id));
        setLoaded({ kind, id, existing: false, from: null });
      } else {
        setError(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (initial) void load(initial.kind, initial.id);
  }, []);

  // Validation as you type, debounced; only the newest answer counts.
  useEffect(() => {
    if (!loaded || obsolete) {
      setValidation('idle');
      return;
    }
    const gen = ++validateGen.current;
    setValidation('pending');
    const timer = setTimeout(() => {
      masterdataApi
        .validate(loaded.kind.kind, content)
        .then((res) => {
          if (gen !== validateGen.current) return;
          setErrors(res.errors);
          setValidation(res.errors.length ? 'errors' : 'ok');
        })
        .catch(() => gen === validateGen.current && setValidation('failed'));
    }, VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [loaded, content, obsolete]);

  const choose = (e: Event) => {
    e.preventDefault();
    void load(kindName, objectId.trim());
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!loaded) return;
    setBusy(true);
    setError(null);
    try {
      const res = await masterdataApi.saveDraft(cr.id, loaded.kind.kind, loaded.id, content, obsolete ? 'obsolete' : undefined);
      onSaved(res.change_request);
    } catch (err) {
      const fieldErrors = refusedFields(err);
      if (fieldErrors.length > 0) {
        // Shown once, at the fields and in the list of problems.
        setErrors(fieldErrors);
        setValidation('errors');
        setError(null);
      } else {
        setError(errorMessage(err));
      }
      setBusy(false);
    }
  };

  if (!loaded) {
    return (
      <form class="panel form-grid" onSubmit={choose} data-testid="draft-choose">
        <h2 class="panel-title">Add or edit a draft</h2>
        <ErrorBox message={error} testId="draft-error" />
        <div class="form-row">
          <label class="field">
            <span>Kind</span>
            <select value={kindName} onChange={(e) => setKindName(e.currentTarget.value)} data-testid="draft-kind">
              {kinds.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>Object id (existing or new)</span>
            <input
              list="ordo-draft-ids"
              value={objectId}
              onInput={(e) => setObjectId(e.currentTarget.value)}
              readOnly={!!fixedId}
              required
              maxLength={64}
              pattern="[A-Za-z0-9][A-Za-z0-9._\-]{0,63}"
              title="1–64 letters, digits or . _ - (starting with a letter or digit)"
              data-testid="draft-id"
            />
            <datalist id="ordo-draft-ids">
              {known.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </datalist>
          </label>
        </div>
        <div class="form-actions">
          <button type="button" class="btn btn-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="btn btn-primary" disabled={busy} data-testid="draft-open">
            {busy ? 'Loading…' : 'Edit'}
          </button>
        </div>
      </form>
    );
  }

  const kind = loaded.kind;
  const hasLists = kind.fields.some((f) => f.type === 'object_list');
  return (
    <form ref={formRef} class="panel form-grid" onSubmit={save} data-testid="draft-editor" data-kind={kind.kind} data-id={loaded.id}>
      <h2 class="panel-title">
        {kind.label} <span class="mono">{loaded.id}</span>{' '}
        <span class="muted">
          {loaded.existing ? `(starting from version ${loaded.from ?? '—'})` : '(new object)'}
        </span>
      </h2>
      {loaded.existing && loaded.kind.can_obsolete !== false && (
        <label class="check">
          <input type="checkbox" checked={obsolete} onChange={(e) => setObsolete(e.currentTarget.checked)} data-testid="draft-obsolete" />
          Obsolete this object (approving the change request retires it)
        </label>
      )}
      {!obsolete && hasLists && (
        <div class="draft-tools">
          <FieldFinder entries={entries} label="Go to field" onPick={(e) => jump(e.path)} testId="draft-find" />
          <div class="toolbar">
            <button type="button" class="btn btn-small" onClick={sections.expandAll} data-testid="draft-expand-all">
              Expand all
            </button>
            <button type="button" class="btn btn-small" onClick={sections.collapseAll} data-testid="draft-collapse-all">
              Collapse all
            </button>
          </div>
        </div>
      )}
      {!obsolete && (
        <SectionContext.Provider value={sections}>
          <ContentForm fields={kind.fields} value={content} path="" errors={errors} hidden={['id']} onChange={change} />
        </SectionContext.Provider>
      )}
      <div class="validation" data-testid="draft-validation" data-state={validation}>
        {validation === 'pending' && <span class="muted">Checking…</span>}
        {validation === 'ok' && !error && <span class="status status-on">✔ Content is valid.</span>}
        {validation === 'failed' && <span class="muted">Could not check the content now; saving will check it.</span>}
        {validation === 'errors' && (
          <div class="msg msg-error" role="alert">
            {errors.length} problem{errors.length === 1 ? '' : 's'} to fix:
            <ul class="error-list" data-testid="draft-errors">
              {errors.map((e, i) => (
                <li key={i}>
                  {e.field ? (
                    <button type="button" class="link-button" title={e.field} onClick={() => jump(e.field)} data-testid="draft-error-field">
                      {labelOf(e.field)}
                    </button>
                  ) : (
                    '(content)'
                  )}
                  : {e.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <ErrorBox message={error} testId="draft-error" />
      <div class="form-actions">
        <span class="hint">Saving changes the draft in {cr.id}; nothing takes effect before approval.</span>
        <button type="button" class="btn btn-ghost" onClick={onClose} data-testid="draft-cancel">
          Cancel
        </button>
        <button type="submit" class="btn btn-primary" disabled={busy || validation === 'errors' || validation === 'pending'} data-testid="draft-save">
          {busy ? 'Saving…' : obsolete ? 'Save obsolete draft' : 'Save draft'}
        </button>
      </div>
    </form>
  );
}

/** The input (or list, or list item) of a field path inside the form. */
function findField(form: HTMLElement, path: string): HTMLElement | null {
  for (const prefix of ['field-', 'item-', 'list-']) {
    const id = prefix + path;
    for (const el of form.querySelectorAll<HTMLElement>('[data-testid]')) {
      if (el.getAttribute('data-testid') === id) return el;
    }
  }
  return null;
}

/** The fields a refused save names: its list of problems, or the one content field
 *  ("content.class") of a single problem. */
function refusedFields(err: unknown): FieldError[] {
  if (!(err instanceof ApiError)) return [];
  if (err.problem.errors?.length) return err.problem.errors;
  const field = err.field;
  if (err.status === 400 && field?.startsWith('content.')) return [{ field: field.slice('content.'.length), message: err.message }];
  return [];
}
