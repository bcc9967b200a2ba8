// Compare any two versions of an object: two selects (from may be "nothing"), then
// GET .../diff and a path / old / new table.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { ErrorBox } from '../../shared/ErrorBox';
import { masterdataApi } from './api';
import type { Change, Version } from './types';
import { DiffTable } from './DiffTable';

interface Props {
  kind: string;
  id: string;
  versions: Version[]; // newest first
}

export function VersionDiff({ kind, id, versions }: Props) {
  const newest = versions[0]?.version ?? 0;
  const [from, setFrom] = useState(versions[1]?.version ?? 0);
  const [to, setTo] = useState(newest);
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setFrom(versions[1]?.version ?? 0);
    setTo(versions[0]?.version ?? 0);
  }, [kind, id, versions.length]);

  useEffect(() => {
    if (!to) return;
    let live = true;
    setError(null);
    masterdataApi
      .diff(kind, id, from, to)
      .then((res) => live && setChanges(res.changes))
      .catch((err) => live && (setChanges(null), setError(errorMessage(err))));
    return () => {
      live = false;
    };
  }, [kind, id, from, to]);

  const options = (withNothing: boolean) => (
    <>
      {withNothing && <option value={0}>nothing (v0)</option>}
      {versions.map((v) => (
        <option key={v.version} value={v.version}>
          v{v.version} ({v.status})
        </option>
      ))}
    </>
  );

  return (
    <div class="version-diff" data-testid="version-diff">
      <div class="toolbar">
        <label class="field field-inline">
          <span>From</span>
          <select value={from} onChange={(e) => setFrom(Number(e.currentTarget.value))} data-testid="diff-from">
            {options(true)}
          </select>
        </label>
        <label class="field field-inline">
          <span>To</span>
          <select value={to} onChange={(e) => setTo(Number(e.currentTarget.value))} data-testid="diff-to">
            {options(false)}
          </select>
        </label>
      </div>
      <ErrorBox message={error} />
      {changes && <DiffTable changes={changes} testId="version-diff-table" />}
    </div>
  );
}
