// The quality workspace ("#/quality"): deviations (list, one deviation with its
// investigation and signed disposition), opening one by hand ("#/quality/new"), and the
// way to lot release (the production feature's lot page, not duplicated here).
import type { PageProps } from '../../shared/feature';
import { hasPermission, hashLink } from '../../shared/session';
import { DeviationDetail } from './DeviationDetail';
import { DeviationList } from './DeviationList';
import { OpenDeviation } from './OpenDeviation';
import './quality.css';

export function Quality({ user, params }: PageProps) {
  const [view, id] = params;
  const mayOpen = hasPermission(user, 'deviations.open');
  const current = view === 'new' && mayOpen ? 'new' : 'deviations';
  return (
    <section class="page quality" data-testid="page-quality">
      <div class="page-head">
        <h1>Quality</h1>
        <p class="page-sub">Deviations: investigation and signed disposition.</p>
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
        {hasPermission(user, 'lots.read') && (
          <a href={hashLink('lots')} data-testid="quality-tab-lots">
            Lot release
          </a>
        )}
      </nav>
      {current === 'new' ? <OpenDeviation /> : id ? <DeviationDetail id={id} user={user} /> : <DeviationList />}
    </section>
  );
}
