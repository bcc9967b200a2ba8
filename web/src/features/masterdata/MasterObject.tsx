// Object page: header with status and "Propose a change" (for who may draft this
// kind), the shown version's content (the effective one by default), the version
// history with signature manifestations, and a diff between any two versions.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import type { SessionUser } from '../../shared/types';
import { hasPermission, hashLink } from '../../shared/session';
import { formatMicros } from '../../shared/time';
import { ErrorBox } from '../../shared/ErrorBox';
import { StatusBadge } from '../../shared/StatusBadge';
import { masterdataApi } from './api';
import type { KindDef, ObjectRow, Version } from './types';
import { ContentView } from './ContentView';
import { LogbookLink } from '../logbook';
import { VersionHistory } from './VersionHistory';
import { VersionDiff } from './VersionDiff';
import { ProposeChange } from './ProposeChange';

interface Props {
  kind: KindDef;
  id: string;
  user: SessionUser;
}

/** May this user draft objects of this kind? */
function canDraft(user: SessionUser, kind: KindDef): boolean {
  return hasPermission(user, 'masterdata.edit') && (!kind.draft_permission || hasPermission(user, kind.draft_permission));
}

export function MasterObject({ kind, id, user }: Props) {
  const [proposing, setProposing] = useState(false);
  const [object, setObject] = useState<ObjectRow | null>(null);
  const [versions, setVersions] = useState<Version[]>([]);
  const [shown, setShown] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    setObject(null);
    setProposing(false);
    masterdataApi
      .object(kind.kind, id)
      .then((res) => {
        if (!live) return;
        setObject(res.object);
        setVersions(res.versions);
        setShown(res.object.effective_version ?? res.versions[0]?.version ?? null);
      })
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [kind.kind, id]);

  const version = versions.find((v) => v.version === shown);

  return (
    <section class="page" data-testid="page-masterdata-object">
      <div class="page-head">
        <div class="crumbs">
          <a href={hashLink('masterdata', kind.kind)}>{kind.label}</a> ›
        </div>
        <h1>
          <span class="mono">{id}</span> {object?.name}
        </h1>
        {object && (
          <div class="head-meta" data-testid="object-header">
            <StatusBadge status={object.status} testId="object-status" />
            <span>
              effective version:{' '}
              <strong data-testid="object-effective-version">
                {object.effective_version != null ? `v${object.effective_version}` : 'none'}
              </strong>
            </span>
            <span>
              latest: v{object.latest_version} <StatusBadge status={object.latest_state} />
            </span>
            {kind.kind === 'equipment' && <LogbookLink subject={id} />}
            {canDraft(user, kind) && !proposing && (
              <button type="button" class="btn btn-primary entry-action" onClick={() => setProposing(true)} data-testid="object-propose">
                Propose a change
              </button>
            )}
          </div>
        )}
      </div>
      <ErrorBox message={error} testId="object-error" />

      {proposing && <ProposeChange kind={kind} id={id} user={user} versions={versions} onClose={() => setProposing(false)} />}

      {version && (
        <div class="panel" data-testid="object-content" data-version={version.version}>
          <h2 class="panel-title">
            Version {version.version} <StatusBadge status={version.status} />{' '}
            <span class="muted">effective from {formatMicros(version.effective_from_us)}</span>
          </h2>
          {version.action === 'obsolete' && (
            <div class="msg msg-info">This version retires the object (obsolete).</div>
          )}
          <ContentView fields={kind.fields} content={version.content} />
        </div>
      )}

      {versions.length > 0 && (
        <div class="panel">
          <h2 class="panel-title">Version history</h2>
          <VersionHistory versions={versions} selected={shown} onSelect={setShown} />
        </div>
      )}

      {versions.length > 0 && (
        <div class="panel">
          <h2 class="panel-title">Compare versions</h2>
          <VersionDiff kind={kind.kind} id={id} versions={versions} />
        </div>
      )}
    </section>
  );
}
