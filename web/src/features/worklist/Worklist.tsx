// The home page after sign-in: what waits for this person (GET /worklist), in two
// lists, "Your turn" (they act) and "Waiting for others" (their requests in other
// hands), each item linking to its record. A source that could not be read is named,
// and the rest of the list still shows.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { ErrorBox } from '../../shared/ErrorBox';
import type { PageProps } from '../../shared/feature';
import { formatTime } from '../../shared/time';
import { worklistApi } from './api';
import { kindLabel, sourceLabel } from './labels';
import type { WorklistError, WorklistItem } from './types';

function ItemRow({ item }: { item: WorklistItem }) {
  return (
    <li class="worklist-item" data-testid="worklist-item" data-kind={item.kind} data-id={item.id} data-your-turn={String(item.your_turn)}>
      <a href={item.link.startsWith('#/') ? item.link : '#/'} class="worklist-link" data-testid="worklist-link">
        <span class="worklist-kind">{kindLabel(item.kind)}</span>
        <span class="worklist-title">
          {item.id && <code class="worklist-id">{item.id}</code>}
          {item.title}
        </span>
      </a>
      <span class="worklist-state" data-testid="worklist-state">
        {item.state}
      </span>
      {item.since && <span class="worklist-since muted">since {formatTime(item.since)}</span>}
    </li>
  );
}

function ItemList({ items, testId, empty }: { items: WorklistItem[]; testId: string; empty: string }) {
  if (items.length === 0) {
    return (
      <p class="empty" data-testid={`${testId}-empty`}>
        {empty}
      </p>
    );
  }
  return (
    <ul class="worklist" data-testid={testId}>
      {items.map((i) => (
        <ItemRow key={`${i.source}/${i.kind}/${i.id}`} item={i} />
      ))}
    </ul>
  );
}

function SourceErrors({ errors }: { errors: WorklistError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="msg msg-error" role="alert" data-testid="worklist-source-errors">
      Part of your worklist could not be read, so something may be missing below:
      <ul>
        {errors.map((e) => (
          <li key={e.source}>
            {sourceLabel(e.source)} ({e.source}): {e.message}
          </li>
        ))}
      </ul>
      Reload the page; if it stays, tell the administrator.
    </div>
  );
}

export function Worklist({ user }: PageProps) {
  const [items, setItems] = useState<WorklistItem[] | null>(null);
  const [errors, setErrors] = useState<WorklistError[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const res = await worklistApi.worklist();
      setItems(res.items);
      setErrors(res.errors);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const yours = (items ?? []).filter((i) => i.your_turn);
  const others = (items ?? []).filter((i) => !i.your_turn);

  return (
    <section class="page" data-testid="page-worklist">
      <div class="page-head">
        <h1>My work</h1>
        <p class="page-sub">What waits for you, {user.display_name || user.name}, and what you wait for.</p>
      </div>
      <div class="toolbar">
        <button type="button" class="btn btn-ghost" onClick={() => void load()} disabled={loading} data-testid="worklist-refresh">
          {loading ? 'Loading…' : 'Refresh'}
        </button>
      </div>
      <ErrorBox message={error} testId="worklist-error" />
      <SourceErrors errors={errors} />
      {items !== null && (
        <>
          <div class="panel">
            <h2>Your turn</h2>
            <ItemList items={yours} testId="worklist-yours" empty="Nothing waits for you." />
          </div>
          <div class="panel">
            <h2>Waiting for others</h2>
            <ItemList items={others} testId="worklist-waiting" empty="None of your requests waits for someone else." />
          </div>
        </>
      )}
    </section>
  );
}
