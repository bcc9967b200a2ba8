// Browser end-to-end tests of the equipment pages (docs/equipment.md), against the real
// ordo binary: the live board shows a state change a REST source posts without a reload
// (state colour with its text label, reason, time in state ticking, the running order,
// counts); an operator gives a stop its downtime reason with the large reason buttons and
// sees who gave it; an engineer registers a source and sees its key once; an operator
// sees no source registry.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn, signOut } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';
import { api, tokenFor } from './lib/worklist-api.mjs';
import { startRelay } from './lib/relay.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');
const UNIT = 'WU-PRESS-01';

let server = null;
let browser = null;
let page = null;
let engineer = null;
let key = null;
let seq = 0;
let relay = null; // the browser reaches the server through it (to drop the stream)
const pageErrors = [];

async function ok(method, route, body, token, status = 200) {
  const r = await api(server, method, route, body, token);
  assert.equal(r.status, status, `${method} ${route}: ${JSON.stringify(r.json)}`);
  return r.json;
}

/** An ISO time `seconds` from now (device times must be near the receive time). */
const at = (seconds) => new Date(Date.now() + seconds * 1000).toISOString();

/** Posts one batch of machine data as the REST source "press-gw". */
async function send(states, counts = []) {
  seq += 1;
  return ok('POST', '/equipment-data', { source: 'press-gw', seq, states, counts }, key);
}

before(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  server = await startOrdo();
  engineer = await tokenFor(server, 'engineer', server.users.engineer.password);
  const registered = await ok('POST', '/sources', { name: 'press-gw', kind: 'rest', work_units: [UNIT, 'WU-BLISTER-01'] }, engineer, 201);
  key = registered.api_key;
  relay = await startRelay(server.baseUrl);
  browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
  page = browser.page;
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(relay.url + '/');
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (relay) await relay.close();
  if (server) await server.stop();
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages');
});

test('[ORDO-UI-80] [ORDO-UI-81] [ORDO-UI-82] [ORDO-UI-88] [ORDO-EQ-35] the board shows a state change posted by a REST source without a reload, with its text label, reason and time in state', { timeout: 120_000 }, async () => {
  await signIn(page, 'operator', server.users.operator.password);
  await page.getByTestId('nav-equipment').click();
  await page.getByTestId('page-equipment').waitFor({ state: 'visible' });
  const card = page.getByTestId(`eq-card-${UNIT}`);
  await card.waitFor({ state: 'visible' });
  assert.equal(await card.getAttribute('data-state'), 'offline');
  assert.equal(await page.getByTestId(`eq-state-${UNIT}`).innerText(), 'Offline');
  // Grouped by line: the press is in its work center's section.
  await page.getByTestId('eq-line-WC-OSD-COMP').getByTestId(`eq-card-${UNIT}`).waitFor({ state: 'visible' });
  await page.locator('[data-testid="eq-live"][data-live="true"]').waitFor({ state: 'visible' });
  await page.evaluate(() => (window.__sameDocument = 'yes'));

  await send([{ work_unit: UNIT, time: at(-120), state: 'running' }], [{ work_unit: UNIT, time: at(-60), total: 10, good: 9, scrap: 1 }]);
  await page.locator(`[data-testid="eq-card-${UNIT}"][data-state="running"]`).waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId(`eq-state-${UNIT}`).innerText(), 'Running', 'the colour carries a text label');

  await send([{ work_unit: UNIT, time: at(-30), state: 'down' }]);
  await page.locator(`[data-testid="eq-card-${UNIT}"][data-state="down"]`).waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId(`eq-state-${UNIT}`).innerText(), 'Down');
  assert.equal(await page.getByTestId(`eq-reason-${UNIT}`).innerText(), 'no reason given yet');
  // The time in state ticks on its own (no new data).
  const since = page.getByTestId(`eq-since-${UNIT}`);
  const first = await since.innerText();
  assert.match(first, /^for \d+( min \d\d)? s$/);
  await page.waitForFunction(({ id, first }) => document.querySelector(`[data-testid="eq-since-${id}"]`)?.textContent !== first, { id: UNIT, first });
  // Idle with its sub-reason on another unit of another line.
  await send([{ work_unit: 'WU-BLISTER-01', time: at(-10), state: 'idle', reason: 'starved' }]);
  await page.locator('[data-testid="eq-card-WU-BLISTER-01"][data-state="idle"]').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('eq-reason-WU-BLISTER-01').innerText(), 'starved');
  // The connection drops: the badge says so; what changed meanwhile arrives once it is back.
  relay.drop();
  await page.locator('[data-testid="eq-live"][data-live="false"]').waitFor({ state: 'visible' });
  await send([{ work_unit: UNIT, time: at(-5), state: 'setup' }]);
  relay.up();
  await page.locator('[data-testid="eq-live"][data-live="true"]').waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator(`[data-testid="eq-card-${UNIT}"][data-state="setup"]`).waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId(`eq-state-${UNIT}`).innerText(), 'Setup');
  assert.equal(await page.evaluate(() => window.__sameDocument), 'yes', 'the page was not reloaded');
  await checkA11y(page, 'equipment-board');
  await page.screenshot({ path: path.join(OUT_DIR, 'equipment-board.png'), fullPage: true });
});

test('[ORDO-UI-83] [ORDO-UI-84] [ORDO-UI-89] [ORDO-EQ-34] an operator gives a stop its downtime reason with large touch targets and sees who gave it', { timeout: 120_000 }, async () => {
  const start = at(-600);
  await send([
    { work_unit: UNIT, time: start, state: 'down' },
    { work_unit: UNIT, time: at(-300), state: 'running' },
  ]);
  await page.getByTestId('nav-downtime').click();
  await page.getByTestId('page-downtime').waitFor({ state: 'visible' });
  const open = page.getByTestId(`dt-open-${UNIT}`).first();
  await open.waitFor({ state: 'visible' });
  const jam = open.getByTestId('dt-code-UNP-JAM');
  const box = await jam.boundingBox();
  assert.ok(box.height >= 44 && box.width >= 44, `the reason button is a large target: ${box.width}x${box.height}`);
  assert.equal(await open.getByTestId('dt-code-PLN-CLEANING').count(), 0, 'planned codes are no reason for down');
  await checkA11y(page, 'equipment-downtime');
  // Submitting without a pick says what is missing, and saves nothing.
  await open.getByTestId('dt-submit').click();
  assert.equal(await open.getByTestId('dt-error').innerText(), 'Pick the reason first.');
  await jam.click();
  assert.equal(await jam.getAttribute('aria-pressed'), 'true');
  await open.getByTestId('dt-comment').fill('hopper bridged');
  await open.getByTestId('dt-submit').click();
  await page.getByTestId('dt-notice').waitFor({ state: 'visible' });
  const done = page.getByTestId(`dt-done-${UNIT}`).filter({ hasText: 'UNP-JAM' });
  await done.waitFor({ state: 'visible' });
  assert.match(await done.innerText(), /hopper bridged/);
  assert.match(await done.innerText(), /operator/, 'who gave the reason');
  const list = await ok('GET', '/equipment/downtime', undefined, engineer);
  const row = list.downtime.find((d) => d.work_unit === UNIT && d.reason_code === 'UNP-JAM');
  assert.ok(row && row.assigned && row.assigned.comment === 'hopper bridged', JSON.stringify(list.downtime));
  // A new stop reported meanwhile appears on the open page without a reload.
  await page.evaluate(() => (window.__sameDocument = 'downtime'));
  await send([{ work_unit: 'WU-BLISTER-01', time: at(-3), state: 'down' }]);
  await page.getByTestId('dt-open-WU-BLISTER-01').waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => window.__sameDocument), 'downtime', 'the page was not reloaded');
  await page.screenshot({ path: path.join(OUT_DIR, 'equipment-downtime.png'), fullPage: true });
});

test('[ORDO-UI-87] [ORDO-EQ-33] an operator does not see the source registry', { timeout: 60_000 }, async () => {
  assert.equal(await page.getByTestId('nav-sources').count(), 0, 'no nav entry');
  await page.goto(relay.url + '/#/sources');
  await page.getByTestId('not-allowed').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('page-sources').count(), 0);
  await signOut(page);
});

test('[ORDO-UI-85] [ORDO-UI-86] an engineer registers a source and sees its key once, with a warning and a copy button; disables, enables it and rotates its key', { timeout: 120_000 }, async () => {
  await signIn(page, 'engineer', server.users.engineer.password);
  await page.getByTestId('nav-sources').click();
  await page.getByTestId('page-sources').waitFor({ state: 'visible' });
  await page.getByTestId('src-row-press-gw').waitFor({ state: 'visible' });
  await page.getByTestId('src-name').fill('blister-gw');
  await page.getByTestId('src-kind').selectOption('rest');
  await page.getByTestId('src-counter').selectOption('cumulative');
  await page.getByTestId('src-wu-WU-BLISTER-01').check();
  await page.getByTestId('src-submit').click();
  const panel = page.getByTestId('src-key-panel');
  await panel.waitFor({ state: 'visible' });
  assert.match(await panel.innerText(), /shown only this once/);
  await panel.getByTestId('src-key-copy').waitFor({ state: 'visible' });
  const shown = await page.getByTestId('src-key').innerText();
  assert.match(shown, /^ordo_src_[0-9a-f]{64}$/);
  // The key shown works: the source sends with it.
  const sent = await api(server, 'POST', '/equipment-data', { source: 'blister-gw', seq: 1, states: [{ work_unit: 'WU-BLISTER-01', time: at(-5), state: 'running' }] }, shown);
  assert.equal(sent.status, 200, JSON.stringify(sent.json));
  await checkA11y(page, 'equipment-sources');
  await page.screenshot({ path: path.join(OUT_DIR, 'equipment-sources.png'), fullPage: true });
  await panel.getByTestId('src-key-done').click();
  await page.getByTestId('src-row-blister-gw').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('src-key-panel').count(), 0);
  assert.ok(!(await page.content()).includes(shown), 'the key is not on the page any more');
  await page.reload();
  await page.getByTestId('src-row-blister-gw').waitFor({ state: 'visible' });
  assert.ok(!(await page.content()).includes(shown), 'nor after a reload');
  // Disable, then enable again.
  await page.getByTestId('src-toggle-blister-gw').click();
  await page.locator('[data-testid="src-status-blister-gw"]', { hasText: 'disabled' }).waitFor({ state: 'visible' });
  const refused = await api(server, 'POST', '/equipment-data', { source: 'blister-gw', seq: 2, states: [{ work_unit: 'WU-BLISTER-01', time: at(-2), state: 'idle', reason: 'blocked' }] }, shown);
  assert.equal(refused.json.reason, 'source_disabled', JSON.stringify(refused.json));
  await page.getByTestId('src-toggle-blister-gw').click();
  await page.locator('[data-testid="src-status-blister-gw"]', { hasText: 'enabled' }).waitFor({ state: 'visible' });
  // Rotating the key (after the confirmation) shows the new key once; the old one stops.
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('src-rotate-blister-gw').click();
  await page.getByTestId('src-key-panel').waitFor({ state: 'visible' });
  const rotated = await page.getByTestId('src-key').innerText();
  assert.match(rotated, /^ordo_src_[0-9a-f]{64}$/);
  assert.notEqual(rotated, shown);
  const old = await api(server, 'POST', '/equipment-data', { source: 'blister-gw', seq: 3, states: [{ work_unit: 'WU-BLISTER-01', time: at(-1), state: 'setup' }] }, shown);
  assert.equal(old.status, 401, JSON.stringify(old.json));
  const fresh = await api(server, 'POST', '/equipment-data', { source: 'blister-gw', seq: 3, states: [{ work_unit: 'WU-BLISTER-01', time: at(-1), state: 'setup' }] }, rotated);
  assert.equal(fresh.status, 200, JSON.stringify(fresh.json));
  await page.getByTestId('src-key-done').click();
});
