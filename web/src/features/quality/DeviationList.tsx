// The deviation list ("#/quality/deviations"): filtered by state and order, with id,
// classification, title, order, operation, lots, age and state.
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import { errorMessage } from '../../shared/http';
import { hashLink } from '../../shared/session';
import { StatusBadge } from '../../shared/StatusBadge';
import { qualityApi } from './api';
import { ageText } from './labels';
import type { Deviation } from './types';

const STATES = ['open', 'closed', ''];

export function DeviationList() {
  const [state, setState] = useState('open');
  const [order, setOrder] = useState('');
  const [items, setItems] = useState<Deviation[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      qualityApi
        .deviations({ state, order: order.trim() })
        .then((r) => current && (setItems(r.deviations), setError('')))
        .catch((e) => current && setError(errorMessage(e)));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [state, order]);
  const now = Date.now() * 1000;

  return (
    <div class="quality-list">
      <div class="form-row">
        <label>
          State{' '}
          <select data-testid="deviations-state" value={state} onChange={(e) => setState((e.target as HTMLSelectElement).value)}>
            {STATES.map((v) => (
              <option key={v} value={v}>
                {v || 'all'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Order{' '}
          <input
            data-testid="deviations-order"
            value={order}
            placeholder="all orders"
            onInput={(e) => setOrder((e.target as HTMLInputElement).value)}
          />
        </label>
      </div>
      <ErrorBox message={error} />
      {items && items.length === 0 && <p class="empty">No deviations.</p>}
      {items && items.length > 0 && (
        <table class="table" data-testid="deviations-table">
          <thead>
            <tr>
              {['Deviation', 'Classification', 'Title', 'Order', 'Operation', 'Lots', 'Age', 'State'].map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id} data-testid="deviation-row" data-id={d.id} data-state={d.state} data-classification={d.classification}>
                <td>
                  <a href={hashLink('quality', 'deviations', d.id)}>{d.id}</a>
                </td>
                <td>
                  <span class={`class-badge class-${d.classification}`}>{d.classification}</span>
                </td>
                <td>{d.title}</td>
                <td>{d.order_id}</td>
                <td>{d.operation}</td>
                <td>{d.lots.join(', ')}</td>
                <td class="num" title={d.state === 'open' ? 'open since' : 'open for'}>
                  {ageText(d.opened_us, d.state === 'open' ? now : d.closed_us)}
                </td>
                <td>
                  <StatusBadge status={d.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
