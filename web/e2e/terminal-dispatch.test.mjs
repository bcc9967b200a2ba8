// Browser end-to-end tests of the dispatch lists on the operator terminal and the
// supervisor's dispatch page (docs/terminal.md, docs/dispatch.md), at 1280x800: the
// terminal lists what GET /work-units/{id}/dispatch answers, in its order, with each
// entry's place and reason; other users' actions through the API (an order released or
// held, an operation started) reach the open pages without a reload, also after the
// connection dropped; a supervisor moves an operation with a reason on the dispatch page
// and the operator's open terminal re-orders; a move without a reason is refused with the
// server's message and changes nothing.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';
import { startRelay } from './lib/relay.mjs';
import { api, tokenFor } from './lib/worklist-api.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');
const VIEWPORT = { width: 1280, height: 800 };
const UNIT = 'WU-DISP-BOOTH1';
const today = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let server = null;
let browser = null;
let terminal = null; // the operator's tab
let desk = null; // the supervisor's tab (its own session: the token is kept per tab)
let supervisor = null;
let operator = null;
const pageErrors = [];

// The browser reaches the server through a TCP relay (lib/relay.mjs), so that a test can
// drop every connection (as a restart or a network fault would).
let relay = null;

async function ok(method, route, body, token, status = 200) {
  const r = await api(server, method, route, body, token);
  assert.equal(r.status, status, `${method} ${route}: ${JSON.stringify(r.json)}`);
  return r.json;
}

async function releasedOrder(id, priority) {
  await ok('POST', '/orders', { order_id: id, product: 'PD-PCM500-20', quantity: 1500, unit: 'ea', due_date: today(7), priority }, supervisor, 201);
  await ok('POST', `/orders/${id}/release`, {}, supervisor);
}

/** The unit's list as the API answers it: "ORDER/OP" in order, and each entry. */
async function apiList() {
  const list = await ok('GET', `/work-units/${UNIT}/dispatch`, undefined, supervisor);
  return { keys: list.entries.map((e) => `${e.order_id}/${e.operation}`), entries: list.entries };
}

/** Waits until the rows `selector` of `page` show exactly `keys` ("ORDER/OP"), in order. */
async function waitForRows(page, selector, keys) {
  try {
    await page.waitForFunction(
      ({ selector, keys }) => {
        const rows = [...document.querySelectorAll(selector)].map((r) => `${r.getAttribute('data-order')}/${r.getAttribute('data-operation')}`);
        return rows.length === keys.length && rows.every((k, i) => k === keys[i]);
      },
      { selector, keys },
      { timeout: 15_000 },
    );
  } catch (err) {
    const shown = await page.locator(selector).evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-order')}/${r.getAttribute('data-operation')}`));
    throw new Error(`rows ${JSON.stringify(shown)}, expected ${JSON.stringify(keys)}: ${err.message}`);
  }
}

const TERM_ROWS = '[data-testid="term-entry"]';
const DESK_ROWS = '[data-testid="dispatch-entry"]';

before(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  server = await startOrdo();
  relay = await startRelay(server.baseUrl);
  supervisor = await tokenFor(server, 'supervisor', server.users.supervisor.password);
  operator = await tokenFor(server, 'operator', server.users.operator.password);
  await releasedOrder('WO-DSP-1', 3);
  await releasedOrder('WO-DSP-2', 2);
  browser = await launchBrowser({ viewport: VIEWPORT });
  terminal = browser.page;
  terminal.on('pageerror', (err) => pageErrors.push(String(err)));
  await terminal.goto(relay.url + '/');
  await signIn(terminal, 'operator', server.users.operator.password);
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (relay) await relay.close();
  if (server) await server.stop();
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages');
});

test('[ORDO-TERM-18] [ORDO-DISPATCH-10] [ORDO-TERM-17] the terminal lists the work unit\'s dispatch list in its order, each entry with its place and reason', { timeout: 120_000 }, async () => {
  await terminal.goto(relay.url + '/#/terminal');
  await terminal.locator(`[data-testid="term-work-unit"][data-id="${UNIT}"]`).click();
  const { keys, entries } = await apiList();
  assert.deepEqual(keys.slice(0, 2), ['WO-DSP-2/10', 'WO-DSP-1/10'], 'priority 2 before priority 3 (the rule of the booth)');
  await waitForRows(terminal, TERM_ROWS, keys);
  for (const e of entries) {
    const row = terminal.locator(`${TERM_ROWS}[data-order="${e.order_id}"][data-operation="${e.operation}"]`);
    assert.equal(await row.getAttribute('data-position'), String(e.position));
    assert.match(await row.innerText(), new RegExp(`^${e.position}\\. ${e.order_id} / ${e.operation}`));
    assert.equal(await row.getByTestId('term-entry-reason').innerText(), `Why here: ${e.reason}`);
  }
  assert.match(entries[0].reason, /priority 2/, 'the reason says why');
  assert.equal(await terminal.locator(`${TERM_ROWS}[data-operation="20"]`).count(), 0, 'granulation waits for dispensing');
  await terminal.locator('[data-testid="term-live"][data-live="true"]').waitFor({ state: 'visible' });
  await checkA11y(terminal, 'terminal-dispatch-list');
  await terminal.screenshot({ path: path.join(OUT_DIR, 'terminal-dispatch-list.png'), fullPage: true });
});

test('[ORDO-TERM-19] [ORDO-DISPATCH-13] another user\'s change reaches the open terminal without a reload, also after the connection dropped', { timeout: 120_000 }, async () => {
  await waitForRows(terminal, TERM_ROWS, (await apiList()).keys);
  await terminal.evaluate(() => (window.__sameDocument = 'yes'));

  // A release by the supervisor puts the urgent order first.
  await releasedOrder('WO-DSP-3', 1);
  let expected = (await apiList()).keys;
  assert.equal(expected[0], 'WO-DSP-3/10');
  await waitForRows(terminal, TERM_ROWS, expected);
  assert.match(await terminal.locator(`${TERM_ROWS}[data-order="WO-DSP-3"]`).getByTestId('term-entry-reason').innerText(), /priority 1/);

  // A hold takes an order off.
  await ok('POST', '/orders/WO-DSP-2/hold', { reason: 'material shortage' }, supervisor);
  expected = (await apiList()).keys;
  assert.ok(!expected.includes('WO-DSP-2/10'));
  await waitForRows(terminal, TERM_ROWS, expected);

  // The connection drops: the badge says so; what changed meanwhile arrives once it is back.
  relay.drop();
  await terminal.locator('[data-testid="term-live"][data-live="false"]').waitFor({ state: 'visible' });
  await ok('POST', '/orders/WO-DSP-2/resume', {}, supervisor);
  expected = (await apiList()).keys;
  assert.ok(expected.includes('WO-DSP-2/10'));
  relay.up();
  await terminal.locator('[data-testid="term-live"][data-live="true"]').waitFor({ state: 'visible', timeout: 30_000 });
  await waitForRows(terminal, TERM_ROWS, expected);
  assert.equal(await terminal.evaluate(() => window.__sameDocument), 'yes', 'the page was not reloaded');
});

test('[ORDO-UI-45] [ORDO-UI-46] [ORDO-UI-47] [ORDO-TERM-19] [ORDO-DISPATCH-05] [ORDO-DISPATCH-11] a supervisor moves an operation with a reason on the dispatch page; the open terminal re-orders; a move without a reason is refused', { timeout: 180_000 }, async () => {
  desk = await browser.context.newPage();
  desk.on('pageerror', (err) => pageErrors.push(String(err)));
  await desk.goto(relay.url + '/');
  await signIn(desk, 'supervisor', server.users.supervisor.password);
  await desk.getByTestId('nav-dispatch').click();
  await desk.getByTestId('page-dispatch').waitFor({ state: 'visible' });
  await desk.getByTestId('dispatch-work-unit').selectOption(UNIT);
  let { keys, entries } = await apiList();
  await waitForRows(desk, DESK_ROWS, keys);
  for (const e of entries) {
    const row = desk.locator(`${DESK_ROWS}[data-order="${e.order_id}"][data-operation="${e.operation}"]`);
    assert.equal(await row.getAttribute('data-position'), String(e.position));
    assert.equal(await row.getByTestId('dispatch-entry-reason').innerText(), e.reason);
  }
  await desk.locator('[data-testid="dispatch-live"][data-live="true"]').waitFor({ state: 'visible' });
  for (const id of ['dispatch-up', 'dispatch-down', 'dispatch-reason', 'dispatch-work-unit']) {
    const box = await desk.getByTestId(id).last().boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, `${id} is a large target: ${JSON.stringify(box)}`);
  }
  await checkA11y(desk, 'dispatch-page');
  await desk.screenshot({ path: path.join(OUT_DIR, 'dispatch-page.png'), fullPage: true });

  // Without a reason: refused with the server's message; nothing changes.
  const target = keys.indexOf('WO-DSP-1/10');
  assert.ok(target > 0, `WO-DSP-1/10 can move up: ${keys}`);
  const head = (await ok('GET', '/health')).head_seq;
  const row = desk.locator(`${DESK_ROWS}[data-order="WO-DSP-1"][data-operation="10"]`);
  await row.getByTestId('dispatch-up').click();
  const refused = desk.getByTestId('dispatch-error');
  await refused.waitFor({ state: 'visible' });
  assert.match(await refused.innerText(), /reason is required/);
  assert.equal(await desk.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'dispatch-reason', 'the reason field has the focus');
  assert.equal(await desk.getByTestId('dispatch-reason').getAttribute('aria-invalid'), 'true');
  assert.equal((await ok('GET', '/health')).head_seq, head, 'a refused move writes nothing');
  assert.deepEqual((await apiList()).keys, keys);
  await checkA11y(desk, 'dispatch-page-refused');

  // With a reason: recorded, the list re-orders here and on the operator's open terminal.
  await desk.getByTestId('dispatch-reason').fill('granulator waits for this batch');
  await row.getByTestId('dispatch-up').click();
  const moved = [...keys];
  moved.splice(target, 1);
  moved.splice(target - 1, 0, 'WO-DSP-1/10');
  await waitForRows(desk, DESK_ROWS, moved);
  await desk.getByTestId('dispatch-notice').waitFor({ state: 'visible' });
  assert.equal(await desk.getByTestId('dispatch-error').count(), 0);
  ({ keys, entries } = await apiList());
  assert.deepEqual(keys, moved);
  const entry = entries.find((e) => e.order_id === 'WO-DSP-1');
  assert.equal(entry.moved, true);
  assert.equal(entry.move.reason, 'granulator waits for this batch');
  assert.equal(entry.move.by, 'supervisor');
  const reason = await row.getByTestId('dispatch-entry-reason').innerText();
  assert.equal(reason, entry.reason);
  assert.match(reason, /moved up by supervisor: granulator waits for this batch/);
  assert.equal(await row.getAttribute('data-moved'), 'true');
  await desk.screenshot({ path: path.join(OUT_DIR, 'dispatch-page-moved.png'), fullPage: true });

  await waitForRows(terminal, TERM_ROWS, moved);
  const onTerminal = terminal.locator(`${TERM_ROWS}[data-order="WO-DSP-1"][data-operation="10"]`);
  assert.equal(await onTerminal.getByTestId('term-entry-reason').innerText(), `Why here: ${entry.reason}`);
  await terminal.screenshot({ path: path.join(OUT_DIR, 'terminal-dispatch-moved.png'), fullPage: true });
  assert.equal(await terminal.evaluate(() => window.__sameDocument), 'yes', 'the terminal was not reloaded');

  // The operator starts an operation (through the API): the supervisor's page shows it live.
  const first = entries[0];
  await ok('POST', `/orders/${first.order_id}/operations/${first.operation}/start`, { work_unit: UNIT }, operator);
  await desk.locator(`${DESK_ROWS}[data-order="${first.order_id}"][data-operation="${first.operation}"][data-state="in_progress"]`).waitFor({ state: 'visible' });
});
