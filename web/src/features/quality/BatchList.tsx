// Batch records awaiting review ("#/quality/batch-records"): the completed orders whose
// record is not released (the worklist source batchrecord.awaiting_review, for people
// with batchrecord.review), and opening any order's record by its id.
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import { errorMessage } from '../../shared/http';
import { hashLink } from '../../shared/session';
import { batchApi } from './batchApi';
import type { AwaitingReview } from './batchTypes';

export function BatchList({ mayReview }: { mayReview: boolean }) {
  const [items, setItems] = useState<AwaitingReview[] | null>(null);
  const [error, setError] = useState('');
  const [order, setOrder] = useState('');
  useEffect(() => {
    if (!mayReview) return;
    batchApi
      .awaitingReview()
      .then(setItems)
      .catch((e) => setError(errorMessage(e)));
  }, [mayReview]);
  const open = (e: Event) => {
    e.preventDefault();
    if (order.trim()) window.location.hash = hashLink('quality', 'batch-records', order.trim());
  };

  return (
    <div class="quality-list" data-testid="batch-list">
      <form class="form-row" onSubmit={open}>
        <label>
          Order{' '}
          <input data-testid="batch-open-order" value={order} placeholder="WO-..." onInput={(e) => setOrder(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn" data-testid="batch-open">
          Open batch record
        </button>
      </form>
      <h2>Awaiting review</h2>
      <ErrorBox message={error} />
      {!mayReview && <p class="muted">You may read batch records; reviewing them needs the permission batchrecord.review.</p>}
      {mayReview && !items && !error && <p class="muted">Loading...</p>}
      {items && items.length === 0 && <p class="empty">No batch record is awaiting review.</p>}
      {items && items.length > 0 && (
        <table class="table" data-testid="batch-awaiting">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Batch record</th>
              <th scope="col">To do</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} data-testid="batch-row" data-id={i.id}>
                <td>
                  <a href={hashLink('quality', 'batch-records', i.id)}>{i.id}</a>
                </td>
                <td>{i.title}</td>
                <td>{i.state}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
