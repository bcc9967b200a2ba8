// Browser end-to-end test of the trend of a process value (docs/telemetry.md), against the
// real ordo binary: an engineer defines a tag with limits, a REST source ingests samples
// (two of them out of limits), and an operator opens the trend from the equipment board:
// the uPlot chart renders with the low and high limit lines, the summary numbers match the
// samples, the table fallback marks the out-of-limit values, a longer range asks per
// minute, and the page passes the accessibility checks.
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
