// Filter bar for the audit trail: event type (a choice of the known types, by label),
// actor (a choice of the actors seen, or another user id typed in), subject id and a
// time range. datetime-local inputs (browser local time) are converted to ISO UTC on
// apply.
import { useState } from 'preact/hooks';
import { localInputToIso } from '../../shared/time';
import type { LedgerFilter } from './types';
import { eventChoices } from './labels';

const OTHER = '\u0000other';

interface Props {
  busy: boolean;
  onApply: (f: LedgerFilter) => void;
  /** Actors to offer (user ids seen in the trail), sorted. */
  actors: string[];
  /** Event types seen in the trail (offered besides the known ones). */
  types: string[];
}

export function AuditFilters({ busy, onApply, actors, types }: Props) {
  const [type, setType] = useState('');
  const [actor, setActor] = useState('');
  const [otherActor, setOtherActor] = useState(false);
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
    setOtherActor(false);
    setSubject('');
    setFrom('');
    setTo('');
    onApply({});
  };

  return (
    <form class="filters" onSubmit={submit} data-testid="audit-filters">
      <label class="field">
        <span>Event type</span>
        <select value={type} onChange={(e) => setType(e.currentTarget.value)} data-testid="filter-type">
          <option value="">any</option>
          {eventChoices(types).map((c) => (
            <option key={c.type} value={c.type}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Actor</span>
        <select
          value={otherActor ? OTHER : actor}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setOtherActor(v === OTHER);
            setActor(v === OTHER ? '' : v);
          }}
          data-testid="filter-actor"
        >
          <option value="">any</option>
          {[...new Set([...actors, ...(actor && !otherActor ? [actor] : [])])].map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
          <option value={OTHER}>another user id…</option>
        </select>
      </label>
      {otherActor && (
        <label class="field">
          <span>Actor user id</span>
          <input value={actor} onInput={(e) => setActor(e.currentTarget.value)} data-testid="filter-actor-other" />
        </label>
      )}
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
