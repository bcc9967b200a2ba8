// Opening a deviation by hand ("#/quality/new", deviations.open): the order, optionally
// the operation and lots, classification, title and description, and whether it blocks
// the operation's completion. The server checks everything and names a refused field.
import { useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import { ApiError, errorMessage } from '../../shared/http';
import { hashLink } from '../../shared/session';
import { qualityApi } from './api';
import type { Classification } from './types';

export function OpenDeviation() {
  const [order, setOrder] = useState('');
  const [operation, setOperation] = useState('');
  const [lots, setLots] = useState('');
  const [classification, setClassification] = useState<Classification>('major');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [blocks, setBlocks] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!order.trim()) return setError('Enter the order the deviation is about.');
    if (!title.trim()) return setError('Enter a short title.');
    setBusy(true);
    setError('');
    try {
      const d = await qualityApi.open({
        order_id: order.trim(),
        operation: operation.trim() || undefined,
        lots: lots
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean),
        classification,
        title: title.trim(),
        description: description.trim() || undefined,
        blocks_completion: blocks,
      });
      window.location.hash = hashLink('quality', 'deviations', d.id);
    } catch (err) {
      const field = err instanceof ApiError && err.field ? ` (field: ${err.field})` : '';
      setError(errorMessage(err) + field);
      setBusy(false);
    }
  };

  return (
    <form class="form-grid quality-form" onSubmit={submit} data-testid="deviation-open-form">
      <h2>Open a deviation</h2>
      <ErrorBox message={error} testId="deviation-open-error" />
      <div class="form-row">
        <label class="field">
          <span>Order (required)</span>
          <input value={order} onInput={(e) => setOrder(e.currentTarget.value)} data-testid="deviation-open-order" />
        </label>
        <label class="field">
          <span>Operation (optional)</span>
          <input value={operation} onInput={(e) => setOperation(e.currentTarget.value)} data-testid="deviation-open-operation" />
        </label>
        <label class="field">
          <span>Lots (comma-separated, optional)</span>
          <input value={lots} onInput={(e) => setLots(e.currentTarget.value)} data-testid="deviation-open-lots" />
        </label>
        <label class="field">
          <span>Classification</span>
          <select
            value={classification}
            onChange={(e) => setClassification(e.currentTarget.value as Classification)}
            data-testid="deviation-open-classification"
          >
            <option value="minor">minor</option>
            <option value="major">major</option>
            <option value="critical">critical (two quality signatures)</option>
          </select>
        </label>
      </div>
      <label class="field">
        <span>Title (required)</span>
        <input value={title} maxLength={200} onInput={(e) => setTitle(e.currentTarget.value)} data-testid="deviation-open-title" />
      </label>
      <label class="field">
        <span>Description</span>
        <textarea rows={3} value={description} onInput={(e) => setDescription(e.currentTarget.value)} data-testid="deviation-open-description" />
      </label>
      <label class="field-inline field">
        <input type="checkbox" checked={blocks} onChange={(e) => setBlocks(e.currentTarget.checked)} data-testid="deviation-open-blocks" />
        The operation cannot complete while this deviation is open
      </label>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="deviation-open-submit">
          Open deviation
        </button>
      </div>
    </form>
  );
}
