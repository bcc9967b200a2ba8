// The small XML reader the generator uses for GoogleTest and JUnit files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAll, parseXml } from '../lib/xml.mjs';
import { readTables } from '../lib/markdown.mjs';
import { gtestBaseName } from '../lib/results.mjs';

test('elements, attributes, entities, CDATA and comments', () => {
  const root = parseXml(`<?xml version="1.0"?>
<!-- a comment -->
<a x="1 &amp; 2" y='&lt;q&gt;'><b/><c>t&#65;&#x42;<![CDATA[<raw & text>]]></c><!-- <d/> --></a>`);
  assert.equal(root.name, 'a');
  assert.deepEqual(root.attrs, { x: '1 & 2', y: '<q>' });
  assert.deepEqual(root.children.map((c) => c.name), ['b', 'c']);
  assert.equal(root.children[1].text, 'tAB<raw & text>');
  assert.equal(findAll(root, 'd').length, 0);
});

test('malformed XML is an error naming the offset', () => {
  assert.throws(() => parseXml('<a><b></a>'), /does not match/);
  assert.throws(() => parseXml('<a x=1/>'), /bad attribute/);
  assert.throws(() => parseXml('<a>'), /unclosed element <a>/);
});

test('markdown tables: header match, escaped pipes, short rows', () => {
  const rows = readTables('## S\n\n| A | B |\n|---|---|\n| 1 | x \\| y |\n| 2 |\n\n| A | C |\n|---|---|\n| 3 | z |\n', ['A', 'B']);
  assert.equal(rows.length, 2);
  assert.equal(rows[0].B, 'x | y');
  assert.equal(rows[0].heading, 'S');
  assert.match(rows[1].error, /1 cells, the table has 2 columns/);
});

test('ctest names of parameterized GoogleTest tests map to their source test', () => {
  assert.equal(gtestBaseName('upgrade/UpgradeTest.LedgerReadsBack/release_0_1_0'), 'UpgradeTest.LedgerReadsBack');
  assert.equal(gtestBaseName('Suite.Name'), 'Suite.Name');
  assert.equal(gtestBaseName('openapi_lint'), 'openapi_lint');
});
