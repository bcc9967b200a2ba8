// The subject of a new logbook entry: picked from the equipment hierarchy of master
// data (search by id or name), or typed as free text for an area that is not in master
// data, which is marked as such. The server types the subject the same way: an id of
// equipment in force is stored as equipment, anything else as free text.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { ErrorBox } from '../../shared/ErrorBox';
import { findEquipment, loadEquipment, searchEquipment, type EquipmentChoice } from './equipment';
import { levelLabel } from './labels';

export const SUBJECT_PATTERN = '[A-Za-z0-9._\\-\\/]{1,64}';

export interface SubjectValue {
  subject: string;
  /** True: an area not in master data, typed as free text. */
  freeText: boolean;
}

interface Props {
  value: SubjectValue;
  onChange: (value: SubjectValue) => void;
  /** "invalid" when the form's problem names the subject. */
  invalid?: 'invalid';
}

const SHOWN = 50;

export function SubjectPicker({ value, onChange, invalid }: Props) {
  const [choices, setChoices] = useState<EquipmentChoice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    let live = true;
    loadEquipment()
      .then((c) => live && setChoices(c))
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, []);

  // A subject given from outside (the page's filter) that is no equipment is an area.
  useEffect(() => {
    if (choices && !value.freeText && value.subject && !findEquipment(choices, value.subject)) {
      onChange({ subject: value.subject, freeText: true });
    }
  }, [choices]);

  const selected = choices ? findEquipment(choices, value.subject) : undefined;
  const matches = choices ? searchEquipment(choices, query) : [];
  const typedIsEquipment = value.freeText && selected !== undefined;

  return (
    <fieldset class="subject-picker" data-testid="subject-picker">
      <legend>Subject</legend>
      <div class="choice-row" role="radiogroup" aria-label="Kind of subject">
        <label class="choice">
          <input
            type="radio"
            name="subject-mode"
            checked={!value.freeText}
            onChange={() => onChange({ subject: selected ? value.subject : '', freeText: false })}
            data-testid="logbook-subject-equipment"
          />
          Equipment from master data
        </label>
        <label class="choice">
          <input
            type="radio"
            name="subject-mode"
            checked={value.freeText}
            onChange={() => onChange({ subject: value.subject, freeText: true })}
            data-testid="logbook-subject-free"
          />
          Area not in master data (free text)
        </label>
      </div>

      {value.freeText ? (
        <div>
          <label class="field">
            <span>Area id</span>
            <input
              class={invalid}
              value={value.subject}
              onInput={(e) => onChange({ subject: e.currentTarget.value, freeText: true })}
              required
              maxLength={64}
              pattern={SUBJECT_PATTERN}
              title="1–64 letters, digits or . _ - /"
              placeholder="e.g. ROOM-B12"
              aria-describedby="subject-free-note"
              data-testid="logbook-subject"
            />
          </label>
          <p class="hint" id="subject-free-note" data-testid="subject-free-note">
            {typedIsEquipment
              ? `${value.subject} is equipment in master data: the entry is stored as equipment.`
              : 'The entry is marked as a free-text subject (not in master data).'}
          </p>
        </div>
      ) : (
        <div>
          <ErrorBox message={error} testId="subject-picker-error" />
          <label class="field">
            <span>Search equipment by id or name</span>
            <input
              type="search"
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
              placeholder="e.g. PRESS or Tablet press"
              aria-controls="subject-options"
              data-testid="subject-search"
            />
          </label>
          <div class="subject-selected" aria-live="polite" data-testid="subject-selected">
            {selected ? (
              <>
                Selected: <span class="mono">{selected.id}</span> {selected.name} ({levelLabel(selected.level)})
                {selected.path.length > 0 && <span class="muted"> · {selected.path.join(' › ')}</span>}
              </>
            ) : (
              <span class="muted">No equipment selected.</span>
            )}
          </div>
          {!choices && !error && <div class="muted">Loading equipment…</div>}
          {choices && (
            <ul class="subject-options" id="subject-options" aria-label="Equipment" data-testid="subject-options">
              {matches.slice(0, SHOWN).map((c) => (
                <li key={c.id} style={{ paddingLeft: `calc(${c.depth} * var(--space-3))` }}>
                  <button
                    type="button"
                    class={c.id === value.subject ? 'subject-option selected' : 'subject-option'}
                    aria-pressed={c.id === value.subject}
                    disabled={!c.inForce}
                    onClick={() => onChange({ subject: c.id, freeText: false })}
                    data-testid="subject-option"
                    data-id={c.id}
                  >
                    <span class="mono">{c.id}</span> <span>{c.name}</span>{' '}
                    <span class="tag tag-level">{levelLabel(c.level)}</span>
                    {!c.inForce && <span class="muted"> (not in force)</span>}
                  </button>
                </li>
              ))}
              {matches.length === 0 && <li class="muted">No equipment matches “{query}”.</li>}
              {matches.length > SHOWN && (
                <li class="muted">{matches.length - SHOWN} more: refine the search.</li>
              )}
            </ul>
          )}
        </div>
      )}
    </fieldset>
  );
}
