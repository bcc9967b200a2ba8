// The trace drawn as our own SVG (layout.ts): one box per node with its id, material,
// status and quantity, one curve per edge labelled with its kind and quantity. A node is
// a button named by its visible text: a click (or Enter / Space) re-centres the trace on
// it.
import type { Trace, TraceNode } from './types';
import { edgeLabel, layoutTrace, NODE_H, NODE_W, quantityText } from './layout';

interface Props {
  trace: Trace;
  onPick: (node: TraceNode) => void;
}

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max - 1) + '\u2026' : text);

export function Graph({ trace, onPick }: Props) {
  const layout = layoutTrace(trace);
  return (
    <div class="gen-graph-wrap">
      <svg
        class="gen-graph"
        data-testid="genealogy-graph"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label={`Genealogy graph of ${trace.start}, ${trace.direction}: ${trace.nodes.length} nodes, ${trace.edges.length} edges`}
      >
        <defs>
          <marker id="gen-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" class="gen-arrow" />
          </marker>
        </defs>
        {layout.edges.map((e) => (
          <g key={`${e.edge.parent}>${e.edge.child}#${e.edge.seq}`} class={`gen-edge gen-edge-${e.edge.kind}`} data-testid="genealogy-edge" data-parent={e.edge.parent} data-child={e.edge.child} data-kind={e.edge.kind}>
            <path d={e.d} marker-end="url(#gen-arrow)" />
            <text x={e.lx} y={e.ly - 6} text-anchor="middle" class="gen-edge-label">
              {edgeLabel(e.edge)}
            </text>
          </g>
        ))}
        {layout.nodes.map(({ node, x, y }) => {
          const start = node.id === trace.start;
          const details = [node.status, quantityText(node.quantity, node.base_unit)].filter(Boolean).join(', ');
          return (
            <g
              key={node.id}
              class={`gen-node gen-node-${node.kind}${start ? ' gen-node-start' : ''}${node.known ? '' : ' gen-node-unknown'}`}
              transform={`translate(${x} ${y})`}
              data-testid="genealogy-node"
              data-id={node.id}
              data-depth={node.depth}
              role="button"
              tabindex={0}
              aria-describedby="gen-graph-hint"
              onClick={() => onPick(node)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onPick(node);
                }
              }}
            >
              <rect width={NODE_W} height={NODE_H} rx="6" />
              <text x="10" y="20" class="gen-node-id">
                {clip(node.id, 28)}
              </text>
              <text x="10" y="38" class="gen-node-material">
                {clip(node.material ?? (node.known ? '' : 'not a known lot or order'), 30)}
              </text>
              <text x="10" y="56" class="gen-node-detail">
                {clip(details, 32)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
