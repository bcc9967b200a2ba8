// Browser end-to-end test of the trend of a process value (docs/telemetry.md), against the
// real ordo binary: an engineer defines a tag with limits, a REST source ingests samples
// (two of them out of limits), and an operator opens the trend from the equipment board:
// the uPlot chart renders with the low and high limit lines, the summary numbers match the
// samples, the table fallback marks the out-of-limit values, a longer range asks per
// minute, and the page passes the accessibility checks. Then the custom range (from/to in
// a browser in UTC+05:30: exactly its values, kept in the link and across a reload, bad
// ranges refused without changing the view), the live trend (a value sent after the page
// opened appears; pause and resume) and its reads under a controlled page clock (one in
// flight at most, none while hidden or paused, aborted when the page goes); a custom range
// whose To is ahead (read again until one read after To, then never); another tag by hash
// (nothing of the previous one), links the page cannot show, and the per-minute fallback on
// too_many_values only.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';
import { api, tokenFor } from './lib/worklist-api.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');
const UNIT = 'WU-PRESS-01';
const TAG = 'press.force';

let server = null;
let browser = null;
let page = null;
const pageErrors = [];

async function ok(method, route, body, token, status = 200) {
  const r = await api(server, method, route, body, token);
  assert.equal(r.status, status, `${method} ${route}: ${JSON.stringify(r.json)}`);
  return r.json;
}

// 30 samples, one a minute over the last half hour: 40, 41, ... with two out of the
// limits 10..90 (5 and 95).
const VALUES = Array.from({ length: 30 }, (_, i) => (i === 7 ? 5 : i === 20 ? 95 : 40 + i));

before(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  server = await startOrdo();
  const engineer = await tokenFor(server, 'engineer', server.users.engineer.password);
  const source = await ok('POST', '/sources', { name: 'press-gw', kind: 'rest', work_units: [UNIT] }, engineer, 201);
  await ok('POST', '/tags', { name: TAG, work_unit: UNIT, unit: 'kN', description: 'press force', low: 10, high: 90 }, engineer, 201);
  const now = Date.now();
  const samples = VALUES.map((value, i) => ({ tag: TAG, time: new Date(now - (30 - i) * 60_000).toISOString(), value }));
  const reply = await ok('POST', '/equipment-data', { source: 'press-gw', seq: 1, samples }, source.api_key);
  assert.equal(reply.samples, 30);
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  page = browser.page;
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(server.baseUrl + '/');
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop();
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages');
});

test('[ORDO-UI-93] [ORDO-UI-94] [ORDO-UI-95] [ORDO-UI-96] [ORDO-UI-97] [ORDO-UI-98] an operator opens a tag trend from the board: chart, limit lines, out-of-limit points, summary and table', { timeout: 120_000 }, async () => {
  await signIn(page, 'operator', server.users.operator.password);
  await page.getByTestId('nav-equipment').click();
  await page.getByTestId(`eq-trends-${UNIT}`).click();
  await page.getByTestId('page-tags').waitFor({ state: 'visible' });
  const row = page.getByTestId(`tags-unit-${UNIT}`);
  await row.waitFor({ state: 'visible' });
  const rowText = await row.innerText();
  assert.match(rowText, /press force/);
  assert.match(rowText, /kN/);
  await checkA11y(page, 'telemetry-tags');
  await page.getByTestId(`tag-link-${TAG}`).click();
  await page.getByTestId('page-trend').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('tr-tag').innerText(), TAG);
  assert.equal(await page.getByTestId('tr-range-hour').getAttribute('aria-pressed'), 'true');

  // The chart: a uPlot canvas, with the limits as series of their own.
  const chart = page.getByTestId('tr-chart');
  await chart.locator('.uplot canvas').first().waitFor({ state: 'visible' });
  assert.equal(await chart.getAttribute('data-low'), '10');
  assert.equal(await chart.getAttribute('data-high'), '90');
  assert.equal(await chart.getAttribute('data-points'), '30');
  const legend = await chart.locator('.u-legend').innerText();
  for (const label of ['Value (kN)', 'Low limit', 'High limit', 'Out of limits']) assert.ok(legend.includes(label), `legend shows ${label}: ${legend}`);
  // The limit lines and the marks are drawn: uPlot draws a shown series' path on the
  // canvas; the canvas is not blank and is as wide as its box.
  const painted = await chart.locator('.uplot canvas').first().evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n += 1;
    return n;
  });
  assert.ok(painted > 1000, `the chart is drawn (${painted} pixels)`);

  // The summary matches the samples.
  const inLimits = VALUES.filter((v) => v >= 10 && v <= 90);
  assert.equal(inLimits.length, 28);
  assert.equal(await page.getByTestId('tr-count').innerText(), '30');
  assert.equal(await page.getByTestId('tr-min').innerText(), '5 kN');
  assert.equal(await page.getByTestId('tr-max').innerText(), '95 kN');
  const avg = VALUES.reduce((a, b) => a + b, 0) / VALUES.length;
  assert.equal(await page.getByTestId('tr-avg').innerText(), `${Number(avg.toFixed(4))} kN`);
  assert.equal(await page.getByTestId('tr-last').innerText(), `${VALUES[29]} kN`);
  assert.equal(await page.getByTestId('tr-limits').innerText(), '10 kN to 90 kN');
  assert.equal(await page.getByTestId('tr-outside').innerText(), '2');
  const figureName = await chart.getAttribute('aria-label');
  assert.match(figureName, /30 values from 5 kN to 95 kN/);
  assert.match(figureName, /2 out of limits/);

  // The table fallback: every value, the two out of limits marked in words.
  await page.getByTestId('tr-table-toggle').click();
  const table = page.getByTestId('tr-table');
  await table.waitFor({ state: 'visible' });
  assert.equal(await table.locator('tbody tr').count(), 30);
  assert.equal(await table.locator('tbody tr', { hasText: 'out of limits' }).count(), 2);
  await checkA11y(page, 'telemetry-trend');
  await page.screenshot({ path: path.join(OUT_DIR, 'telemetry-trend.png'), fullPage: true });

  // The shift asks per minute: the same values, as groups with min, max and count.
  await page.getByTestId('tr-range-shift').click();
  await page.locator('[data-testid="tr-range-shift"][aria-pressed="true"]').waitFor();
  await page.locator('[data-testid="tr-table"] th', { hasText: 'Count' }).waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('tr-count').innerText(), '30');
  assert.equal(await page.getByTestId('tr-min').innerText(), '5 kN');
  assert.equal(await page.getByTestId('tr-max').innerText(), '95 kN');
  assert.equal(await page.getByTestId('tr-outside').innerText(), '2');
  await chart.locator('.uplot canvas').first().waitFor({ state: 'visible' });
  const grouped = await chart.locator('.u-legend').innerText();
  assert.ok(grouped.includes('Min') && grouped.includes('Max'), `per step the legend shows min and max: ${grouped}`);
  await checkA11y(page, 'telemetry-trend-shift');
});

// The custom range and the live trend (issue 12, section 4/5). Each test has its own tag
// and REST source, and its own browser.

/** Waits (polling the DOM) until the element's text is `text`. */
async function waitText(p, testId, text, timeout = 20_000) {
  await p.waitForFunction(
    ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === want,
    [testId, text],
    { timeout },
  );
}

/** Epoch ms as the browser's datetime-local value (its own time zone). */
const localInput = (p, ms) =>
  p.evaluate((t) => {
    const d = new Date(t);
    const pad = (n) => String(n).padStart(2, '0');
    // As Chromium keeps the value: no seconds when they are 0.
    const s = d.getSeconds() ? `:${pad(d.getSeconds())}` : '';
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}${s}`;
  }, ms);

async function defineTag(tag, unit, sourceName, unitName) {
  const engineer = await tokenFor(server, 'engineer', server.users.engineer.password);
  const source = await ok('POST', '/sources', { name: sourceName, kind: 'rest', work_units: [unitName] }, engineer, 201);
  await ok('POST', '/tags', { name: tag, work_unit: unitName, unit, description: tag, low: 10, high: 90 }, engineer, 201);
  let seq = 0;
  return async (samples) => {
    seq += 1;
    const reply = await ok('POST', '/equipment-data', { source: sourceName, seq, samples: samples.map(([time, value]) => ({ tag, time: new Date(time).toISOString(), value })) }, source.api_key);
    assert.equal(reply.samples, samples.length);
  };
}

test('[ORDO-TREND-20] [ORDO-TREND-21] [ORDO-TREND-22] [ORDO-TREND-26] a custom range in local time shows exactly its values, is kept in the link, and a bad range changes nothing', { timeout: 180_000 }, async () => {
  const tag = 'press.temp';
  const post = await defineTag(tag, 'C', 'press-gw-temp', UNIT);
  // 12 samples two days ago, one every 10 minutes: 20, 21, ... 31.
  const base = Math.floor((Date.now() - 2 * 24 * 3600_000) / 60_000) * 60_000;
  const at = (i) => base + i * 600_000;
  await post(Array.from({ length: 12 }, (_, i) => [at(i), 20 + i]));
  // A browser in another time zone (UTC+05:30): the inputs are its local time.
  const b = await launchBrowser({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Kolkata' });
  const errors = [];
  b.page.on('pageerror', (err) => errors.push(String(err)));
  try {
    const p = b.page;
    await p.goto(server.baseUrl + '/');
    await signIn(p, 'operator', server.users.operator.password);
    await p.goto(`${server.baseUrl}/#/tags/${encodeURIComponent(tag)}`);
    await p.getByTestId('page-trend').waitFor({ state: 'visible' });
    await waitText(p, 'tr-count', '0');
    assert.equal(await p.getByTestId('tr-live').getAttribute('data-live'), 'on', 'the last hour is live');

    // From the 3rd sample (included) to the 7th (excluded): 22, 23, 24, 25, raw.
    await p.getByLabel('From (local time)').fill(await localInput(p, at(2)));
    await p.getByLabel('To (local time)').fill(await localInput(p, at(6)));
    await p.getByTestId('tr-custom-show').click();
    await waitText(p, 'tr-count', '4');
    const hash = await p.evaluate(() => location.hash);
    assert.equal(hash, `#/tags/${encodeURIComponent(tag)}?from=${encodeURIComponent(new Date(at(2)).toISOString())}&to=${encodeURIComponent(new Date(at(6)).toISOString())}`);
    assert.equal(await p.getByTestId('tr-min').innerText(), '22 C');
    assert.equal(await p.getByTestId('tr-max').innerText(), '25 C');
    assert.equal(await p.getByTestId('tr-last').innerText(), '25 C');
    assert.equal(await p.getByTestId('tr-chart').getAttribute('data-points'), '4');
    await p.getByTestId('tr-table-toggle').click();
    const cells = await p.locator('[data-testid="tr-table"] tbody tr td:nth-child(2)').allInnerTexts();
    assert.deepEqual(cells, ['22', '23', '24', '25']);
    // Times are shown in the browser's zone.
    const firstTime = await p.locator('[data-testid="tr-table"] tbody tr td').first().innerText();
    assert.match(firstTime, /UTC\+05:30$/);
    for (const id of ['hour', 'shift', 'day']) assert.equal(await p.getByTestId(`tr-range-${id}`).getAttribute('aria-pressed'), 'false');
    assert.equal(await p.getByTestId('tr-live').getAttribute('data-live'), 'off', 'a range in the past is not live');
    assert.match(await p.getByTestId('tr-live-status').innerText(), /not updated live/);
    assert.equal(await p.getByTestId('tr-live-toggle').count(), 0);
    await checkA11y(p, 'telemetry-trend-custom');

    // A reload (or the link shared) shows the same view.
    await p.reload();
    await p.getByTestId('page-trend').waitFor({ state: 'visible' });
    await waitText(p, 'tr-count', '4');
    assert.equal(await p.getByLabel('From (local time)').inputValue(), await localInput(p, at(2)));
    assert.equal(await p.getByLabel('To (local time)').inputValue(), await localInput(p, at(6)));

    // A bad range: the message, and the chart, the summary and the link stay as they were.
    await p.getByLabel('To (local time)').fill(await localInput(p, at(1)));
    await p.getByTestId('tr-custom-show').click();
    const bad = p.getByTestId('tr-range-error');
    await bad.waitFor({ state: 'visible' });
    assert.match(await bad.innerText(), /To must be after From/);
    assert.equal(await p.getByLabel('To (local time)').getAttribute('aria-invalid'), 'true');
    assert.equal(await p.getByLabel('To (local time)').getAttribute('aria-describedby'), 'tr-range-error');
    await checkA11y(p, 'telemetry-trend-range-error');
    await p.getByLabel('From (local time)').fill('');
    await p.getByTestId('tr-custom-show').click();
    await p.getByTestId('tr-range-error').filter({ hasText: 'From: enter a date and time' }).waitFor();
    await p.getByLabel('From (local time)').fill(await localInput(p, at(0) - 367 * 24 * 3600_000));
    await p.getByLabel('To (local time)').fill(await localInput(p, at(6)));
    await p.getByTestId('tr-custom-show').click();
    await p.getByTestId('tr-range-error').filter({ hasText: 'at most 366 days' }).waitFor();
    assert.equal(await p.evaluate(() => location.hash), hash, 'the link is unchanged');
    assert.equal(await p.getByTestId('tr-count').innerText(), '4');
    assert.equal(await p.getByTestId('tr-chart').getAttribute('data-points'), '4');
    await p.locator('[data-testid="tr-chart"] .uplot canvas').first().waitFor({ state: 'visible' });

    // A longer range asks per minute, as the spans do (3 h: all 12, as groups).
    await p.getByLabel('From (local time)').fill(await localInput(p, at(0)));
    await p.getByLabel('To (local time)').fill(await localInput(p, at(0) + 3 * 3600_000));
    await p.getByTestId('tr-custom-show').click();
    await waitText(p, 'tr-count', '12');
    assert.equal(await p.getByTestId('tr-range-error').count(), 0, 'a good range clears the message');
    await p.locator('[data-testid="tr-table"] th', { hasText: 'Count' }).waitFor({ state: 'attached' });
    assert.match(await p.locator('.page-sub').innerText(), /per 1 min/);

    // A link whose range cannot be shown says why and shows the last hour.
    await p.goto(`${server.baseUrl}/#/tags/${encodeURIComponent(tag)}?from=${encodeURIComponent(new Date(at(6)).toISOString())}&to=${encodeURIComponent(new Date(at(2)).toISOString())}`);
    await p.getByTestId('tr-link-error').filter({ hasText: 'To must be after From' }).waitFor();
    assert.equal(await p.getByTestId('tr-range-hour').getAttribute('aria-pressed'), 'true');
    await waitText(p, 'tr-count', '0');
    await p.screenshot({ path: path.join(OUT_DIR, 'telemetry-trend-custom.png'), fullPage: true });
  } finally {
    await b.close();
  }
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('[ORDO-TREND-23] [ORDO-TREND-25] a span ending now follows new values live, with the time of the last update; pause and resume', { timeout: 180_000 }, async () => {
  const tag = 'press.speed';
  const post = await defineTag(tag, 'rpm', 'press-gw-speed', UNIT);
  await post([[Date.now() - 10 * 60_000, 40]]);
  const b = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  b.page.on('pageerror', (err) => errors.push(String(err)));
  try {
    const p = b.page;
    await p.goto(server.baseUrl + '/');
    await signIn(p, 'operator', server.users.operator.password);
    await p.goto(`${server.baseUrl}/#/tags/${encodeURIComponent(tag)}?range=shift`);
    await waitText(p, 'tr-count', '1');
    assert.equal(await p.getByTestId('tr-range-shift').getAttribute('aria-pressed'), 'true', 'the span from the link');
    assert.equal(await p.getByTestId('tr-live').getAttribute('data-live'), 'on');
    assert.match(await p.getByTestId('tr-live-status').innerText(), /Live: updates every 5 s/);
    assert.match(await p.getByTestId('tr-refreshed').innerText(), /^Last updated \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    const firstUpdate = await p.getByTestId('tr-refreshed').innerText();

    // A value sent after the page opened appears without any click.
    await post([[Date.now() - 1000, 77]]);
    // Per minute (the shift): 77 is its step's max.
    await waitText(p, 'tr-count', '2', 30_000);
    await waitText(p, 'tr-max', '77 rpm');
    assert.notEqual(await p.getByTestId('tr-refreshed').innerText(), firstUpdate, 'the last update time moved');
    await p.locator('[data-testid="tr-chart"] .uplot canvas').first().waitFor({ state: 'visible' });

    // Paused: said so; resumed: the next value comes in again.
    await p.getByTestId('tr-live-toggle').click();
    await waitText(p, 'tr-live-status', 'Live updates paused.');
    assert.equal(await p.getByTestId('tr-live').getAttribute('data-live'), 'off');
    assert.equal(await p.getByTestId('tr-live-toggle').innerText(), 'Resume live updates');
    await checkA11y(p, 'telemetry-trend-paused');
    await post([[Date.now() - 1000, 78]]);
    await p.getByTestId('tr-live-toggle').click();
    assert.equal(await p.getByTestId('tr-live').getAttribute('data-live'), 'on');
    await waitText(p, 'tr-count', '3', 30_000);
    assert.equal(await p.getByTestId('tr-max').innerText(), '78 rpm');
  } finally {
    await b.close();
  }
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('[ORDO-TREND-24] [ORDO-TREND-25] live reads: one request at a time, none while paused or the tab is hidden, the one in flight aborted when the page goes', { timeout: 180_000 }, async () => {
  const tag = 'press.stroke';
  const post = await defineTag(tag, 'mm', 'press-gw-stroke', UNIT);
  await post([[Date.now() - 5 * 60_000, 50]]);
  const b = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  b.page.on('pageerror', (err) => errors.push(String(err)));
  try {
    const p = b.page;
    // The page's reads of values are counted as it makes them (and the last one's signal kept).
    await b.context.addInitScript(() => {
      const fetch0 = window.fetch;
      window.__reads = 0;
      window.__last = null;
      window.fetch = function (input, init) {
        if (String(input).includes('/values?')) {
          window.__reads += 1;
          window.__last = init?.signal ?? null;
        }
        return fetch0.apply(this, arguments);
      };
    });
    // Answers can be held back: a read stays in flight until released.
    let hold = false;
    const held = [];
    await p.route('**/api/v1/tags/*/values?**', (route) => (hold ? held.push(route) : route.continue()));
    const release = async () => {
      hold = false;
      for (const r of held.splice(0)) await r.continue().catch(() => {});
    };
    await b.context.clock.install();
    await p.goto(server.baseUrl + '/');
    await signIn(p, 'operator', server.users.operator.password);
    await p.goto(`${server.baseUrl}/#/tags/${encodeURIComponent(tag)}`);
    await waitText(p, 'tr-count', '1');
    // From here the page's clock moves only when the test moves it.
    await b.context.clock.pauseAt(Date.now() + 1000);
    const reads = () => p.evaluate(() => window.__reads);
    // No read in flight (the page is aria-busy while one is).
    const idle = () => p.locator('[data-testid="page-trend"][aria-busy="false"]').waitFor();
    await idle();
    const n0 = await reads();

    // Due after 5 s: one read; held in flight, 30 s more bring no second one.
    hold = true;
    await b.context.clock.runFor(6000);
    assert.equal(await reads(), n0 + 1, 'read again when due');
    await b.context.clock.runFor(30_000);
    assert.equal(await reads(), n0 + 1, 'no new request while one is in flight');
    const before = await p.getByTestId('tr-refreshed').innerText();
    await release();
    await p.waitForFunction((t) => document.querySelector('[data-testid="tr-refreshed"]')?.textContent !== t, before);
    await idle();
    assert.equal(await p.getByTestId('tr-count').innerText(), '1', 'the chart kept its values meanwhile');

    // The tab hidden: no reads; visible again: read within a second or so.
    await p.evaluate(() => Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' }));
    const n1 = await reads();
    await b.context.clock.runFor(30_000);
    assert.equal(await reads(), n1, 'no reads while the tab is hidden');
    await p.evaluate(() => delete document.visibilityState);
    await b.context.clock.runFor(2000);
    assert.equal(await reads(), n1 + 1, 'read again once visible');
    await idle();

    // Paused: no reads; resumed: read again.
    await p.getByTestId('tr-live-toggle').click();
    await waitText(p, 'tr-live-status', 'Live updates paused.');
    const n2 = await reads();
    await b.context.clock.runFor(30_000);
    assert.equal(await reads(), n2, 'no reads while paused');
    await p.getByTestId('tr-live-toggle').click();
    await b.context.clock.runFor(2000);
    assert.equal(await reads(), n2 + 1, 'read again once resumed');
    await idle();

    // A read in flight when the page goes is aborted (and nothing breaks).
    hold = true;
    await b.context.clock.runFor(6000);
    assert.equal(await reads(), n2 + 2);
    await p.evaluate(() => (location.hash = '#/tags'));
    await p.getByTestId('page-tags').waitFor({ state: 'visible' });
    // Preact runs an unmounted page's effect cleanups after the next paint.
    await b.context.clock.runFor(1000);
    assert.equal(await p.evaluate(() => window.__last?.aborted), true, 'the read in flight is aborted');
    await release();
    await b.context.clock.runFor(30_000);
    assert.equal(await reads(), n2 + 2, 'no reads once the trend is closed');
  } finally {
    await b.close();
  }
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('[ORDO-TREND-32] [ORDO-TREND-33] a custom range whose To is ahead is read again every 5 s with its window fixed, once more after To, then never again', { timeout: 180_000 }, async () => {
  const tag = 'press.shift';
  const post = await defineTag(tag, 'bar', 'press-gw-shift', UNIT);
  await post([[Date.now() - 10 * 60_000, 40]]);
  // A shift in progress: from half an hour ago to five minutes ahead (whole seconds, as a link names them).
  const from = Math.floor((Date.now() - 30 * 60_000) / 1000) * 1000;
  const to = from + 35 * 60_000;
  const b = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  b.page.on('pageerror', (err) => errors.push(String(err)));
  try {
    const p = b.page;
    // The page's reads of values are counted, with the windows they ask for.
    await b.context.addInitScript(() => {
      const fetch0 = window.fetch;
      window.__windows = [];
      window.fetch = function (input) {
        const url = String(input);
        if (url.includes('/values?')) {
          const q = new URL(url, location.href).searchParams;
          window.__windows.push(`${q.get('from')} ${q.get('to')} ${q.get('step')}`);
        }
        return fetch0.apply(this, arguments);
      };
    });
    await b.context.clock.install();
    await p.goto(server.baseUrl + '/');
    await signIn(p, 'operator', server.users.operator.password);
    const link = `${server.baseUrl}/#/tags/${encodeURIComponent(tag)}?from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`;
    await p.goto(link);
    await waitText(p, 'tr-count', '1');
    // Live until To, and says so (To as the window above the chart names it).
    assert.equal(await p.getByTestId('tr-live').getAttribute('data-live'), 'on', 'a range whose To is ahead is live');
    const shownTo = (await p.getByTestId('tr-window').innerText()).split(' to ')[1].trim();
    assert.equal(await p.getByTestId('tr-live-status').innerText(), `Live until ${shownTo}: updates every 5 s.`);
    assert.equal(await p.getByTestId('tr-live-toggle').innerText(), 'Pause live updates');
    // (axe needs the page's timers: checked before the clock is paused.)
    await checkA11y(p, 'telemetry-trend-custom-live');

    // From here the page's clock moves only when the test moves it.
    await b.context.clock.pauseAt(Date.now() + 1000);
    const windows = () => p.evaluate(() => window.__windows);
    const reads = async () => (await windows()).length;
    const idle = () => p.locator('[data-testid="page-trend"][aria-busy="false"]').waitFor();
    await idle();
    const n0 = await reads();

    // A value sent after the page opened appears at the next read, 5 s on; the window stays From..To.
    await post([[Date.now() - 1000, 77]]);
    await b.context.clock.runFor(6000);
    await waitText(p, 'tr-count', '2');
    await idle();
    assert.equal(await reads(), n0 + 1, 'read again once, 5 s on');
    assert.equal(await p.getByTestId('tr-max').innerText(), '77 bar');

    // 3 s before To: one more read, the last before To.
    await b.context.clock.pauseAt(to - 3000);
    await b.context.clock.runFor(1000);
    await idle();
    assert.equal(await reads(), n0 + 2, 'read again before To');
    assert.equal(await p.getByTestId('tr-live').getAttribute('data-live'), 'on');
    // A value (timed before To) sent after that read: only the read after To shows it.
    await post([[Date.now() - 1000, 78]]);
    assert.equal(await p.getByTestId('tr-count').innerText(), '2');
    await b.context.clock.runFor(6000);
    await waitText(p, 'tr-count', '3');
    await idle();
    assert.equal(await reads(), n0 + 3, 'one read after To');
    assert.equal(await p.getByTestId('tr-max').innerText(), '78 bar', 'the tail is complete');
    assert.equal(await p.getByTestId('tr-live').getAttribute('data-live'), 'off');
    assert.equal(await p.getByTestId('tr-live-status').innerText(), `This range ended at ${shownTo}: not updated live (choose a span ending now, or a To still ahead, to follow new values).`);
    assert.equal(await p.getByTestId('tr-live-toggle').count(), 0);

    // Past To: never read again, whatever comes in.
    await post([[Date.now() - 1000, 79]]);
    await b.context.clock.runFor(60_000);
    assert.equal(await reads(), n0 + 3, 'no reads after the one past To');
    assert.equal(await p.getByTestId('tr-count').innerText(), '3');
    // Every read asked for the same window: From..To, raw values (35 min).
    const asked = new Set(await windows());
    assert.deepEqual([...asked], [`${new Date(from).toISOString()} ${new Date(to).toISOString()} 0`], 'the window does not slide');
    // Refresh still reads on demand, once.
    await p.getByTestId('tr-refresh').click();
    // Preact runs the effect after the next paint (the clock is the test's).
    await b.context.clock.runFor(1000);
    await waitText(p, 'tr-count', '4');
    await idle();
    await b.context.clock.runFor(30_000);
    assert.equal(await reads(), n0 + 4, 'Refresh reads once; no live reads follow');
  } finally {
    await b.close();
  }
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('[ORDO-TREND-30] another tag by hash shows none of the previous tag\'s values, only its own error; a failed new view drops the previous view\'s values', { timeout: 180_000 }, async () => {
  const b = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  b.page.on('pageerror', (err) => errors.push(String(err)));
  try {
    const p = b.page;
    await p.goto(server.baseUrl + '/');
    await signIn(p, 'operator', server.users.operator.password);
    await p.goto(`${server.baseUrl}/#/tags/${encodeURIComponent(TAG)}`);
    await waitText(p, 'tr-count', String(VALUES.length));
    await p.getByTestId('tr-chart').waitFor({ state: 'visible' });

    // The hash edited to a tag that does not exist (as back/forward would): its error, nothing of TAG.
    const unknown = 'no.such.tag';
    await p.evaluate((t) => (location.hash = `#/tags/${encodeURIComponent(t)}`), unknown);
    await waitText(p, 'tr-tag', unknown);
    await p.getByTestId('tr-error').waitFor({ state: 'visible' });
    await p.locator('[data-testid="page-trend"][aria-busy="false"]').waitFor();
    for (const id of ['tr-summary', 'tr-count', 'tr-chart', 'tr-table', 'tr-window'])
      assert.equal(await p.getByTestId(id).count(), 0, `no ${id} of ${TAG} under ${unknown}`);
    assert.equal(await p.getByTestId('tr-refreshed').innerText(), '', 'no "Last updated" of the other tag');
    assert.doesNotMatch(await p.locator('.page-sub').innerText(), /loading the new range/);
    assert.doesNotMatch(await p.getByTestId('page-trend').innerText(), /press force|kN/);
    // Back: TAG's values again.
    await p.goBack();
    await waitText(p, 'tr-tag', TAG);
    await waitText(p, 'tr-count', String(VALUES.length));
    assert.equal(await p.getByTestId('tr-error').count(), 0);

    // A new view of the same tag whose read fails: the previous view's values go, its error shows.
    await p.route('**/api/v1/tags/*/values?**', (route) =>
      new URL(route.request().url()).searchParams.get('step') === '60'
        ? route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Unavailable', status: 503, code: 'unavailable', detail: 'the store is busy' }) })
        : route.continue(),
    );
    await p.getByTestId('tr-range-shift').click();
    await p.getByTestId('tr-error').filter({ hasText: 'the store is busy' }).waitFor();
    await p.locator('[data-testid="page-trend"][aria-busy="false"]').waitFor();
    for (const id of ['tr-summary', 'tr-chart', 'tr-window'])
      assert.equal(await p.getByTestId(id).count(), 0, `no ${id} of the last hour under the last shift`);
    assert.doesNotMatch(await p.locator('.page-sub').innerText(), /loading the new range/);
    await p.unrouteAll();
  } finally {
    await b.close();
  }
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('[ORDO-TREND-27] [ORDO-TREND-28] a link past the year 9999 or without an offset is the link error and the last hour, not a crash', { timeout: 180_000 }, async () => {
  const b = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  b.page.on('pageerror', (err) => errors.push(String(err)));
  try {
    const p = b.page;
    await p.goto(server.baseUrl + '/');
    await signIn(p, 'operator', server.users.operator.password);
    // A link with epoch ms past the year 9999 (new Date(9e15).toISOString() throws): the link error and the last hour.
    await p.goto(`${server.baseUrl}/#/tags/${encodeURIComponent(TAG)}?from=9000000000000000&to=9000000000000001`);
    await p.getByTestId('tr-link-error').filter({ hasText: 'between 1970 and 9999' }).waitFor();
    assert.match(await p.getByTestId('tr-link-error').innerText(), /The link's range cannot be shown: From/);
    assert.equal(await p.getByTestId('tr-range-hour').getAttribute('aria-pressed'), 'true');
    await waitText(p, 'tr-count', String(VALUES.length));
    // And a time without Z or an offset.
    await p.goto(`${server.baseUrl}/#/tags/${encodeURIComponent(TAG)}?from=2026-12-01T08:00:00&to=2026-12-01T09:00:00Z`);
    await p.getByTestId('tr-link-error').filter({ hasText: 'From: enter a date and time' }).waitFor();
  } finally {
    await b.close();
  }
  assert.deepEqual(errors, [], 'no uncaught errors');
});

test('[ORDO-TREND-31] too many raw values: per minute only on the server\'s too_many_values, and the live reads then ask per minute directly', { timeout: 180_000 }, async () => {
  const other = 'press.level';
  const post = await defineTag(other, 'mm', 'press-gw-level', UNIT);
  await post([[Date.now() - 5 * 60_000, 50]]);
  const b = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  b.page.on('pageerror', (err) => errors.push(String(err)));
  try {
    const p = b.page;
    // The raw reads are answered as the server answers a window of more than 10 000 values
    // (or, for `other`, with another 400); the reads per step go to the server.
    const asked = [];
    await p.route('**/api/v1/tags/*/values?**', (route) => {
      const url = new URL(route.request().url());
      const tag = decodeURIComponent(url.pathname.split('/')[4]);
      const step = url.searchParams.get('step');
      asked.push(`${tag} ${step}`);
      if (step !== '0') return route.continue();
      const reason = tag === other ? 'too_many_steps' : 'too_many_values';
      return route.fulfill({
        status: 400,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Invalid argument', status: 400, code: 'invalid_argument', field: 'step', reason, detail: `refused: ${reason}` }),
      });
    });
    await b.context.clock.install();
    await p.goto(server.baseUrl + '/');
    await signIn(p, 'operator', server.users.operator.password);
    await p.goto(`${server.baseUrl}/#/tags/${encodeURIComponent(TAG)}`);
    await waitText(p, 'tr-count', String(VALUES.length));
    await b.context.clock.pauseAt(Date.now() + 1000);
    const idle = () => p.locator('[data-testid="page-trend"][aria-busy="false"]').waitFor();
    await idle();
    assert.deepEqual(asked, [`${TAG} 0`, `${TAG} 60`], 'raw, refused too_many_values, then per minute');
    assert.match(await p.locator('.page-sub').innerText(), /per 1 min/);
    // The live reads of the same view ask per minute directly.
    for (let i = 0; i < 3; i += 1) {
      const n = asked.length;
      await b.context.clock.runFor(6000);
      await idle();
      assert.deepEqual(asked.slice(n), [`${TAG} 60`], `live read ${i + 1}: one request, per minute`);
    }
    // Another 400: no fallback; the page says what the server said.
    asked.length = 0;
    await p.evaluate((t) => (location.hash = `#/tags/${encodeURIComponent(t)}`), other);
    // Preact runs the new page's effects after the next paint (the clock is the test's).
    await b.context.clock.runFor(1000);
    await p.getByTestId('tr-error').filter({ hasText: 'too_many_steps' }).waitFor();
    await idle();
    assert.deepEqual(asked, [`${other} 0`], 'no per-minute read after another 400');
    assert.equal(await p.getByTestId('tr-count').count(), 0);
  } finally {
    await b.close();
  }
  assert.deepEqual(errors, [], 'no uncaught errors');
});
