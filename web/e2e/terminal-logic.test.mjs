// Unit tests (no browser, no server) of the operator terminal's pure logic: the instant
// in/out feedback on a typed value (src/features/terminal/limits.ts), the normalisation of
// what a barcode scanner types (scan.ts) and the refusal headings (refusals.ts). The
// TypeScript files are compiled with the project's tsc into a temporary directory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WEB_DIR } from './lib/server.mjs';

let out;
let limits;
let scan;
let refusals;

before(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'ordo-terminal-logic-'));
  const tsc = path.join(WEB_DIR, 'node_modules', '.bin', 'tsc');
  const dir = path.join(WEB_DIR, 'src/features/terminal');
  execFileSync(tsc, [
    '--outDir', out, '--rootDir', dir, '--module', 'esnext', '--target', 'es2022',
    '--moduleResolution', 'bundler', '--skipLibCheck', '--strict', '--noEmit', 'false', '--types', '',
    '--lib', 'es2022,dom', '--ignoreConfig',
    path.join(dir, 'limits.ts'), path.join(dir, 'scan.ts'), path.join(dir, 'refusals.ts'),
  ], { stdio: 'pipe' });
  writeFileSync(path.join(out, 'package.json'), '{"type":"module"}');
  const load = (name) => import(pathToFileURL(path.join(out, `${name}.js`)).href);
  [limits, scan, refusals] = await Promise.all([load('limits'), load('scan'), load('refusals')]);
});

after(() => rmSync(out, { recursive: true, force: true }));

test('a typed value is in or out of its limits at once, a limit itself is inside [ORDO-TERM-01]', () => {
  const impeller = { low: 130, high: 170, target: 150, unit: 'rpm', critical: true };
  assert.equal(limits.evaluate('150', impeller).state, 'in');
  assert.equal(limits.evaluate('130', impeller).state, 'in');
  assert.equal(limits.evaluate('170', impeller).state, 'in');
  assert.equal(limits.evaluate('129.9', impeller).state, 'low');
  const high = limits.evaluate('171', impeller);
  assert.equal(high.state, 'high');
  assert.match(high.text, /high limit 170 rpm/);
  assert.match(high.text, /deviation/, 'a critical parameter says completion is blocked');
  const noncritical = limits.evaluate('1', { low: 5, high: 7, unit: 'kg/min' });
  assert.match(noncritical.text, /exception/);
  assert.doesNotMatch(noncritical.text, /deviation/);
  assert.equal(limits.evaluate('', impeller).state, 'empty');
  assert.match(limits.evaluate('', impeller).text, /130 to 170 rpm/);
  assert.equal(limits.evaluate('abc', impeller).state, 'invalid');
  assert.equal(limits.evaluate('1e', impeller).state, 'invalid');
  assert.equal(limits.evaluate('0,45', { low: 0.36, high: 0.54 }).state, 'in', 'a decimal comma is a decimal point');
  assert.equal(limits.evaluate('-1', { low: 0 }).state, 'low');
  assert.equal(limits.describeLimits({ high: 0.5, unit: '%' }), 'at most 0.5 %');
  assert.equal(limits.describeLimits({}), 'no limits');
});

test('a scan is normalised as the scanner meant it: line end trimmed, GS stand-ins made GS [ORDO-TERM-02]', () => {
  const GS = '\u001d';
  assert.equal(scan.normaliseScan('LOT-API-0001\r\n'), 'LOT-API-0001');
  assert.equal(scan.normaliseScan(']d2010400638133393110ABC<GS>17271231'), `]d2010400638133393110ABC${GS}17271231`);
  assert.equal(scan.normaliseScan('0104006381333931{GS}17271231'), `0104006381333931${GS}17271231`);
  assert.equal(scan.looksLikeGs1(']C10104006381333931'), true);
  assert.equal(scan.looksLikeGs1('(01)04006381333931(10)A1'), true);
  assert.equal(scan.looksLikeGs1(`0104006381333931${GS}`), true);
  assert.equal(scan.looksLikeGs1('LOT-API-0001'), false);
  assert.equal(scan.showScan(`A${GS}B`), 'A\u241dB');
});

test('every refusal code has an operator heading; an unknown code still gets one [ORDO-TERM-03]', () => {
  for (const code of ['wrong_material', 'not_qualified', 'deviation_required', 'verification_required', 'same_person',
    'lot_expired', 'calibration_overdue', 'instructions_not_acknowledged', 'missing_data']) {
    const t = refusals.refusalText(code);
    assert.ok(t.heading.length > 0 && t.next.length > 0, code);
    assert.notEqual(t.heading, 'Not possible now', code);
  }
  assert.equal(refusals.refusalText('something_new').heading, 'Not possible now');
  assert.equal(refusals.refusalText(undefined).heading, 'Not possible now');
});
