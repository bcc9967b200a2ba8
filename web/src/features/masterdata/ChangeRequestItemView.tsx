// One item (draft version) of a change request: kind, object, version, action and
// state, and its field-by-field diff against the effective version. Editable change
// requests offer "Edit" and "Withdraw draft".
import { useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { hashLink } from '../../shared/session';
import { ErrorBox } from '../../shared/ErrorBox';
import { StatusBadge } from '../../shared/StatusBadge';
import { masterdataApi } from './api';
import type { ChangeRequest, ChangeRequestItem, KindDef } from './types';
import { kindLabel } from './kinds';
import { ItemDiff } from './DiffTable';

interface Props {
  cr: ChangeRequest;
  item: ChangeRequestItem;
  kinds: KindDef[];
  editable: boolean;
  onEdit: () => void;
  onChanged: (cr: ChangeRequest) => void;
}

export function ChangeRequestItemView({ cr, item, kinds, editable, onEdit, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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

  return (
    <li class="cr-item" data-testid="cr-item" data-kind={item.kind} data-id={item.id}>
      <div class="cr-item-head">
        <span class="tag">{kindLabel(kinds, item.kind)}</span>
        <a href={hashLink('masterdata', item.kind, item.id)} class="mono" data-testid="cr-item-link">
          {item.id}
        </a>
        <span>{item.name}</span>
        <span class="mono">v{item.version}</span>
        <StatusBadge status={item.state} />
        {item.action === 'obsolete' ? (
          <span class="tag tag-deviation_note">obsolete: retires the object</span>
        ) : (
          <span class="muted">
            {item.base_version != null ? `based on v${item.base_version}` : 'new object'}
          </span>
        )}
        {editable && (
          <span class="entry-action">
            <button type="button" class="btn btn-small" onClick={onEdit} data-testid="cr-item-edit">
              Edit
            </button>{' '}
            <button type="button" class="btn btn-small btn-danger" onClick={() => void withdraw()} disabled={busy} data-testid="cr-item-withdraw">
              Withdraw draft
            </button>
          </span>
        )}
      </div>
      <ErrorBox message={error} />
      <ItemDiff item={item} kinds={kinds} testId="cr-item-diff" />
    </li>
  );
}
