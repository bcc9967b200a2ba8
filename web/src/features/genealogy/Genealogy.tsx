// The genealogy explorer ("#/genealogy", "#/genealogy/ID/backward|forward",
// "#/genealogy/LOT/recall"): search a lot or serial, trace it backward (what went into
// it) or forward (where it went), see the graph and the same nodes as a table, re-centre
// on a node by clicking it, and open the recall report of a lot.
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from '../../shared/ErrorBox';
import type { PageProps } from '../../shared/feature';
import { errorMessage } from '../../shared/http';
import { hashLink } from '../../shared/session';
import { genealogyApi } from './api';
import { Graph } from './Graph';
import { NodeTable } from './NodeTable';
import { Recall } from './Recall';
import type { Direction, Trace } from './types';
import './genealogy.css';

export function Genealogy({ params }: PageProps) {
  const id = params[0] ?? '';
  const mode = params[1] ?? 'backward';
  if (id && mode === 'recall') return <Recall lot={id} />;
  const direction: Direction = mode === 'forward' ? 'forward' : 'backward';
  // Keyed: a new id or direction mounts a fresh explorer, so its search field starts from
  // the route and nothing resets it under the user's typing.
  return <Explorer key={`${id}|${direction}`} id={id} direction={direction} />;
}

function Explorer({ id, direction }: { id: string; direction: Direction }) {
  const [query, setQuery] = useState(id);
  const [chosen, setChosen] = useState<Direction>(direction);
  const [trace, setTrace] = useState<Trace | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!id) return;
    genealogyApi
      .trace(id, direction)
      .then(setTrace)
      .catch((e) => setError(errorMessage(e)));
  }, [id, direction]);

  const go = (nodeId: string, dir: Direction) => {
    location.hash = hashLink('genealogy', nodeId, dir);
  };
  const startNode = trace?.nodes.find((n) => n.id === trace.start);
  const recallable = startNode && startNode.kind !== 'order';

  return (
    <section class="page gen" data-testid="page-genealogy">
      <div class="page-head">
        <h1>Genealogy{id ? `: ${id}` : ''}</h1>
        <p class="page-sub">What went into a lot or serial (backward) and where it went (forward).</p>
      </div>
      <form
        class="form-row gen-search"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim()) go(query.trim(), chosen);
        }}
      >
        <label>
          Lot or serial{' '}
          <input
            data-testid="genealogy-id"
            value={query}
            placeholder="e.g. L-PCM-01, serial:DP-1 or order:WO-1"
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          />
        </label>
        <fieldset class="gen-direction">
          <legend>Direction</legend>
          {(['backward', 'forward'] as Direction[]).map((d) => (
            <label key={d}>
              <input type="radio" name="gen-direction" value={d} checked={chosen === d} data-testid={`genealogy-${d}`} onChange={() => setChosen(d)} />{' '}
              {d === 'backward' ? 'Backward (what went in)' : 'Forward (where it went)'}
            </label>
          ))}
        </fieldset>
        <button class="btn btn-primary" type="submit" data-testid="genealogy-trace" disabled={!query.trim()}>
          Trace
        </button>
      </form>
      <ErrorBox message={error} testId="genealogy-error" />
      {id && !trace && !error && <p class="muted">Loading...</p>}
      {trace && (
        <div>
          <div class="form-row gen-summary-row">
            <p data-testid="genealogy-summary">
              {trace.direction === 'backward' ? 'Backward' : 'Forward'} from <strong>{trace.start}</strong>: {trace.nodes.length} nodes, {trace.edges.length} edges.
              {trace.truncated ? ' The trace was cut at its limit: more nodes exist.' : ''}
            </p>
            <button class="btn" type="button" data-testid="genealogy-flip" onClick={() => go(trace.start, trace.direction === 'backward' ? 'forward' : 'backward')}>
              Trace {trace.direction === 'backward' ? 'forward' : 'backward'}
            </button>
            {recallable && (
              <a class="btn" href={hashLink('genealogy', trace.start, 'recall')} data-testid="genealogy-recall">
                Recall report
              </a>
            )}
          </div>
          <p class="muted" id="gen-graph-hint">
            Click a node (or focus it and press Enter) to trace from it. Material flows from left to right.
          </p>
          <Graph trace={trace} onPick={(n) => go(n.id, trace.direction)} />
          <h2 class="gen-h2">Nodes</h2>
          <NodeTable trace={trace} linkTo={(nodeId) => hashLink('genealogy', nodeId, trace.direction)} />
        </div>
      )}
    </section>
  );
}
