// Unit tests (no browser, no server) of the MIS web UI's display logic (src/mis/format.ts,
// src/mis/window.ts): rounding half-up on the value's shortest decimal form (as the JSON
// carries it), and the day / week / month / custom windows in UTC and in a site time zone.
// The TypeScript files are compiled with the project's tsc into a temporary directory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WEB_DIR } from './lib/server.mjs';

let out;
let format;
let win;

before(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'ordo-mis-logic-'));
  const tsc = path.join(WEB_DIR, 'node_modules', '.bin', 'tsc');
  const dir = path.join(WEB_DIR, 'src/mis');
  execFileSync(tsc, [
    '--outDir', out, '--rootDir', dir, '--module', 'esnext', '--target', 'es2022',
    '--moduleResolution', 'bundler', '--skipLibCheck', '--strict', '--noEmit', 'false', '--types', '',
    '--lib', 'es2022,dom', '--ignoreConfig',
    path.join(dir, 'format.ts'), path.join(dir, 'window.ts'),
  ], { stdio: 'pipe' });
  writeFileSync(path.join(out, 'package.json'), '{"type":"module"}');
  format = await import(pathToFileURL(path.join(out, 'format.js')).href);
  win = await import(pathToFileURL(path.join(out, 'window.js')).href);
});

after(() => rmSync(out, { recursive: true, force: true }));

test('figures are rounded half-up on their decimal form, for display only [ORDO-MIS-83]', () => {
  const { roundHalfUp, formatValue, formatSeconds } = format;
  // Ties round up, where binary arithmetic (toFixed, Math.round(x * 1000)) would not.
  assert.equal((1.005).toFixed(2), '1.00'); // the binary value lies below the tie
  assert.equal(roundHalfUp(0.8125, 3), '0.813');
  assert.equal(roundHalfUp(1.005, 2), '1.01');
  assert.equal(roundHalfUp(0.14499, 1, 2), '14.5');
  assert.equal(roundHalfUp(0.145, 0, 2), '15'); // 0.145 * 100 is 14.499999999999998
  assert.equal(roundHalfUp(0.77465, 1, 2), '77.5');
  assert.equal(roundHalfUp(0.77449, 1, 2), '77.4');
  assert.equal(roundHalfUp(0.9999, 1, 2), '100.0');
  assert.equal(roundHalfUp(0, 1, 2), '0.0');
  assert.equal(roundHalfUp(1e-9, 1, 2), '0.0');
  assert.equal(roundHalfUp(-0.125, 2), '-0.13'); // away from zero
  assert.equal(roundHalfUp(12345.5, 0), '12346');
  assert.equal(roundHalfUp(7, 2), '7.00');
  assert.equal(formatValue(0.875, '1'), '87.5 %');
  assert.equal(formatValue(null, '1'), '—');
  assert.equal(formatValue(2820, 's'), '47 min');
  assert.equal(formatSeconds(3600), '1 h 00 min');
  assert.equal(formatSeconds(2190.5), '36 min 31 s');
});

test('the window is a UTC day, ISO week (Monday first), month or custom span, [from, to) [ORDO-MIS-83]', () => {
  const { windowOf } = win;
  const c = { kind: 'day', date: '2026-03-04', from: '', to: '' };
  assert.deepEqual(windowOf(c), { from: '2026-03-04T00:00:00Z', to: '2026-03-05T00:00:00Z' });
  assert.deepEqual(windowOf({ ...c, kind: 'week' }), { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' });
  assert.deepEqual(windowOf({ ...c, kind: 'week', date: '2026-03-08' }), { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' });
  assert.deepEqual(windowOf({ ...c, kind: 'month' }), { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });
  assert.deepEqual(windowOf({ ...c, kind: 'month', date: '2026-12-31' }), { from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
  assert.deepEqual(windowOf({ ...c, kind: 'custom', from: '2026-03-02T06:00', to: '2026-03-02T14:00' }),
    { from: '2026-03-02T06:00:00Z', to: '2026-03-02T14:00:00Z' });
  assert.equal(windowOf({ ...c, kind: 'custom', from: '2026-03-02T06:00', to: '' }), null);
  assert.equal(windowOf({ ...c, date: '' }), null);
});

test('in the site time zone, days start at local midnight: 23- and 25-hour days, weeks, months, custom spans [ORDO-MISTZ-14]', () => {
  const { windowOf, utcOfLocal } = win;
  const c = { kind: 'day', date: '2026-03-29', from: '', to: '' };
  // Berlin springs forward on 2026-03-29: a 23-hour day, CET midnight to CEST midnight.
  assert.deepEqual(windowOf(c, 'Europe/Berlin'), { from: '2026-03-28T23:00:00Z', to: '2026-03-29T22:00:00Z' });
  // And falls back on 2026-10-25: 25 hours.
  assert.deepEqual(windowOf({ ...c, date: '2026-10-25' }, 'Europe/Berlin'),
    { from: '2026-10-24T22:00:00Z', to: '2026-10-25T23:00:00Z' });
  // An ISO week and a month of New York, across its own change (2026-03-08).
  assert.deepEqual(windowOf({ ...c, kind: 'week', date: '2026-03-04' }, 'America/New_York'),
    { from: '2026-03-02T05:00:00Z', to: '2026-03-09T04:00:00Z' });
  assert.deepEqual(windowOf({ ...c, kind: 'month', date: '2026-03-31' }, 'America/New_York'),
    { from: '2026-03-01T05:00:00Z', to: '2026-04-01T04:00:00Z' });
  // Custom bounds are local times; Kolkata is +05:30 all year.
  assert.deepEqual(windowOf({ ...c, kind: 'custom', from: '2026-03-02T06:00', to: '2026-03-02T14:00' }, 'Asia/Kolkata'),
    { from: '2026-03-02T00:30:00Z', to: '2026-03-02T08:30:00Z' });
  // A local time in the gap takes the offset before it; one in the fold, the earlier instant.
  assert.equal(new Date(utcOfLocal('Europe/Berlin', Date.UTC(2026, 2, 29, 2, 30))).toISOString(), '2026-03-29T01:30:00.000Z');
  assert.equal(new Date(utcOfLocal('Europe/Berlin', Date.UTC(2026, 9, 25, 2, 30))).toISOString(), '2026-10-25T00:30:00.000Z');
  // UTC stays as it was; a zone the browser does not know gives no window.
  assert.deepEqual(windowOf(c, 'UTC'), { from: '2026-03-29T00:00:00Z', to: '2026-03-30T00:00:00Z' });
  assert.equal(windowOf(c, 'Not/AZone'), null);
});

test('sources read as import rows or ledger entries; a target typed in percent is a fraction [ORDO-MISUI-11] [ORDO-MISUI-16]', () => {
  const { formatSource, parseTargetInput } = format;
  assert.equal(formatSource({ kind: 'ledger', first: 12, last: 12 }), 'ledger entry 12');
  assert.equal(formatSource({ kind: 'ledger', first: 12, last: 14 }), 'ledger entries 12–14');
  assert.equal(formatSource({ kind: 'import', file_hash: 'a'.repeat(64), first: 2, last: 3 }), `${'a'.repeat(12)}… rows 2–3`);
  assert.equal(parseTargetInput('85', '1'), 0.85);
  assert.equal(parseTargetInput('92.5', '1'), 0.925);
  assert.equal(parseTargetInput(' 0,5 ', '1'), 0.005);
  assert.equal(parseTargetInput('3600', 's'), 3600);
  assert.equal(parseTargetInput('ninety', '1'), null);
  assert.equal(parseTargetInput('', '1'), null);
  assert.equal(parseTargetInput('1e3', '1'), null);
});
