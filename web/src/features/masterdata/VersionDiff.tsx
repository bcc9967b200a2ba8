// Compare any two versions of an object: two selects (from may be "nothing"), then
// GET .../diff shown in words (DiffTable: labelled paths, units, a new object as its
// content).
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { ErrorBox } from '../../shared/ErrorBox';
import { masterdataApi } from './api';
import type { Change, KindDef, Version } from './types';
import { DiffTable } from './DiffTable';
import { loadKinds } from './kinds';

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
  const [kindDef, setKindDef] = useState<KindDef | undefined>(undefined);

  useEffect(() => {
    let live = true;
    loadKinds()
      .then((ks) => live && setKindDef(ks.find((k) => k.kind === kind)))
      .catch(() => live && setKindDef(undefined));
    return () => {
      live = false;
    };
  }, [kind]);

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
      {changes && (
        <DiffTable
          changes={changes}
          kind={kindDef}
          content={versions.find((v) => v.version === to)?.content}
          oldContent={versions.find((v) => v.version === from)?.content}
          testId="version-diff-table"
        />
      )}
    </div>
  );
}
