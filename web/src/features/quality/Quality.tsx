// The quality workspace ("#/quality"): deviations (list, one deviation with its
// investigation and signed disposition), opening one by hand ("#/quality/new"), batch
// records ("#/quality/batch-records[/ORDER[/versions/N]]": review by exception and the
// signed batch release) and the way to lot release (the production feature's lot page,
// not duplicated here).
import type { PageProps } from '../../shared/feature';
import { hasPermission, hashLink } from '../../shared/session';
import { BatchList } from './BatchList';
import { BatchRecordPage } from './BatchRecordPage';
import { DeviationDetail } from './DeviationDetail';
import { DeviationList } from './DeviationList';
import { OpenDeviation } from './OpenDeviation';
import './quality.css';

export function Quality({ user, params }: PageProps) {
  const [view, id, sub, n] = params;
  const mayOpen = hasPermission(user, 'deviations.open');
  const mayBatch = hasPermission(user, 'batchrecord.read');
  const current = view === 'new' && mayOpen ? 'new' : view === 'batch-records' && mayBatch ? 'batch' : 'deviations';
  const body = () => {
    if (current === 'new') return <OpenDeviation />;
    if (current === 'batch') {
      const mayReview = hasPermission(user, 'batchrecord.review');
      if (!id) return <BatchList mayReview={mayReview} />;
      const version = sub === 'versions' && Number(n) > 0 ? Number(n) : null;
      return (
        <BatchRecordPage
          key={`${id}/${version ?? ''}`}
          order={id}
          version={version}
          mayReview={mayReview}
          mayRelease={hasPermission(user, 'batchrecord.release')}
        />
      );
    }
    return id ? <DeviationDetail id={id} user={user} /> : <DeviationList />;
  };
  return (
    <section class="page quality" data-testid="page-quality">
      <div class="page-head">
        <h1>Quality</h1>
        <p class="page-sub">Deviations: investigation and signed disposition. Batch records: review by exception and batch release.</p>
      </div>
      <nav class="quality-tabs" aria-label="Quality workspace">
        <a href={hashLink('quality', 'deviations')} class={current === 'deviations' ? 'active' : ''} data-testid="quality-tab-deviations">
          Deviations
        </a>
        {mayOpen && (
          <a href={hashLink('quality', 'new')} class={current === 'new' ? 'active' : ''} data-testid="quality-tab-new">
            Open a deviation
          </a>
        )}
        {mayBatch && (
          <a href={hashLink('quality', 'batch-records')} class={current === 'batch' ? 'active' : ''} data-testid="quality-tab-batch">
            Batch records
          </a>
        )}
        {hasPermission(user, 'lots.read') && (
          <a href={hashLink('lots')} data-testid="quality-tab-lots">
            Lot release
          </a>
        )}
      </nav>
      {body()}
    </section>
  );
}
