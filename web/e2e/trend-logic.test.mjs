// Unit tests (no browser, no server) of the trend page's pure logic
// (src/features/telemetry/trend.ts): the points of a values answer (raw values, minutes
// compacted by retention, steps), the summary against the limits, and the chart's columns.
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
let trend;

before(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'ordo-trend-logic-'));
  const tsc = path.join(WEB_DIR, 'node_modules', '.bin', 'tsc');
  const dir = path.join(WEB_DIR, 'src/features/telemetry');
  execFileSync(tsc, [
    '--outDir', out, '--rootDir', dir, '--module', 'esnext', '--target', 'es2022',
    '--moduleResolution', 'bundler', '--skipLibCheck', '--strict', '--noEmit', 'false', '--types', '',
    '--lib', 'es2022,dom', '--ignoreConfig',
    path.join(dir, 'trend.ts'), path.join(dir, 'types.ts'),
  ], { stdio: 'pipe' });
  writeFileSync(path.join(out, 'package.json'), '{"type":"module"}');
  trend = await import(pathToFileURL(path.join(out, 'trend.js')).href);
});

after(() => rmSync(out, { recursive: true, force: true }));

const base = { tag: 'T', unit: 'kN', low: 10, high: 90, from: '2026-12-01T00:00:00Z', to: '2026-12-01T01:00:00Z' };

test('raw values and compacted minutes become points; the summary weighs a minute by its count [ORDO-UI-96] [ORDO-TEL-31]', () => {
  const v = {
    ...base,
    step: 0,
    steps: [],
    values: [
      { time: '2026-12-01T00:00:00Z', value: 50, count: 60, min: 5, max: 80 },
      { time: '2026-12-01T00:01:10Z', value: 20 },
      { time: '2026-12-01T00:01:20Z', value: 95 },
    ],
  };
  const points = trend.pointsOf(v);
  assert.equal(points.length, 3);
  assert.equal(points[0].group, true);
  assert.equal(points[1].group, false);
  const s = trend.summarize(points, 10, 90);
  assert.equal(s.count, 62);
  assert.equal(s.min, 5);
  assert.equal(s.max, 95);
  assert.equal(s.avg, (50 * 60 + 20 + 95) / 62);
  assert.equal(s.outside, 2, 'the minute holding 5 and the value 95');
  assert.equal(s.last, 95);
  assert.equal(trend.isGrouped(points), true);
  const cols = trend.seriesOf(points, 10, 90);
  assert.equal(cols.length, 7, 'x, value, min, max, low, high, marks');
  assert.deepEqual(cols[4], [10, 10, 10]);
  assert.deepEqual(cols[5], [90, 90, 90]);
  assert.deepEqual(cols[6], [5, null, 95]);
});

test('steps without values are left out; raw values draw no min/max columns [ORDO-UI-94] [ORDO-UI-95]', () => {
  const v = {
    ...base,
    step: 60,
    values: [],
    steps: [
      { from: '2026-12-01T00:00:00Z', to: '2026-12-01T00:01:00Z', count: 0, min: null, max: null, avg: null },
      { from: '2026-12-01T00:01:00Z', to: '2026-12-01T00:02:00Z', count: 3, min: 40, max: 60, avg: 50 },
    ],
  };
  const points = trend.pointsOf(v);
  assert.equal(points.length, 1);
  assert.equal(points[0].t, Date.parse('2026-12-01T00:01:00Z'));
  assert.equal(trend.summarize(points, 10, 90).outside, 0);
  const raw = trend.pointsOf({ ...base, step: 0, steps: [], values: [{ time: '2026-12-01T00:00:00Z', value: 3 }] });
  assert.equal(trend.seriesOf(raw, null, 90).length, 5, 'x, value, low, high, marks');
  assert.deepEqual(trend.seriesOf(raw, null, 90)[2], [null], 'no low limit: no line');
  assert.equal(trend.outOfLimits(raw[0], null, 90), false);
  assert.equal(trend.outOfLimits(raw[0], 5, null), true);
  assert.equal(trend.formatValue(54.26666666, 'kN'), '54.2667 kN');
  assert.equal(trend.formatValue(null), '-');
  const empty = trend.summarize([], 1, 2);
  assert.equal(empty.count, 0);
  assert.equal(empty.avg, null);
});
