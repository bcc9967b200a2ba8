// Unit tests (no browser, no server) of the trend page's pure logic
// (src/features/telemetry/trend.ts): the points of a values answer (raw values, minutes
// compacted by retention, steps), the summary against the limits, and the chart's columns;
// the custom range's parsing and checks, the step by span, the sliding window, the view in
// the hash query and the rule for live reads (spans, and a custom range until its To); the
// instants a link may name, and the custom inputs around the clock changes (in a child
// process with TZ=Europe/Berlin).
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
  assert.equal(trend.isLive(r.view, r.view.to), false, 'a window read at or after its end does not follow the clock');
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
  assert.equal(trend.isLive(shift, Date.UTC(9999, 0, 1)), true, 'a span is always live');
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
  const span = { kind: 'span', range: trend.RANGES[0] };
  const base = { paused: false, hidden: false, inFlight: false, lastStart: 1000 };
  assert.equal(trend.refreshDue(span, base, 5999, 5000), false, 'not yet');
  assert.equal(trend.refreshDue(span, base, 6000, 5000), true, 'due');
  assert.equal(trend.refreshDue(span, { ...base, inFlight: true }, 60_000, 5000), false, 'one request at a time');
  assert.equal(trend.refreshDue(span, { ...base, paused: true }, 60_000, 5000), false, 'paused');
  assert.equal(trend.refreshDue(span, { ...base, hidden: true }, 60_000, 5000), false, 'tab hidden');
  // A range that had ended when it was read: never again.
  const past = { kind: 'custom', from: 0, to: 500 };
  assert.equal(trend.isLive(past, 1000), false);
  assert.equal(trend.refreshDue(past, base, 60_000, 5000), false, 'a custom range in the past');
});

test('a custom range whose To is ahead is read again on the same rule, its window fixed, until one read has started at or after To [ORDO-TREND-32] [ORDO-TREND-33]', () => {
  // A shift in progress: 06:00 to 14:00 (UTC here), now 10:00.
  const from = Date.UTC(2026, 11, 2, 6);
  const to = Date.UTC(2026, 11, 2, 14);
  const shift = { kind: 'custom', from, to };
  assert.equal(trend.liveUntil(shift), to);
  assert.equal(trend.liveUntil({ kind: 'span', range: trend.RANGES[1] }), Infinity);
  const t0 = Date.UTC(2026, 11, 2, 10);
  const base = { paused: false, hidden: false, inFlight: false, lastStart: t0 };
  assert.equal(trend.isLive(shift, t0), true, 'live while To is ahead');
  assert.equal(trend.refreshDue(shift, base, t0 + 4999, 5000), false, 'not yet');
  assert.equal(trend.refreshDue(shift, base, t0 + 5000, 5000), true, 'due after 5 s, before To');
  // The window does not slide: every read asks From..To, with the step of the whole range.
  assert.deepEqual(trend.windowOf(shift, t0), { from, to, step: 60 });
  assert.deepEqual(trend.windowOf(shift, t0 + 5000), trend.windowOf(shift, t0));
  // The same rules as a span.
  for (const [k, why] of [['inFlight', 'one request at a time'], ['paused', 'paused'], ['hidden', 'tab hidden']])
    assert.equal(trend.refreshDue(shift, { ...base, [k]: true }, t0 + 60_000, 5000), false, why);
  // The last read before To started 2 s before it: the next one, due 3 s after To, is the last.
  const beforeEnd = { ...base, lastStart: to - 2000 };
  assert.equal(trend.isLive(shift, to - 2000), true);
  assert.equal(trend.refreshDue(shift, beforeEnd, to - 1, 5000), false, 'not yet due at To');
  assert.equal(trend.refreshDue(shift, beforeEnd, to + 2999, 5000), false, 'still the 5 s rule past To');
  assert.equal(trend.refreshDue(shift, beforeEnd, to + 3000, 5000), true, 'one read after To completes the tail');
  // Hidden or paused across To: the final read once visible or resumed.
  assert.equal(trend.refreshDue(shift, { ...beforeEnd, hidden: true }, to + 60_000, 5000), false);
  assert.equal(trend.refreshDue(shift, beforeEnd, to + 60_000, 5000), true, 'the final read is still owed');
  // That read has started (at or after To): never due again, however long after.
  const ended = { ...base, lastStart: to + 3000 };
  assert.equal(trend.isLive(shift, to + 3000), false, 'not live once a read started at or after To');
  assert.equal(trend.isLive(shift, to), false, 'a read starting exactly at To is the last');
  for (const now of [to + 8000, to + 3600_000, to + 366 * 24 * 3600_000])
    assert.equal(trend.refreshDue(shift, ended, now, 5000), false, `not due ${(now - to) / 1000} s after To`);
});

test('a link names instants: ISO 8601 with Z or an offset, or epoch ms, in the years 1970..9999; anything else is the link error and the last hour [ORDO-TREND-27] [ORDO-TREND-28]', () => {
  const from = Date.UTC(2026, 11, 1, 8, 0, 0);
  const to = Date.UTC(2026, 11, 1, 9, 30, 0);
  assert.deepEqual(trend.viewOfQuery(`from=${from}&to=${to}`).view, { kind: 'custom', from, to }, 'epoch ms');
  assert.deepEqual(trend.viewOfQuery(`from=2026-12-01T08:00:00.123456Z&to=${encodeURIComponent('2026-12-01T10:30:00+01:00')}`).view, { kind: 'custom', from: from + 123, to });
  assert.equal(trend.instantOfLink('2026-12-01T08:00:00Z'), from);
  assert.equal(trend.instantOfLink('2026-12-01T09:00:00+0100'), from);
  for (const [query, message] of [
    // Past year 9999: new Date(9e15).toISOString() throws; the page must not get there.
    ['from=9000000000000000&to=9000000000000001', /From: enter a date and time between 1970 and 9999/],
    [`from=${from}&to=300000000000000`, /To: enter a date and time between 1970 and 9999/],
    ['from=99999999999999999999&to=99999999999999999999', /From: enter a date and time/],
    ['from=1969-12-31T23:00:00Z&to=1970-01-01T00:30:00Z', /From: enter a date and time between 1970 and 9999/],
    [`from=${encodeURIComponent('+275760-09-13T00:00:00Z')}&to=${encodeURIComponent('+275760-09-13T00:00:01Z')}`, /From: enter a date and time/],
    // Without Z or an offset a time would mean another instant in every time zone.
    ['from=2026-12-01T08:00:00&to=2026-12-01T09:00:00Z', /From: enter a date and time/],
    ['from=2026-12-01T08:00:00Z&to=2026-12-01', /To: enter a date and time/],
    ['from=Tue, 01 Dec 2026 08:00:00 GMT&to=2026-12-01T09:00:00Z', /From: enter a date and time/],
    ['from=2026-02-30T08:00:00Z&to=2026-03-05T09:00:00Z', /From: enter a date and time/],
  ]) {
    const r = trend.viewOfQuery(query);
    assert.deepEqual(r.view, trend.DEFAULT_VIEW, query);
    assert.match(r.error, /^The link's range cannot be shown: /, query);
    assert.match(r.error, message, query);
  }
  // The custom inputs keep to the same years.
  assert.match(trend.customView('0500-01-01T00:00', '0500-01-02T00:00').error, /^From: enter a date and time between 1970 and 9999/);
});

// The DST cases run in a child process with the browser time zone Europe/Berlin (CET/CEST):
// 2026-03-29 02:00 -> 03:00 (02:xx does not exist), 2026-10-25 03:00 -> 02:00 (02:xx twice).
function inZone(tz, body) {
  const script = path.join(out, `zone-${tz.replace(/\W/g, '_')}.mjs`);
  writeFileSync(script, `import * as trend from './trend.js';\nconst r = (${body.toString()})(trend);\nprocess.stdout.write(JSON.stringify(r));\n`);
  return JSON.parse(execFileSync(process.execPath, [script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' }));
}

test('around the clock changes (Europe/Berlin): a skipped local time is named as such, and the filled From/To of the hour that repeats keep their instants [ORDO-TREND-29]', () => {
  const r = inZone('Europe/Berlin', (trend) => {
    // "Last hour" at 02:45 CET (the second 02:45): from 02:45 CEST to 02:45 CET.
    const to = Date.UTC(2026, 9, 25, 1, 45);
    const from = to - 3600_000;
    const filled = { from: { text: trend.toLocalInput(from), ms: from }, to: { text: trend.toLocalInput(to), ms: to } };
    return {
      offset: new Date(to).getTimezoneOffset(),
      texts: [filled.from.text, filled.to.text],
      unchanged: trend.customView(filled.from.text, filled.to.text, filled),
      typed: trend.customView('2026-10-25T02:45', '2026-10-25T03:30', filled),
      textOnly: trend.customView(filled.from.text, filled.to.text),
      gapFrom: trend.customView('2026-03-29T02:30', '2026-03-29T04:00'),
      gapTo: trend.customView('2026-03-29T01:00', '2026-03-29T02:00:30'),
      skipped: [trend.localTimeSkipped('2026-03-29T02:30'), trend.localTimeSkipped('2026-03-29T03:00'), trend.localTimeSkipped('2026-02-30T02:30'), trend.localTimeSkipped('nonsense')],
      beforeGap: trend.parseLocalInput('2026-03-29T01:59:59'),
      afterGap: trend.parseLocalInput('2026-03-29T03:00'),
      notDate: trend.customView('2026-02-30T10:00', '2026-03-05T10:00').error,
      from,
      to,
    };
  });
  assert.equal(r.offset, -60, 'the child runs in CET');
  assert.deepEqual(r.texts, ['2026-10-25T02:45:00', '2026-10-25T02:45:00'], 'both ends show 02:45');
  assert.deepEqual(r.unchanged, { view: { kind: 'custom', from: r.from, to: r.to }, error: '' }, 'unchanged inputs keep the instants they were filled with');
  // A text typed anew is read in browser time; in the repeated hour that is the first (CEST) 02:45.
  assert.deepEqual(r.typed.view, { kind: 'custom', from: Date.UTC(2026, 9, 25, 0, 45), to: Date.UTC(2026, 9, 25, 2, 30) });
  assert.match(r.textOnly.error, /To must be after From/, 'the texts alone name one instant');
  assert.equal(r.gapFrom.view, null);
  assert.match(r.gapFrom.error, /^From: 2026-03-29 02:30 does not exist in local time: the clock skips it/);
  assert.match(r.gapTo.error, /^To: 2026-03-29 02:00:30 does not exist in local time: the clock skips it/);
  assert.deepEqual(r.skipped, [true, false, false, false]);
  assert.equal(r.afterGap - r.beforeGap, 1000, 'the clock jumps from 01:59:59 to 03:00');
  assert.match(r.notDate, /^From: enter a date and time\./, 'a date not of the calendar is not a skipped time');
});
