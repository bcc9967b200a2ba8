// The source registry ("#/sources", engineers and admins; docs/equipment.md): the
// registered machine data sources, registering one (kind, work units, counter mode),
// enabling and disabling, and rotating a rest source's key (shown once, KeyOnce).
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import type { PageProps } from '../../shared/feature';
import { errorMessage } from '../../shared/http';
import { equipmentApi } from './api';
import { KeyOnce } from './KeyOnce';
import type { BoardUnit, Source, SourceKind } from './types';
import './equipment.css';

function RegisterForm({ units, onRegistered }: { units: BoardUnit[]; onRegistered: (name: string, key: string | null) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SourceKind>('rest');
  const [picked, setPicked] = useState<string[]>([]);
  const [counter, setCounter] = useState<'increment' | 'cumulative'>('increment');
  const [group, setGroup] = useState('');
  const [edge, setEdge] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const r = await equipmentApi.register({
        name: name.trim(),
        kind,
        work_units: picked,
        counter,
        ...(kind === 'sparkplug' ? { group_id: group.trim(), edge_node: edge.trim() } : {}),
      });
      onRegistered(r.source.name, r.api_key);
      setName('');
      setPicked([]);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="eq-register" onSubmit={submit} data-testid="src-register">
      <h2>Register a source</h2>
      <div class="form-row">
        <label>
          Name{' '}
          <input type="text" required maxLength={64} value={name} data-testid="src-name" onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          Kind{' '}
          <select value={kind} data-testid="src-kind" onChange={(e) => setKind((e.target as HTMLSelectElement).value as SourceKind)}>
            <option value="rest">rest (API key)</option>
            <option value="mqtt">mqtt</option>
            <option value="sparkplug">sparkplug</option>
          </select>
        </label>
        <label>
          Counts{' '}
          <select value={counter} data-testid="src-counter" onChange={(e) => setCounter((e.target as HTMLSelectElement).value as 'increment' | 'cumulative')}>
            <option value="increment">increments since the last count</option>
            <option value="cumulative">the machine's running counter (cumulative)</option>
          </select>
        </label>
      </div>
      {kind === 'sparkplug' && (
        <div class="form-row">
          <label>
            Group id <input type="text" value={group} data-testid="src-group" onInput={(e) => setGroup((e.target as HTMLInputElement).value)} />
          </label>
          <label>
            Edge node <input type="text" value={edge} data-testid="src-edge" onInput={(e) => setEdge((e.target as HTMLInputElement).value)} />
          </label>
        </div>
      )}
      <fieldset class="eq-units-pick">
        <legend>Work units it may speak for</legend>
        {units.map((u) => (
          <label key={u.id} class="eq-unit-check">
            <input type="checkbox" checked={picked.includes(u.id)} data-testid={`src-wu-${u.id}`} onChange={() => toggle(u.id)} /> {u.id}{' '}
            <span class="muted">{u.name}</span>
          </label>
        ))}
      </fieldset>
      <ErrorBox message={error} testId="src-error" />
      <button type="submit" class="btn btn-primary" disabled={busy} data-testid="src-submit">
        {busy ? 'Registering...' : 'Register the source'}
      </button>
    </form>
  );
}

export function Sources(_props: PageProps) {
  const [sources, setSources] = useState<Source[] | null>(null);
  const [units, setUnits] = useState<BoardUnit[]>([]);
  const [error, setError] = useState('');
  const [shown, setShown] = useState<{ source: string; key: string } | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    equipmentApi
      .sources()
      .then(setSources)
      .catch((e) => setError(errorMessage(e)));
  }, [reload]);
  useEffect(() => {
    equipmentApi
      .board()
      .then((b) => setUnits(b.lines.flatMap((l) => l.work_units)))
      .catch((e) => setError(errorMessage(e)));
  }, []);
  const act = async (what: () => Promise<unknown>) => {
    setError('');
    try {
      await what();
      setReload((n) => n + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section class="page equipment" data-testid="page-sources">
      <div class="page-head">
        <h1>Data sources</h1>
        <p class="page-sub">The machines and gateways that may send equipment data, and the work units each may speak for.</p>
      </div>
      {shown && <KeyOnce source={shown.source} apiKey={shown.key} onDismiss={() => setShown(null)} />}
      <ErrorBox message={error} testId="src-list-error" />
      <div class="table-wrap">
        <table class="table" data-testid="src-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Work units</th>
              <th scope="col">Counts</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {(sources ?? []).map((s) => (
              <tr key={s.name} data-testid={`src-row-${s.name}`}>
                <td>{s.name}</td>
                <td>
                  {s.kind}
                  {s.kind === 'sparkplug' ? ` (${s.group_id}/${s.edge_node})` : ''}
                </td>
                <td>{s.work_units.join(', ')}</td>
                <td>{s.counter}</td>
                <td data-testid={`src-status-${s.name}`}>{s.enabled ? 'enabled' : 'disabled'}</td>
                <td class="eq-actions">
                  <button type="button" class="btn" data-testid={`src-toggle-${s.name}`} onClick={() => act(() => equipmentApi.setEnabled(s.name, !s.enabled))}>
                    {s.enabled ? `Disable ${s.name}` : `Enable ${s.name}`}
                  </button>
                  {s.kind === 'rest' && (
                    <button
                      type="button"
                      class="btn btn-danger"
                      data-testid={`src-rotate-${s.name}`}
                      onClick={() =>
                        act(async () => {
                          if (!confirm(`Give ${s.name} a new API key? Its current key stops working at once.`)) return;
                          const r = await equipmentApi.rotateKey(s.name);
                          if (r.api_key) setShown({ source: s.name, key: r.api_key });
                        })
                      }
                    >
                      Rotate the key of {s.name}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sources && sources.length === 0 && <p class="muted">No source is registered yet.</p>}
      <RegisterForm
        units={units}
        onRegistered={(name, key) => {
          if (key) setShown({ source: name, key });
          setReload((n) => n + 1);
        }}
      />
    </section>
  );
}
