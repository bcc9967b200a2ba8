// One logbook entry in the list: seq, local time (UTC in tooltip), actor, role,
// category, text, correction links, and a "Correct" action (no edit, no delete).
// An entry that has already been corrected is corrected further via its newest
// correction, so it offers no "Correct" button itself.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { formatLocal } from '../../shared/time';
import type { LogbookEntry } from './types';
import { categoryLabel, subjectTypeLabel } from './labels';
import { hashLink } from '../../shared/session';
import { CorrectionForm } from './CorrectionForm';

interface Props {
  entry: LogbookEntry;
  canWrite: boolean;
  onCorrected: (entry: LogbookEntry) => void;
}

export function LogbookEntryItem({ entry, canWrite, onCorrected }: Props) {
  const [correcting, setCorrecting] = useState(false);
  const corrected = entry.corrected_by && entry.corrected_by.length > 0;

  return (
    <li
      class={corrected ? 'entry entry-superseded' : 'entry'}
      id={`entry-${entry.seq}`}
      data-testid="logbook-entry"
      data-seq={entry.seq}
    >
      <div class="entry-meta">
        <span class="entry-seq">#{entry.seq}</span>
        <time class="entry-time" dateTime={entry.time} title={entry.time} data-testid="entry-time">
          {formatLocal(entry.time)}
        </time>
        <span class="entry-subject" data-testid="entry-subject" data-subject-type={entry.subject_type}>
          {entry.subject_type === 'equipment' ? (
            <a href={hashLink('masterdata', 'equipment', entry.subject)} title="Open the equipment in master data">
              {entry.subject}
            </a>
          ) : (
            entry.subject
          )}
          {subjectTypeLabel(entry.subject_type) && (
            <span class="tag tag-free-text" data-testid="entry-subject-free">
              {subjectTypeLabel(entry.subject_type)}
            </span>
          )}
        </span>
        <span class={`tag tag-${entry.category}`}>{categoryLabel(entry.category)}</span>
        <span class="entry-actor">
          {entry.actor} <span class="entry-role">({entry.role})</span>
        </span>
        {canWrite && !corrected && !correcting && (
          <button
            type="button"
            class="btn btn-small btn-ghost entry-action"
            onClick={() => setCorrecting(true)}
            data-testid="entry-correct"
          >
            Correct
          </button>
        )}
      </div>
      <div class="entry-text" data-testid="entry-text">
        {entry.text}
      </div>
      {entry.corrects != null && (
        <div class="entry-note" data-testid="entry-corrects">
          Corrects <a href={`#/logbook`} onClick={(e) => jumpTo(e, entry.corrects!)}>#{entry.corrects}</a>
          {entry.reason ? <> — reason: {entry.reason}</> : null}
        </div>
      )}
      {corrected && (
        <div class="entry-note entry-note-warn" data-testid="entry-corrected-by">
          Corrected by{' '}
          {entry.corrected_by.map((s, i) => (
            <Fragment key={s}>
              {i > 0 ? ', ' : ''}
              <a href="#/logbook" onClick={(e) => jumpTo(e, s)}>
                #{s}
              </a>
            </Fragment>
          ))}
        </div>
      )}
      {correcting && (
        <CorrectionForm
          original={entry}
          onCancel={() => setCorrecting(false)}
          onDone={(e) => {
            setCorrecting(false);
            onCorrected(e);
          }}
        />
      )}
    </li>
  );
}

function jumpTo(e: Event, seq: number) {
  e.preventDefault();
  document.getElementById(`entry-${seq}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
}
