// Change requests: the list with a state filter and the "New change request" form;
// "#/change-requests/CR-000001" opens one change request.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import type { SessionUser } from '../../shared/types';
import { hasPermission, hashLink } from '../../shared/session';
import { statusLabel } from '../../shared/labels';
import { ErrorBox } from '../../shared/ErrorBox';
import { masterdataApi } from './api';
import { CHANGE_REQUEST_STATES, type ChangeRequest } from './types';
import { ChangeRequestForm } from './ChangeRequestForm';
import { ChangeRequestTable } from './ChangeRequestTable';
import { ChangeRequestPage } from './ChangeRequestPage';

interface Props {
  user: SessionUser;
  params: string[];
}

export function ChangeRequests({ user, params }: Props) {
  if (params[0]) return <ChangeRequestPage user={user} id={params[0]} />;
  return <ChangeRequestList user={user} />;
}

function ChangeRequestList({ user }: { user: SessionUser }) {
  const canEdit = hasPermission(user, 'masterdata.edit');
  const [state, setState] = useState('');
  const [rows, setRows] = useState<ChangeRequest[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    masterdataApi
      .changeRequests(state || undefined)
      .then((res) => live && setRows(res.change_requests))
      .catch((err) => live && setError(errorMessage(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [state]);

  return (
    <section class="page" data-testid="page-change-requests">
      <div class="page-head">
        <h1>Change requests</h1>
        <p class="page-sub">Every master data change is drafted, submitted, reviewed and approved with electronic signatures.</p>
      </div>

      {creating && (
        <ChangeRequestForm
          onCancel={() => setCreating(false)}
          onCreated={(cr) => {
            window.location.hash = hashLink('change-requests', cr.id);
          }}
        />
      )}

      <div class="panel">
        <div class="toolbar">
          <label class="field field-inline">
            <span>State</span>
            <select value={state} onChange={(e) => setState(e.currentTarget.value)} data-testid="cr-state-filter">
              <option value="">all</option>
              {CHANGE_REQUEST_STATES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </label>
          {canEdit && !creating && (
            <button type="button" class="btn btn-primary" onClick={() => setCreating(true)} data-testid="cr-new">
              New change request
            </button>
          )}
          <span class="toolbar-info">{loading ? 'Loading…' : `${rows.length} shown, newest first`}</span>
        </div>
        <ErrorBox message={error} testId="cr-list-error" />
        <ChangeRequestTable rows={rows} loading={loading} />
      </div>
    </section>
  );
}
