// Master data browser: one tab per kind; equipment as the hierarchy tree, other kinds
// (and equipment while searching) as a searchable list. "#/masterdata/KIND/ID" opens
// the object page.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import type { PageProps } from '../../shared/feature';
import { ErrorBox } from '../../shared/ErrorBox';
import { masterdataApi } from './api';
import type { KindDef, ObjectRow } from './types';
import { loadKinds } from './kinds';
import { KindTabs } from './KindTabs';
import { ObjectList } from './ObjectList';
import { EquipmentTree } from './EquipmentTree';
import { MasterObject } from './MasterObject';

/** "27 routings", "1 routing", "27 equipment" (a mass noun takes no plural s). */
function countLabel(n: number, label: string): string {
  const noun = label.toLowerCase();
  return `${n} ${n === 1 || /equipment$/.test(noun) ? noun : noun + 's'}`;
}

export function MasterData({ user, params }: PageProps) {
  const [kinds, setKinds] = useState<KindDef[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadKinds()
      .then(setKinds)
      .catch((err) => setError(errorMessage(err)));
  }, []);

  if (error) return <ErrorBox message={error} testId="masterdata-error" />;
  if (!kinds) return <div class="muted">Loading…</div>;

  const kind = kinds.find((k) => k.kind === params[0]) ?? kinds[0];
  if (!kind) return <div class="empty">No master data kinds.</div>;
  if (params[1]) return <MasterObject kind={kind} id={params[1]} user={user} />;
  return <KindBrowser kinds={kinds} kind={kind} />;
}

function KindBrowser({ kinds, kind }: { kinds: KindDef[]; kind: KindDef }) {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  // Rows with the kind they were loaded for, so a tab switch never shows stale rows.
  const [loaded, setLoaded] = useState<{ kind: string; rows: ObjectRow[] }>({ kind: '', rows: [] });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setInput('');
    setQ('');
  }, [kind.kind]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    masterdataApi
      .objects(kind.kind, q || undefined)
      .then((res) => live && setLoaded({ kind: kind.kind, rows: res.objects }))
      .catch((err) => live && setError(errorMessage(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [kind.kind, q]);

  const search = (e: Event) => {
    e.preventDefault();
    setQ(input.trim());
  };

  const tree = kind.kind === 'equipment' && !q;
  const rows = loaded.kind === kind.kind ? loaded.rows : [];
  const ready = loaded.kind === kind.kind;

  return (
    <section class="page" data-testid="page-masterdata">
      <div class="page-head">
        <h1>Master data</h1>
        <p class="page-sub">Approved, versioned definitions. Changes go through a change request.</p>
      </div>
      <KindTabs kinds={kinds} active={kind.kind} />
      <div class="panel" data-testid={`kind-panel-${kind.kind}`}>
        <p class="page-sub">{kind.description}</p>
        <form class="toolbar" onSubmit={search}>
          <label class="field field-inline">
            <span>Search</span>
            <input
              value={input}
              onInput={(e) => setInput(e.currentTarget.value)}
              placeholder="id or name"
              data-testid="masterdata-search"
            />
          </label>
          <button type="submit" class="btn" data-testid="masterdata-search-apply">
            Search
          </button>
          {q && (
            <button type="button" class="btn btn-ghost" onClick={() => (setInput(''), setQ(''))}>
              Clear
            </button>
          )}
          <span class="toolbar-info">{loading ? 'Loading…' : countLabel(rows.length, kind.label)}</span>
        </form>
        <ErrorBox message={error} testId="masterdata-list-error" />
        {!ready ? null : tree ? <EquipmentTree rows={rows} /> : <ObjectList rows={rows} />}
      </div>
    </section>
  );
}
