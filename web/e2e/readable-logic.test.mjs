// Unit tests (no browser, no server) of the pure logic behind readable records: the
// path labels of master data diffs (src/features/masterdata/labels.ts) and the
// sanitising Markdown parser (src/shared/markdown.ts). The two TypeScript files are
// compiled with the project's tsc into a temporary directory and imported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WEB_DIR } from './lib/server.mjs';

let out;
let labels;
let md;

before(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'ordo-web-logic-'));
  const tsc = path.join(WEB_DIR, 'node_modules', '.bin', 'tsc');
  execFileSync(tsc, [
    '--outDir', out, '--rootDir', path.join(WEB_DIR, 'src'), '--module', 'esnext', '--target', 'es2022',
    '--moduleResolution', 'bundler', '--skipLibCheck', '--strict', '--noEmit', 'false', '--types', '',
    '--lib', 'es2022,dom', '--ignoreConfig',
    path.join(WEB_DIR, 'src/features/masterdata/labels.ts'),
    path.join(WEB_DIR, 'src/shared/markdown.ts'),
  ], { stdio: 'pipe' });
  writeFileSync(path.join(out, 'package.json'), '{"type":"module"}');
  labels = await import(pathToFileURL(path.join(out, 'features/masterdata/labels.js')).href);
  md = await import(pathToFileURL(path.join(out, 'shared/markdown.js')).href);
});

after(() => rmSync(out, { recursive: true, force: true }));

// A part of the routing kind as GET /masterdata/kinds describes it.
const routing = {
  kind: 'routing',
  label: 'Routing',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'name', type: 'string' },
    {
      name: 'operations', type: 'object_list', key: 'id',
      fields: [
        { name: 'id', type: 'string' },
        { name: 'name', type: 'string' },
        { name: 'work_center_class', type: 'string' },
        {
          name: 'parameters', type: 'object_list', key: 'name',
          fields: [
            { name: 'name', type: 'string' },
            { name: 'unit', type: 'string' },
            { name: 'high', type: 'number' },
            { name: 'source', type: 'choice', choices: ['manual', 'equipment'] },
          ],
        },
        { name: 'predecessors', type: 'string_list' },
        { name: 'instructions', type: 'text' },
      ],
    },
  ],
};
const content = {
  id: 'RT-1',
  operations: [{ id: '20', name: 'Drive sub-assembly', work_center_class: 'assembly_cell', parameters: [{ name: 'spring_preload_force', unit: 'N', high: 14 }] }],
};

test('diff paths read as labels of the kinds table, with item names and units [P11-02] [ORDO-UI-01]', () => {
  const p = 'operations[id=20].parameters[name=spring_preload_force].high';
  assert.equal(labels.labelPath([routing], 'routing', p, content), 'Operation 20 Drive sub-assembly > Parameter Spring preload force > High');
  assert.equal(
    labels.changeText(routing.fields, { path: p, old: 13.5, new: 14 }, [content]),
    'Operation 20 Drive sub-assembly > Parameter Spring preload force > High: 13.5 -> 14 N',
  );
  // A label the kinds table gives wins over the rule.
  const labelled = structuredClone(routing);
  labelled.fields[2].fields[3].fields[2].label = 'High limit';
  assert.equal(labels.labelPath([labelled], 'routing', p, content), 'Operation 20 Drive sub-assembly > Parameter Spring preload force > High limit');
  // An item not in the content keeps its key; an index path counts from 1; unknown fields by rule.
  assert.equal(labels.labelPath([routing], 'routing', 'operations[id=30].name', content), 'Operation 30 > Name');
  assert.equal(labels.labelPath([routing], 'routing', 'operations[id=20].predecessors[0]', content), 'Operation 20 Drive sub-assembly > Predecessor 1');
  assert.equal(labels.labelPath([routing], 'routing', 'operations[id=20].extra_field', content), 'Operation 20 Drive sub-assembly > Extra field');
  assert.equal(
    labels.changeText(routing.fields, { path: 'operations[id=20].parameters[name=seat_depth]', old: null, new: { name: 'seat_depth' } }, [content]),
    'Operation 20 Drive sub-assembly > Parameter Seat depth: added',
  );
  // A key holding "]" or "." still parses; a malformed path is shown as it is.
  assert.deepEqual(labels.parsePath('a[k=x.y]z].b'), [{ name: 'a', key: { field: 'k', value: 'x.y]z' } }, { name: 'b' }]);
  assert.equal(labels.parsePath('a[.b'), null);
  assert.equal(labels.labelPath([routing], 'routing', 'a[.b', content), 'a[.b');
});

test('choice values, classes and names read as words [ORDO-UI-04]', () => {
  const source = routing.fields[2].fields[3].fields[3];
  assert.equal(labels.valueText('equipment', source), 'Equipment');
  assert.equal(labels.valueText('assembly_cell', routing.fields[2].fields[2]), 'Assembly cell');
  assert.equal(labels.valueText('RT-1', routing.fields[0]), 'RT-1', 'an id stays as written');
  assert.equal(labels.valueText(true), 'yes');
  assert.equal(labels.valueText(null), '(none)');
  assert.equal(labels.humanize('bom'), 'BOM');
  assert.equal(labels.itemNoun({ name: 'characteristics', type: 'object_list' }), 'Characteristic');
  assert.equal(labels.itemNoun({ name: 'ideal_cycle_times', type: 'object_list' }), 'Ideal cycle time');
});

/** Every node type in the tree, and every text, flattened. */
function walk(nodes, acc = { types: new Set(), text: '', hrefs: [] }) {
  for (const n of nodes) {
    acc.types.add(n.t);
    if (n.t === 'text' || n.t === 'code') acc.text += n.text;
    if (n.t === 'link') acc.hrefs.push(n.href);
    for (const k of ['children', 'items']) if (Array.isArray(n[k])) walk(n[k].flat(), acc);
  }
  return acc;
}

test('Markdown instructions parse to headings, lists, emphasis and code [ORDO-UI-03]', () => {
  const tree = md.parseMarkdown('## Kitting\n\n1. Pick **all** parts\n2. Scan `LOT-1`\n   - nested\n\nSee spring_preload_force and *this*.\n\n```\n<b>code</b>\n```');
  assert.deepEqual(tree.map((b) => b.t), ['heading', 'list', 'paragraph', 'code']);
  assert.equal(tree[0].level, 2);
  assert.equal(tree[1].ordered, true);
  assert.equal(tree[1].items.length, 2);
  assert.equal(tree[1].items[1][1].t, 'list', 'a nested list inside the second item');
  assert.deepEqual(tree[2].children.map((n) => n.t), ['text', 'em', 'text'], 'snake_case is not emphasis');
  assert.equal(tree[3].text, '<b>code</b>');
});

test('Markdown is sanitised: raw HTML stays text, only http(s), relative and attachment links [ORDO-UI-03] [P11-02]', () => {
  const sha = 'ab'.repeat(32);
  const src =
    '<script>alert(1)</script> <img src=x onerror=alert(2)>\n\n' +
    '[a](javascript:alert(3)) [b](JaVaScRiPt:alert(4)) [c](java\tscript:alert(5)) [d](data:text/html,x) [e](//evil.example/x) ' +
    '[f](vbscript:x) [g](https://ok.example/p) [h](/relative/page) [i](#anchor) [j](attachment:' + sha + ') ![k](/api/v1/attachments/' + sha + ')';
  const all = walk(md.parseMarkdown(src));
  assert.deepEqual([...all.types].sort(), ['attachment', 'link', 'paragraph', 'text'].sort());
  assert.match(all.text, /<script>alert\(1\)<\/script>/, 'the script tag is text');
  assert.match(all.text, /<img src=x onerror=alert\(2\)>/, 'the img tag is text');
  assert.deepEqual(all.hrefs, ['https://ok.example/p', '/relative/page', '#anchor']);
  for (const bad of ['javascript:x', ' javascript:x', 'java\nscript:x', 'data:x', '//h/x', 'mailto:x', 'file:///etc/passwd', 'c:x', '/\\evil.example', '/\\/evil.example', '\\\\evil.example', '\\/evil.example']) {
    assert.equal(md.safeHref(bad), null, `refused: ${JSON.stringify(bad)}`);
  }
  assert.equal(md.attachmentHash('attachment:' + sha.toUpperCase()), sha);
  assert.equal(md.attachmentHash('attachment:abc'), null);
});

test('Markdown parsing is bounded: deep nesting and long runs of markers give a tree, never an error [ORDO-UI-03]', () => {
  const inputs = [
    '>'.repeat(20000) + ' deep quote',
    '['.repeat(10000) + 'x' + ']'.repeat(10000) + '(https://ok.example)',
    '*'.repeat(20000),
    '*a '.repeat(6000),
    '- '.repeat(3000) + 'item',
    '`'.repeat(7) + 'x` '.repeat(5000),
  ];
  for (const text of inputs) {
    const tree = md.parseMarkdown(text);
    assert.ok(Array.isArray(tree) && tree.length > 0, `a tree for ${JSON.stringify(text.slice(0, 12))}...`);
    assert.ok(!walk(tree).types.has('html'), 'no other node types');
  }
});
