// One item (draft version) of a change request as one line: kind, object, version,
// what it does (adds, changes n fields of, or removes the object) and state. Expanded,
// a changed object shows its field-by-field diff against the effective version and a
// new object its content; the "full content" view adds the new version's content to
// a change. The content is fetched when first shown. Editable change requests offer
// "Edit" and "Withdraw draft".
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { hashLink } from '../../shared/session';
import { ErrorBox } from '../../shared/ErrorBox';
import { StatusBadge } from '../../shared/StatusBadge';
import { masterdataApi } from './api';
import type { ChangeRequest, ChangeRequestItem, Content, KindDef } from './types';
import { kindLabel } from './kinds';
import { itemEffect } from './review';
import { DiffTable, ItemDiff } from './DiffTable';
import { ContentView } from './ContentView';

export type ReviewView = 'changes' | 'full';

interface Props {
  cr: ChangeRequest;
  item: ChangeRequestItem;
  kinds: KindDef[];
  editable: boolean;
  expanded: boolean;
  view: ReviewView;
  onToggle: () => void;
  onEdit: () => void;
  onChanged: (cr: ChangeRequest) => void;
}

const EFFECT_TEXT = { added: 'new object', changed: 'changed', removed: 'removed (obsolete)' };

export function ChangeRequestItemView({ cr, item, kinds, editable, expanded, view, onToggle, onEdit, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The version's content, for the hash it was fetched for.
  const [content, setContent] = useState<{ hash: string; content: Content } | null>(null);
  const effect = itemEffect(item);
  const changes = item.changes ?? [];
  const needsContent = expanded && (effect === 'added' || (effect === 'changed' && view === 'full'));

  useEffect(() => {
    if (!needsContent || content?.hash === item.content_hash) return;
    let live = true;
    masterdataApi
      .version(item.kind, item.id, item.version)
      .then((res) => live && setContent({ hash: item.content_hash, content: res.version.content }))
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [needsContent, item.content_hash]);

  const withdraw = async () => {
    if (!window.confirm(`Withdraw the draft of ${item.kind} ${item.id} from ${cr.id}?`)) return;
    setBusy(true);
    setError(null);
    try {
      onChanged((await masterdataApi.withdrawDraft(cr.id, item.kind, item.id)).change_request);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const kind = kinds.find((k) => k.kind === item.kind);
  const shown = content?.hash === item.content_hash ? content.content : null;

  return (
    <li class={expanded ? 'cr-item expanded' : 'cr-item'} data-testid="cr-item" data-kind={item.kind} data-id={item.id} data-effect={effect} data-expanded={expanded}>
      <div class="cr-item-head">
        <button type="button" class="section-toggle" aria-expanded={expanded} onClick={onToggle} data-testid="cr-item-toggle">
          <span class="chevron" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>
          <span class="tag">{kindLabel(kinds, item.kind)}</span>
          <span class="mono">{item.id}</span>
        </button>
        <span class="cr-item-name">{item.name}</span>
        <span class="mono">v{item.version}</span>
        <span class={`effect effect-${effect}`} data-testid="cr-item-effect">
          {effect === 'changed' ? `${changes.length} field${changes.length === 1 ? '' : 's'} changed` : EFFECT_TEXT[effect]}
          {effect === 'changed' && item.base_version != null && <span class="muted"> from v{item.base_version}</span>}
        </span>
        <StatusBadge status={item.state} />
        <span class="entry-action">
          <a href={hashLink('masterdata', item.kind, item.id)} data-testid="cr-item-link">
            Open object
          </a>
          {editable && (
            <>
              {' '}
              <button type="button" class="btn btn-small" onClick={onEdit} data-testid="cr-item-edit">
                Edit
              </button>{' '}
              <button type="button" class="btn btn-small btn-danger" onClick={() => void withdraw()} disabled={busy} data-testid="cr-item-withdraw">
                Withdraw draft
              </button>
            </>
          )}
        </span>
      </div>
      <ErrorBox message={error} />
      {expanded && (
        <div class="cr-item-body" data-testid="cr-item-body">
          {effect === 'removed' && <div class="msg msg-info">Approving retires this object: it can no longer be used.</div>}
          {effect === 'changed' && <ItemDiff item={item} kinds={kinds} testId="cr-item-diff" />}
          {effect === 'added' && error && <DiffTable changes={changes} testId="cr-item-diff" />}
          {(effect === 'added' || (effect === 'changed' && view === 'full')) &&
            (shown && kind ? (
              <div class="cr-item-content" data-testid="cr-item-content">
                {effect === 'changed' && <div class="content-label">Content of v{item.version}</div>}
                <ContentView fields={kind.fields} content={shown} />
              </div>
            ) : (
              !error && <div class="muted">Loading…</div>
            ))}
        </div>
      )}
    </li>
  );
}
