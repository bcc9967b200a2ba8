// Find a field of an object by words of its label, path or value ("preload high"):
// the matches as buttons with their current value. With no words it lists the
// object's sections (e.g. its operations). Used by "Propose a change" and the draft
// editor's "Go to field".
import { useState } from 'preact/hooks';
import type { FieldEntry } from './fieldPaths';
import { searchEntries } from './fieldPaths';

const SHOWN = 12;

interface Props {
  entries: FieldEntry[];
  /** The entry chosen so far (highlighted). */
  chosen?: string;
  label: string;
  onPick: (entry: FieldEntry) => void;
  testId: string;
}

export function FieldFinder({ entries, chosen, label, onPick, testId }: Props) {
  const [query, setQuery] = useState('');
  const matches = searchEntries(entries, query);
  const shown = matches.slice(0, SHOWN);
  return (
    <div class="field-finder" data-testid={testId}>
      <label class="field">
        <span>{label}</span>
        <input
          type="search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          placeholder="words of a field, e.g. an operation, a parameter name, “high”"
          data-testid={`${testId}-query`}
        />
      </label>
      {shown.length > 0 && (
        <ul class="finder-results" aria-label="Matching fields">
          {shown.map((e) => (
            <li key={e.path}>
              <button
                type="button"
                class={e.path === chosen ? 'finder-result chosen' : 'finder-result'}
                aria-pressed={e.path === chosen}
                title={e.path}
                onClick={() => onPick(e)}
                data-testid={`${testId}-result`}
                data-path={e.path}
              >
                <span>{e.label}</span>
                {!e.section && <span class="finder-value">{e.value}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="hint" data-testid={`${testId}-count`}>
        {query.trim() === ''
          ? 'Type words to find a field; the sections are listed.'
          : matches.length === 0
            ? 'No field matches.'
            : matches.length > SHOWN
              ? `${matches.length} fields match; the first ${SHOWN} are shown: add words to narrow.`
              : `${matches.length} field${matches.length === 1 ? '' : 's'} match.`}
      </div>
    </div>
  );
}
