// Browser end-to-end test of a machine block where work is chosen (docs/equipment.md,
// "Availability for new operations"; docs/terminal.md), at 1280x800: the booth's machine
// reports down an hour ago (longer than its 600 s), so the terminal's picker and the
// booth's page show the block with its reason and since when, and a start is refused
// "Machine down"; a supervisor overrides the block with a reason on the dispatch page and
// the operator's open terminal shows the override without a reload.
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
const UNIT = 'WU-DISP-BOOTH1';
const ORDER = 'WO-AVL-1';

let server = null;
let browser = null;
let terminal = null;
let desk = null;
let supervisor = null;
const pageErrors = [];

async function ok(method, route, body, token, status = 200) {
  const r = await api(server, method, route, body, token);
  assert.equal(r.status, status, `${method} ${route}: ${JSON.stringify(r.json)}`);
  return r.json;
}

before(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  server = await startOrdo();
  supervisor = await tokenFor(server, 'supervisor', server.users.supervisor.password);
  const engineer = await tokenFor(server, 'engineer', server.users.engineer.password);
  const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await ok('POST', '/orders', { order_id: ORDER, product: 'PD-PCM500-20', quantity: 1500, unit: 'ea', due_date: due }, supervisor, 201);
  await ok('POST', `/orders/${ORDER}/release`, {}, supervisor);
  const source = await ok('POST', '/sources', { name: 'booth-plc', kind: 'rest', work_units: [UNIT] }, engineer, 201);
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
  await ok('POST', '/equipment-data', { source: 'booth-plc', seq: 1, states: [{ work_unit: UNIT, time: hourAgo, state: 'down', reason: 'UNP-JAM' }] }, source.api_key);
  browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
  terminal = browser.page;
  terminal.on('pageerror', (err) => pageErrors.push(String(err)));
  await terminal.goto(server.baseUrl + '/');
  await signIn(terminal, 'operator', server.users.operator.password);
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop();
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages');
});

test('[ORDO-UI-90] [ORDO-UI-92] the terminal shows a blocked work unit with its reason and since when, and a start there is refused "Machine down"', { timeout: 120_000 }, async () => {
  await terminal.goto(server.baseUrl + '/#/terminal');
  const tile = terminal.locator(`[data-testid="term-work-unit"][data-id="${UNIT}"]`);
  const tileBlock = tile.getByTestId('term-work-unit-block');
  await tileBlock.waitFor({ state: 'visible' });
  assert.match(await tileBlock.innerText(), /^Blocked: machine down since .*\(UNP-JAM\)/);
  await tile.click();
  const note = terminal.getByTestId('equipment-block');
  await note.waitFor({ state: 'visible' });
  assert.equal(await note.getAttribute('data-overridden'), 'false');
  const text = await note.innerText();
  assert.match(text, /Machine down: no new operation can start on WU-DISP-BOOTH1/);
  assert.match(text, /UNP-JAM/);
  assert.match(text, /longer than 600 s/);
  await checkA11y(terminal, 'terminal-equipment-block');
  await terminal.screenshot({ path: path.join(OUT_DIR, 'terminal-equipment-block.png'), fullPage: true });

  await terminal.locator(`[data-testid="term-entry"][data-order="${ORDER}"][data-operation="10"]`).click();
  await terminal.getByTestId('term-start').click();
  const refusal = terminal.getByTestId('term-refusal');
  await refusal.waitFor({ state: 'visible' });
  assert.equal(await refusal.getAttribute('data-code'), 'equipment_down');
  assert.equal(await terminal.getByTestId('term-refusal-heading').innerText(), 'Machine down');
  assert.match(await terminal.getByTestId('term-refusal-message').innerText(), /WU-DISP-BOOTH1 is down \(UNP-JAM\) since/);
  const view = await ok('GET', `/orders/${ORDER}/operations/10`, undefined, supervisor);
  assert.equal(view.operation.state, 'pending', 'nothing started');
});

test('[ORDO-UI-91] a supervisor overrides the block with a reason on the dispatch page; the open terminal shows the override live', { timeout: 120_000 }, async () => {
  await terminal.goto(server.baseUrl + `/#/terminal/${UNIT}`);
  await terminal.locator('[data-testid="equipment-block"][data-overridden="false"]').waitFor({ state: 'visible' });
  await terminal.locator('[data-testid="term-live"][data-live="true"]').waitFor({ state: 'visible' });
  await terminal.evaluate(() => (window.__sameDocument = 'yes'));

  desk = await browser.context.newPage();
  desk.on('pageerror', (err) => pageErrors.push(String(err)));
  await desk.goto(server.baseUrl + '/');
  await signIn(desk, 'supervisor', server.users.supervisor.password);
  await desk.getByTestId('nav-dispatch').click();
  await desk.getByTestId('dispatch-work-unit').selectOption(UNIT);
  await desk.locator('[data-testid="equipment-block"][data-overridden="false"]').waitFor({ state: 'visible' });
  // Without a reason the server refuses and nothing changes.
  await desk.getByTestId('override-submit').click();
  await desk.getByTestId('override-error').waitFor({ state: 'visible' });
  assert.match(await desk.getByTestId('override-error').innerText(), /reason/);
  await checkA11y(desk, 'dispatch-equipment-block');
  await desk.getByTestId('override-reason').fill('jam cleared by maintenance; the sensor still says down');
  await desk.getByTestId('override-submit').click();
  await desk.locator('[data-testid="equipment-block"][data-overridden="true"]').waitFor({ state: 'visible' });
  assert.equal(await desk.getByTestId('override-form').count(), 0, 'nothing left to override');

  // The operator's open page follows without a reload.
  await terminal.locator('[data-testid="equipment-block"][data-overridden="true"]').waitFor({ state: 'visible', timeout: 15_000 });
  assert.match(await terminal.getByTestId('equipment-block').innerText(), /A supervisor let new operations start until it runs again/);
  assert.equal(await terminal.evaluate(() => window.__sameDocument), 'yes', 'the page was not reloaded');
  const ledger = await ok('GET', '/ledger?limit=1000&type=equipment.availability_overridden', undefined, supervisor);
  assert.equal(ledger.entries.length, 1, 'the override is in the audit trail');
  assert.equal(ledger.entries[0].actor, 'supervisor');
  assert.equal(ledger.entries[0].reason, 'jam cleared by maintenance; the sensor still says down');
});
