// Filter bar for the audit trail: event type, actor, subject id and a time range.
// datetime-local inputs (browser local time) are converted to ISO UTC on apply.
import { useState } from 'preact/hooks';
import { localInputToIso } from '../../shared/time';
import type { LedgerFilter } from './types';
import { EVENT_TYPES } from './labels';

interface Props {
  busy: boolean;
  onApply: (f: LedgerFilter) => void;
}

export function AuditFilters({ busy, onApply }: Props) {
  const [type, setType] = useState('');
  const [actor, setActor] = useState('');
  const [subject, setSubject] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const submit = (e: Event) => {
    e.preventDefault();
    onApply({
      type: type.trim() || undefined,
      actor: actor.trim() || undefined,
      subject: subject.trim() || undefined,
      from: localInputToIso(from),
      to: localInputToIso(to),
    });
  };

  const reset = () => {
    setType('');
    setActor('');
    setSubject('');
    setFrom('');
    setTo('');
    onApply({});
  };

  return (
    <form class="filters" onSubmit={submit} data-testid="audit-filters">
      <label class="field">
        <span>Event type</span>
        <input
          list="ordo-event-types"
          value={type}
          onInput={(e) => setType(e.currentTarget.value)}
          placeholder="any"
          data-testid="filter-type"
        />
        <datalist id="ordo-event-types">
          {EVENT_TYPES.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </label>
      <label class="field">
        <span>Actor</span>
        <input value={actor} onInput={(e) => setActor(e.currentTarget.value)} placeholder="any" data-testid="filter-actor" />
      </label>
      <label class="field">
        <span>Subject</span>
        <input
          value={subject}
          onInput={(e) => setSubject(e.currentTarget.value)}
          placeholder="any"
          data-testid="filter-subject"
        />
      </label>
      <label class="field">
        <span>From (local time)</span>
        <input type="datetime-local" step={1} value={from} onInput={(e) => setFrom(e.currentTarget.value)} data-testid="filter-from" />
      </label>
      <label class="field">
        <span>To (local time)</span>
        <input type="datetime-local" step={1} value={to} onInput={(e) => setTo(e.currentTarget.value)} data-testid="filter-to" />
      </label>
      <div class="filters-actions">
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="filter-apply">
          Apply
        </button>
        <button type="button" class="btn btn-ghost" disabled={busy} onClick={reset} data-testid="filter-reset">
          Reset
        </button>
      </div>
    </form>
  );
}
