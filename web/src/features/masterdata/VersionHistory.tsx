// Every version of an object, newest first: state and derived status, action, change
// request link, author, created and effective-from times, and the signature
// manifestations of its change request. Clicking "Show" selects a version to display.
import { formatMicros } from '../../shared/time';
import { hashLink } from '../../shared/session';
import { StatusBadge } from '../../shared/StatusBadge';
import { SignatureList } from '../signatures';
import type { Version } from './types';

interface Props {
  versions: Version[];
  selected: number | null;
  onSelect: (version: number) => void;
}

export function VersionHistory({ versions, selected, onSelect }: Props) {
  return (
    <ol class="version-list" data-testid="version-history">
      {versions.map((v) => (
        <li
          key={v.version}
          class={v.version === selected ? 'version selected' : 'version'}
          data-testid="version"
          data-version={v.version}
          data-status={v.status}
        >
          <div class="version-head">
            <span class="version-no">v{v.version}</span>
            <StatusBadge status={v.status} testId="version-status" />
            {v.state !== v.status && <span class="muted">state {v.state}</span>}
            {v.action === 'obsolete' && <span class="tag">retires the object</span>}
            <a href={hashLink('change-requests', v.change_request)} data-testid="version-cr">
              {v.change_request}
            </a>
            <span>
              by <span class="mono">{v.author}</span>
            </span>
            <span class="muted">created {formatMicros(v.created_us)}</span>
            <span>
              effective from{' '}
              <span class="mono" data-testid="version-effective-from">
                {formatMicros(v.effective_from_us)}
              </span>
            </span>
            <button
              type="button"
              class="btn btn-small btn-ghost entry-action"
              disabled={v.version === selected}
              onClick={() => onSelect(v.version)}
              data-testid="version-show"
            >
              {v.version === selected ? 'Shown' : 'Show'}
            </button>
          </div>
          <SignatureList signatures={v.signatures ?? []} empty="Not signed yet." />
        </li>
      ))}
    </ol>
  );
}
