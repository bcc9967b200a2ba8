// Logbook page: write entries, list entries (newest first) filtered by subject,
// page back through older entries, and correct entries. Nothing is ever edited
// or deleted: corrections are new entries linked to the original.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import type { PageProps } from '../../shared/feature';
import { hasPermission } from '../../shared/session';
import { ErrorBox } from '../../shared/ErrorBox';
import { logbookApi } from './api';
import type { LogbookEntry } from './types';
import { LogbookForm } from './LogbookForm';
import { LogbookEntryItem } from './LogbookEntryItem';

const PAGE = 100;

/** "#/logbook/SUBJECT" opens the logbook filtered to one subject (LogbookLink). */
export function Logbook({ user, params }: PageProps) {
  const canWrite = hasPermission(user, 'logbook.write');
  const fromRoute = params[0] ?? '';
  const [filterInput, setFilterInput] = useState(fromRoute);
  const [subject, setSubject] = useState(fromRoute);

  useEffect(() => {
    setFilterInput(fromRoute);
    setSubject(fromRoute);
  }, [fromRoute]);
  const [entries, setEntries] = useState<LogbookEntry[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (before?: number) => {
      setLoading(true);
      setError(null);
      try {
        const res = await logbookApi.logbook({ subject: subject || undefined, limit: PAGE, before });
        setEntries((prev) => (before ? [...prev, ...res.entries] : res.entries));
        setMore(res.entries.length === PAGE);
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setLoading(false);
      }
    },
    [subject],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const applyFilter = (e: Event) => {
    e.preventDefault();
    setSubject(filterInput.trim());
  };

  const last = entries[entries.length - 1];

  return (
    <section class="page" data-testid="page-logbook">
      <div class="page-head">
        <h1>Equipment logbook</h1>
        <p class="page-sub">Use, cleaning, maintenance and calibration records per equipment or room.</p>
      </div>

      {canWrite && <LogbookForm key={fromRoute} initialSubject={fromRoute} onRecorded={() => void load()} />}

      <div class="panel">
        <form class="toolbar" onSubmit={applyFilter}>
          <label class="field field-inline">
            <span>Filter by subject</span>
            <input
              value={filterInput}
              onInput={(e) => setFilterInput(e.currentTarget.value)}
              placeholder="all subjects"
              data-testid="logbook-filter"
            />
          </label>
          <button type="submit" class="btn" data-testid="logbook-filter-apply">
            Show
          </button>
          <button type="button" class="btn btn-ghost" onClick={() => void load()} disabled={loading}>
            Refresh
          </button>
          <span class="toolbar-info">
            {subject ? `Subject ${subject} (any case)` : 'All subjects'} · {entries.length} shown
          </span>
        </form>
        <ErrorBox message={error} testId="logbook-error" />
        {entries.length === 0 && !loading && !error && (
          <div class="empty" data-testid="logbook-empty">No entries.</div>
        )}
        <ul class="entry-list" data-testid="logbook-list">
          {entries.map((e) => (
            <LogbookEntryItem key={e.seq} entry={e} canWrite={canWrite} onCorrected={() => void load()} />
          ))}
        </ul>
        {more && last && (
          <div class="list-foot">
            <button type="button" class="btn" disabled={loading} onClick={() => void load(last.seq)}>
              {loading ? 'Loading…' : 'Load older entries'}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
