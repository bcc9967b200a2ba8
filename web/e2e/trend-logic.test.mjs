// Unit tests (no browser, no server) of the trend page's pure logic
// (src/features/telemetry/trend.ts): the points of a values answer (raw values, minutes
// compacted by retention, steps), the summary against the limits, and the chart's columns;
// the custom range's parsing and checks, the step by span, the sliding window, the view in
// the hash query and the rule for live reads.
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

// The custom range and the live window (issue 12, section 4/5: live and custom range).

test('a custom range is read from the two datetime-local inputs in browser time and checked [ORDO-TREND-20] [ORDO-TREND-21]', () => {
  const r = trend.customView('2026-12-01T08:00', '2026-12-01T10:30:15');
  assert.equal(r.error, '');
  assert.deepEqual(r.view, { kind: 'custom', from: new Date(2026, 11, 1, 8, 0, 0).getTime(), to: new Date(2026, 11, 1, 10, 30, 15).getTime() });
  assert.equal(trend.isLive(r.view), false, 'a fixed window does not follow the clock');
  const refused = [
    [['', '2026-12-01T10:00'], /^From: enter a date and time/],
    [['2026-12-01T10:00', ''], /^To: enter a date and time/],
    [['2026-02-30T10:00', '2026-03-05T10:00'], /^From: enter a date and time/],
    [['yesterday', '2026-12-01T10:00'], /^From/],
    [['2026-12-01T10:00', '2026-12-01T10:00'], /To must be after From/],
    [['2026-12-01T10:00', '2026-12-01T09:59:59'], /To must be after From/],
    [['2025-01-01T00:00', '2026-01-03T00:00'], /at most 366 days/],
  ];
  for (const [[from, to], message] of refused) {
    const x = trend.customView(from, to);
    assert.equal(x.view, null, `${from}..${to} is refused`);
    assert.match(x.error, message, `${from}..${to}`);
  }
  // 366 days exactly is accepted (from midnight to midnight, in UTC to stay clear of DST).
  assert.equal(trend.rangeError(Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 2)), '');
  assert.match(trend.rangeError(Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 2) + 1), /366 days/);
  // The inputs are filled with the window shown, in the same form they are read.
  const t = new Date(2026, 11, 1, 9, 5, 7).getTime();
  assert.equal(trend.toLocalInput(t), '2026-12-01T09:05:07');
  assert.equal(trend.parseLocalInput(trend.toLocalInput(t)), t);
});

test('the step follows the span: raw to an hour, per minute to 8 h, per 5 min to a day, then at most 500 steps [ORDO-TREND-20]', () => {
  assert.equal(trend.stepFor(60), 0);
  assert.equal(trend.stepFor(3600), 0);
  assert.equal(trend.stepFor(3601), 60);
  assert.equal(trend.stepFor(8 * 3600), 60);
  assert.equal(trend.stepFor(8 * 3600 + 1), 300);
  assert.equal(trend.stepFor(24 * 3600), 300);
  assert.equal(trend.stepFor(2 * 24 * 3600), 900);
  assert.equal(trend.stepFor(7 * 24 * 3600), 1800, 'a week: 336 steps of 30 min');
  assert.equal(trend.stepFor(366 * 24 * 3600), 86400);
  // The spans offered keep their steps (the same rule).
  for (const r of trend.RANGES) assert.equal(trend.stepFor(r.seconds), r.step, r.id);
  for (const days of [1.5, 3, 30, 90, 200, 366]) {
    const s = days * 24 * 3600;
    assert.ok(s / trend.stepFor(s) <= 500, `${days} days: ${s / trend.stepFor(s)} steps`);
  }
  const custom = { kind: 'custom', from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 1, 2) };
  assert.deepEqual(trend.windowOf(custom, Date.UTC(2026, 11, 1)), { from: custom.from, to: custom.to, step: 60 }, 'a custom window does not move');
});

test('a span slides with the clock: every window ends at now [ORDO-TREND-23]', () => {
  const shift = { kind: 'span', range: trend.RANGES[1] };
  assert.equal(trend.isLive(shift), true);
  const t0 = Date.UTC(2026, 11, 1, 10, 0, 0);
  const a = trend.windowOf(shift, t0);
  const b = trend.windowOf(shift, t0 + 5000);
  assert.deepEqual(a, { from: t0 - 8 * 3600 * 1000, to: t0, step: 60 });
  assert.equal(b.from - a.from, 5000, 'the start moves with now');
  assert.equal(b.to - a.to, 5000);
  assert.equal(b.to - b.from, 8 * 3600 * 1000, 'the span stays');
});

test('the view is kept in the hash query: spans, custom ranges, and links that name none [ORDO-TREND-22]', () => {
  const from = Date.UTC(2026, 11, 1, 8, 0, 0);
  const to = Date.UTC(2026, 11, 1, 9, 30, 0);
  const custom = { kind: 'custom', from, to };
  const q = trend.queryOf(custom);
  assert.equal(q, 'from=2026-12-01T08%3A00%3A00.000Z&to=2026-12-01T09%3A30%3A00.000Z');
  assert.deepEqual(trend.viewOfQuery(q), { view: custom, error: '' });
  for (const r of trend.RANGES) {
    const v = { kind: 'span', range: r };
    assert.deepEqual(trend.viewOfQuery(trend.queryOf(v)), { view: v, error: '' });
  }
  assert.deepEqual(trend.viewOfQuery(''), { view: trend.DEFAULT_VIEW, error: '' });
  assert.equal(trend.DEFAULT_VIEW.range.id, 'hour');
  // Offsets and epoch ms mean the same instant.
  assert.deepEqual(trend.viewOfQuery(`from=${encodeURIComponent('2026-12-01T09:00:00+01:00')}&to=${to}`).view, custom);
  // A link that names no valid view: the last hour, and why.
  for (const [query, message] of [
    ['range=week', /range must be one of hour, shift, day/],
    ['from=2026-12-01T10:00:00Z', /To: enter a date and time/],
    ['from=nonsense&to=2026-12-01T10:00:00Z', /From: enter a date and time/],
    ['from=2026-12-01T10:00:00Z&to=2026-12-01T09:00:00Z', /To must be after From/],
    ['from=2020-01-01T00:00:00Z&to=2026-12-01T00:00:00Z', /at most 366 days/],
  ]) {
    const r = trend.viewOfQuery(query);
    assert.deepEqual(r.view, trend.DEFAULT_VIEW, query);
    assert.match(r.error, /^The link's range cannot be shown: /, query);
    assert.match(r.error, message, query);
  }
});

test('a live view is read again when due, never while a read is in flight, paused or hidden [ORDO-TREND-24] [ORDO-TREND-25]', () => {
  const base = { live: true, paused: false, hidden: false, inFlight: false, lastStart: 1000 };
  assert.equal(trend.refreshDue(base, 5999, 5000), false, 'not yet');
  assert.equal(trend.refreshDue(base, 6000, 5000), true, 'due');
  assert.equal(trend.refreshDue({ ...base, inFlight: true }, 60_000, 5000), false, 'one request at a time');
  assert.equal(trend.refreshDue({ ...base, paused: true }, 60_000, 5000), false, 'paused');
  assert.equal(trend.refreshDue({ ...base, hidden: true }, 60_000, 5000), false, 'tab hidden');
  assert.equal(trend.refreshDue({ ...base, live: false }, 60_000, 5000), false, 'a custom range');
});
