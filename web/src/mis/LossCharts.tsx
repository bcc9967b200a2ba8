// The loss waterfall (planned busy time → availability, performance and quality losses →
// fully productive time) and the downtime reason Pareto of a scope, both as the engine
// computed them (GET /api/v1/kpi/losses); bars are drawn to scale, values rounded half-up.
import { misApi, type Query } from './api';
import { formatSeconds, roundHalfUp } from './format';
import { useApi } from './useApi';

const STEP_LABELS: Record<string, string> = {
  planned_busy_time: 'Planned busy time',
  availability_loss: 'Availability loss',
  run_time: 'Run time',
  performance_loss: 'Performance loss',
  net_productive_time: 'Net productive time',
  quality_loss: 'Quality loss',
  fully_productive_time: 'Fully productive time',
};

const pct = (part: number, whole: number) => (whole > 0 ? Math.max(0, Math.min(100, (part / whole) * 100)) : 0);

// Through the CSSOM: the page's CSP allows no style attribute.
function setBar(el: HTMLElement | null, left: number, width: number) {
  if (!el) return;
  el.style.marginLeft = `${left}%`;
  el.style.width = `${width}%`;
}

export function LossCharts({ query }: { query: Query }) {
  const { data, error } = useApi(() => misApi.losses(query), JSON.stringify(query));
  if (error) return <div class="msg msg-error" role="alert">{error}</div>;
  if (!data) return <p class="muted">Loading losses…</p>;
  const total = data.waterfall[0]?.seconds ?? 0;
  let level = total; // the top of the next loss bar
  const down = data.downtime.reduce((a, r) => a + r.seconds, 0);
  let cumulative = 0;
  return (
    <div class="mis-charts">
      <section class="panel" aria-labelledby="waterfall-title">
        <h2 id="waterfall-title">Loss waterfall</h2>
        <table class="table mis-bars" data-testid="waterfall">
          <thead><tr><th scope="col">Step</th><th scope="col" class="num">Time</th><th scope="col">Share of planned busy time</th></tr></thead>
          <tbody>
            {data.waterfall.map((s) => {
              const loss = s.step.endsWith('_loss');
              const left = loss ? pct(level - s.seconds, total) : 0;
              const width = pct(Math.abs(s.seconds), total);
              if (loss) level -= s.seconds;
              return (
                <tr key={s.step} data-testid={`step-${s.step}`}>
                  <td>{STEP_LABELS[s.step] ?? s.step}</td>
                  <td class="num nowrap">{loss ? '−' : ''}{formatSeconds(s.seconds)}</td>
                  <td class="mis-bar-cell" aria-hidden="true">
                    <span class={loss ? 'mis-bar mis-bar-loss' : 'mis-bar'} ref={(el) => setBar(el, left, width)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section class="panel" aria-labelledby="pareto-title">
        <h2 id="pareto-title">Downtime by reason</h2>
        {data.downtime.length === 0 ? <p class="muted">No down or idle time in the window.</p> : (
          <table class="table mis-bars" data-testid="pareto">
            <thead><tr><th scope="col">State</th><th scope="col">Reason</th><th scope="col" class="num">Time</th><th scope="col" class="num">Intervals</th><th scope="col" class="num">Cumulative</th><th scope="col">Share</th></tr></thead>
            <tbody>
              {data.downtime.map((r) => {
                cumulative += r.seconds;
                return (
                  <tr key={r.state + r.reason} data-testid={`reason-${r.reason || 'unassigned'}`}>
                    <td>{r.state}</td>
                    <td>{r.reason || <span class="muted">unassigned</span>}</td>
                    <td class="num nowrap">{formatSeconds(r.seconds)}</td>
                    <td class="num">{r.intervals}</td>
                    <td class="num">{roundHalfUp(pct(cumulative, down), 0)} %</td>
                    <td class="mis-bar-cell" aria-hidden="true">
                      <span class="mis-bar mis-bar-loss" ref={(el) => setBar(el, 0, pct(r.seconds, down))} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
