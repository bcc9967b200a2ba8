// Unit tests (no browser, no server) of the genealogy explorer's pure layout
// (src/features/genealogy/layout.ts): one column per depth with material flowing left to
// right (a backward trace ends at its start, a forward trace begins there), every edge
// drawn from its parent's right side to its child's left side, the same trace laid out
// the same way whatever order its nodes come in, and the labels of quantities and edges.
// The TypeScript file is compiled with the project's tsc into a temporary directory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WEB_DIR } from './lib/server.mjs';

let out;
let layout;

before(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'ordo-genealogy-logic-'));
  const tsc = path.join(WEB_DIR, 'node_modules', '.bin', 'tsc');
  const dir = path.join(WEB_DIR, 'src/features/genealogy');
  execFileSync(tsc, [
    '--outDir', out, '--rootDir', dir, '--module', 'esnext', '--target', 'es2022',
    '--moduleResolution', 'bundler', '--skipLibCheck', '--strict', '--noEmit', 'false', '--types', '',
    '--lib', 'es2022,dom', '--ignoreConfig',
    path.join(dir, 'layout.ts'), path.join(dir, 'types.ts'),
  ], { stdio: 'pipe' });
  writeFileSync(path.join(out, 'package.json'), '{"type":"module"}');
  layout = await import(pathToFileURL(path.join(out, 'layout.js')).href);
});

after(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const node = (id, depth) => ({ id, kind: id.split(':')[0], ref: id.split(':')[1], depth, known: true, material: 'M', status: 'released', quantity: 1, base_unit: 'kg', order_id: null });
const edge = (parent, child, kind, quantity = 1) => ({ parent, child, kind, quantity, base_unit: 'kg', order_id: 'WO-1', operation: '10', seq: 1 });

// A backward trace of a finished lot: FG <- order <- {A, B}.
const backward = {
  start: 'lot:FG',
  direction: 'backward',
  truncated: false,
  nodes: [node('lot:FG', 0), node('order:WO-1', 1), node('lot:A', 2), node('lot:B', 2)],
  edges: [edge('lot:A', 'order:WO-1', 'consumed', 2), edge('lot:B', 'order:WO-1', 'consumed', 1.5), edge('order:WO-1', 'lot:FG', 'produced', 750)],
};

test('[ORDO-UI-56] a backward trace is laid out by depth and ends at its start on the right', () => {
  const l = layout.layoutTrace(backward);
  const at = Object.fromEntries(l.nodes.map((p) => [p.node.id, p]));
  assert.ok(at['lot:A'].x < at['order:WO-1'].x && at['order:WO-1'].x < at['lot:FG'].x);
  assert.equal(at['lot:A'].x, at['lot:B'].x);
  assert.notEqual(at['lot:A'].y, at['lot:B'].y);
  assert.ok(at['lot:A'].y < at['lot:B'].y, 'ties are ordered by id');
  assert.equal(l.edges.length, 3);
  for (const e of l.edges) {
    const parts = e.d.split(/[ ,]+/);
    const [x1, x2] = [Number(parts[1]), Number(parts[8])];
    assert.equal(x1, at[e.edge.parent].x + layout.NODE_W, e.d);
    assert.equal(x2, at[e.edge.child].x, e.d);
  }
  assert.ok(l.width >= 3 * layout.NODE_W && l.height >= 2 * layout.NODE_H);
  for (const p of l.nodes) {
    assert.ok(p.x >= 0 && p.x + layout.NODE_W <= l.width && p.y >= 0 && p.y + layout.NODE_H <= l.height, p.node.id);
  }
});

test('[ORDO-UI-56] a forward trace begins at its start on the left; the layout is deterministic', () => {
  const forward = {
    start: 'lot:A',
    direction: 'forward',
    truncated: false,
    nodes: [node('lot:A', 0), node('order:WO-1', 1), node('lot:FG', 2), node('lot:FG-2', 2)],
    edges: [edge('lot:A', 'order:WO-1', 'consumed'), edge('order:WO-1', 'lot:FG', 'produced'), edge('order:WO-1', 'lot:FG-2', 'produced')],
  };
  const l = layout.layoutTrace(forward);
  const at = Object.fromEntries(l.nodes.map((p) => [p.node.id, p]));
  assert.ok(at['lot:A'].x < at['order:WO-1'].x && at['order:WO-1'].x < at['lot:FG'].x);
  const shuffled = { ...forward, nodes: [...forward.nodes].reverse(), edges: [...forward.edges].reverse() };
  const again = Object.fromEntries(layout.layoutTrace(shuffled).nodes.map((p) => [p.node.id, [p.x, p.y]]));
  for (const [id, p] of Object.entries(at)) assert.deepEqual(again[id], [p.x, p.y], id);
  // A single node: one box, no edges.
  const one = layout.layoutTrace({ start: 'lot:A', direction: 'forward', truncated: false, nodes: [node('lot:A', 0)], edges: [] });
  assert.equal(one.nodes.length, 1);
  assert.equal(one.edges.length, 0);
});

test('[ORDO-UI-56] quantities and edges are labelled', () => {
  assert.equal(layout.quantityText(750, 'ea'), '750 ea');
  assert.equal(layout.quantityText(0.1 + 0.2, 'kg'), '0.3 kg');
  assert.equal(layout.quantityText(null, 'kg'), '');
  assert.equal(layout.quantityText(3, null), '3');
  assert.equal(layout.edgeLabel(edge('lot:A', 'order:WO-1', 'consumed', 2)), 'consumed 2 kg');
  assert.equal(layout.edgeLabel(edge('serial:S', 'order:WO-1', 'consumed', 0)), 'consumed');
});
