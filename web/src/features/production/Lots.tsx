// Quality's lot list ("#/lots", filtered by status) with the signed release or rejection
// of a quarantined lot (the signatures feature's SigningDialog; meaning released or
// rejected; a rejection needs a reason).
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import type { PageProps } from '../../shared/feature';
import { hasPermission } from '../../shared/session';
import { StatusBadge } from '../../shared/StatusBadge';
import { SigningDialog } from '../signatures';
import { signaturesApi } from '../signatures/api';
import { productionApi } from './api';
import { FilteredTable, useFilteredList } from './FilteredList';
import type { Lot } from './types';

const STATUSES = ['', 'quarantined', 'released', 'rejected', 'on_hold', 'consumed', 'expired'];

interface Pending {
  lot: Lot;
  decision: 'release' | 'reject';
}

export function Lots({ user }: PageProps) {
  const list = useFilteredList((status) => productionApi.lots({ status }).then((r) => r.lots));
  const [notice, setNotice] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [passwordOnly, setPasswordOnly] = useState(false);
  useEffect(() => {
    signaturesApi
      .siteSettings()
      .then((s) => setPasswordOnly(!!s.signing_password_only))
      .catch(() => setPasswordOnly(false));
  }, []);
  const mayDecide = hasPermission(user, 'lots.release');

  return (
    <section class="page" data-testid="page-lots">
      <div class="page-head">
        <h1>Material lots</h1>
        <p class="page-sub">Received lots, their status and quality's release.</p>
      </div>
      <FilteredTable
        list={list}
        label="Status"
        values={STATUSES}
        selectTestId="lots-status"
        tableTestId="lots-table"
        empty="No lots."
        columns={['Lot', 'Material', 'Supplier (lot)', 'Left', 'Expiry / retest', 'Status', 'Decision']}
        row={(l) => (
          <tr key={l.lot} data-testid="lot-row" data-id={l.lot} data-status={l.status}>
            <td>{l.lot}</td>
            <td>{l.material}</td>
            <td>
              {l.supplier} ({l.supplier_lot})
            </td>
            <td class="num">
              {l.quantity} {l.base_unit}
            </td>
            <td>{[l.expiry, l.retest].filter(Boolean).join(' / ')}</td>
            <td>
              <StatusBadge status={l.status} />
            </td>
            <td>
              {mayDecide && l.status === 'quarantined' && (
                <Fragment>
                  <button class="btn btn-small" data-testid="lot-release" onClick={() => setPending({ lot: l, decision: 'release' })}>
                    Release
                  </button>{' '}
                  <button class="btn btn-small" data-testid="lot-reject" onClick={() => setPending({ lot: l, decision: 'reject' })}>
                    Reject
                  </button>
                </Fragment>
              )}
            </td>
          </tr>
        )}
      >
        <ErrorBox message={notice} kind="success" testId="lots-notice" />
      </FilteredTable>
      {pending && (
        <SigningDialog
          title={pending.decision === 'release' ? 'Release lot' : 'Reject lot'}
          meaning={pending.decision === 'release' ? 'released' : 'rejected'}
          record={
            <Fragment>
              <dt>Lot</dt>
              <dd>{pending.lot.lot}</dd>
              <dt>Material</dt>
              <dd>{pending.lot.material}</dd>
              <dt>Supplier lot</dt>
              <dd>
                {pending.lot.supplier} {pending.lot.supplier_lot}
              </dd>
            </Fragment>
          }
          requiredComment={pending.decision === 'reject' ? { hint: 'why is it rejected?', missing: 'Say why the lot is rejected.' } : undefined}
          passwordOnly={passwordOnly}
          sign={(signature) =>
            pending.decision === 'release'
              ? productionApi.release(pending.lot.lot, signature)
              : productionApi.reject(pending.lot.lot, signature.comment ?? '', signature)
          }
          onSigned={() => {
            setNotice(`Lot ${pending.lot.lot} ${pending.decision === 'release' ? 'released' : 'rejected'}.`);
            setPending(null);
            list.reload();
          }}
          onCancel={() => setPending(null)}
        />
      )}
    </section>
  );
}
