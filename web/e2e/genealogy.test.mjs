// Browser end-to-end tests of the genealogy explorer and the recall report
// (docs/genealogy.md): a small chain is built through the real API (two supplier lots
// received and released, an order released and started, both lots consumed, a finished
// lot produced); then in the browser a backward trace from the finished lot reaches the
// supplier lots in the graph and in the table, a click on a node re-centres the trace, a
// forward trace from a supplier lot reaches the finished lot, and the recall report lists
// the finished lot and downloads its CSV and printable HTML; an unknown lot shows the
// server's message.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';
import { api, tokenFor } from './lib/worklist-api.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');
const ORDER = 'WO-GEN-E2E';
const OP = `/orders/${ORDER}/operations/10`;
const SUPPLIER_LOTS = ['L-GEN-E2E-A', 'L-GEN-E2E-B'];
const FINISHED = 'FG-GEN-E2E-1';
const today = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let server = null;
let browser = null;
let page = null;
const pageErrors = [];

async function ok(method, route, body, token, status = 200) {
  const r = await api(server, method, route, body, token);
  assert.equal(r.status, status, `${method} ${route}: ${JSON.stringify(r.json)}`);
  return r.json;
}

/** Waits until the graph shows every node id in `ids` (node ids, e.g. "lot:L-1"). */
async function waitForNodes(ids) {
  for (const id of ids) await page.locator(`[data-testid="genealogy-node"][data-id="${id}"]`).waitFor({ state: 'visible' });
}

before(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  server = await startOrdo();
  const supervisor = await tokenFor(server, 'supervisor', server.users.supervisor.password);
  const operator = await tokenFor(server, 'operator', server.users.operator.password);
  const quality = await tokenFor(server, 'quality', server.users.quality.password);
  for (const lot of SUPPLIER_LOTS) {
    await ok('POST', '/lots', { lot, material: 'RM-PCM-API', supplier: 'Acme', supplier_lot: `S-${lot}`, quantity: 10, unit: 'kg', expiry: today(400) }, supervisor, 201);
    await ok('POST', `/lots/${lot}/release`, { signature: { user: 'quality', password: server.users.quality.password } }, quality);
  }
  await ok('POST', '/orders', { order_id: ORDER, product: 'PD-PCM500-20', quantity: 1500, unit: 'ea', due_date: today(7) }, supervisor, 201);
  await ok('POST', `/orders/${ORDER}/release`, {}, supervisor);
  await ok('POST', `${OP}/start`, { work_unit: 'WU-DISP-BOOTH1' }, operator);
  await ok('POST', `${OP}/acknowledge-instructions`, {}, operator);
  await ok('POST', `${OP}/consume`, { lot: SUPPLIER_LOTS[0], quantity: 2 }, operator);
  await ok('POST', `${OP}/consume`, { lot: SUPPLIER_LOTS[1], quantity: 1.5 }, operator);
  await ok('POST', `${OP}/produce`, { lot: FINISHED, quantity: 750 }, operator);
  browser = await launchBrowser();
  page = browser.page;
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(server.baseUrl + '/');
  await signIn(page, 'quality', server.users.quality.password);
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop();
});

test('[ORDO-UI-50] [ORDO-UI-51] [IND-10] a backward trace from the finished lot reaches the supplier lots', async () => {
  await page.getByTestId('nav-genealogy').click();
  await page.getByTestId('page-genealogy').waitFor({ state: 'visible' });
  await page.getByTestId('genealogy-id').fill(FINISHED);
  await page.getByTestId('genealogy-backward').check();
  await page.getByTestId('genealogy-trace').click();
  await waitForNodes([`lot:${FINISHED}`, `order:${ORDER}`, ...SUPPLIER_LOTS.map((l) => `lot:${l}`)]);
  assert.match(page.url(), new RegExp(`#/genealogy/${FINISHED}/backward$`));
  // Depths: the finished lot 0, the order 1, the supplier lots 2; edges labelled by kind.
  const depth = (id) => page.locator(`[data-testid="genealogy-node"][data-id="${id}"]`).getAttribute('data-depth');
  assert.equal(await depth(`lot:${FINISHED}`), '0');
  assert.equal(await depth(`order:${ORDER}`), '1');
  for (const lot of SUPPLIER_LOTS) assert.equal(await depth(`lot:${lot}`), '2');
  const graphText = await page.getByTestId('genealogy-graph').textContent();
  for (const lot of SUPPLIER_LOTS) assert.ok(graphText.includes(`lot:${lot}`), `graph shows ${lot}: ${graphText}`);
  assert.ok(graphText.includes('RM-PCM-API'), graphText);
  assert.ok(graphText.includes('consumed 2 kg'), graphText);
  assert.ok(graphText.includes('produced 750'), graphText);
  assert.equal(await page.locator('[data-testid="genealogy-edge"]').count(), 3);
  // The table lists the same nodes (the accessible view).
  const rows = await page.locator('[data-testid="genealogy-row"]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-id')));
  assert.deepEqual(rows.sort(), [`lot:${FINISHED}`, `order:${ORDER}`, ...SUPPLIER_LOTS.map((l) => `lot:${l}`)].sort());
  await page.screenshot({ path: path.join(OUT_DIR, 'genealogy-backward.png'), fullPage: true });
  await checkA11y(page, 'genealogy-backward');
});

test('[ORDO-UI-52] a click on a node re-centres the trace on it', async () => {
  await page.locator(`[data-testid="genealogy-node"][data-id="order:${ORDER}"]`).click();
  await page.waitForFunction((order) => location.hash === `#/genealogy/order%3A${order}/backward`, ORDER);
  await waitForNodes([`order:${ORDER}`]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="genealogy-node"]').length === 3);
  assert.equal(await page.locator(`[data-testid="genealogy-node"][data-id="order:${ORDER}"]`).getAttribute('data-depth'), '0');
  assert.equal(await page.locator(`[data-testid="genealogy-node"][data-id="lot:${FINISHED}"]`).count(), 0);
  // From the keyboard: Enter on a focused node re-centres too.
  await page.locator(`[data-testid="genealogy-node"][data-id="lot:${SUPPLIER_LOTS[0]}"]`).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="genealogy-node"]').length === 1);
});

test('[ORDO-UI-53] [IND-10] a forward trace from a supplier lot reaches the finished lot', async () => {
  await page.getByTestId('genealogy-id').fill(SUPPLIER_LOTS[1]);
  await page.getByTestId('genealogy-forward').check();
  await page.getByTestId('genealogy-trace').click();
  await waitForNodes([`lot:${SUPPLIER_LOTS[1]}`, `order:${ORDER}`, `lot:${FINISHED}`]);
  assert.equal(await page.locator(`[data-testid="genealogy-node"][data-id="lot:${FINISHED}"]`).getAttribute('data-depth'), '2');
  assert.equal(await page.locator(`[data-testid="genealogy-node"][data-id="lot:${SUPPLIER_LOTS[0]}"]`).count(), 0);
  const summary = await page.getByTestId('genealogy-summary').textContent();
  assert.match(summary, /Forward from lot:L-GEN-E2E-B: 3 nodes, 2 edges/);
  await page.screenshot({ path: path.join(OUT_DIR, 'genealogy-forward.png'), fullPage: true });
  await checkA11y(page, 'genealogy-forward');
});

test('[ORDO-UI-54] [ORDO-UI-55] [IND-10] the recall report lists the finished lot and downloads its CSV and HTML', async () => {
  await page.getByTestId('genealogy-recall').click();
  await page.getByTestId('page-recall').waitFor({ state: 'visible' });
  const row = page.locator(`[data-testid="recall-row"][data-id="${FINISHED}"]`);
  await row.waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('recall-count').textContent(), '1');
  const cells = await row.locator('td').allTextContents();
  assert.equal(cells[0], FINISHED);
  assert.ok(cells[2].toLowerCase().includes('quarantined'), cells.join(' | '));
  assert.equal(cells[3], '750 ea');
  assert.equal(cells[4], 'WU-DISP-BOOTH1');
  assert.equal(cells[5], ORDER);
  await page.screenshot({ path: path.join(OUT_DIR, 'genealogy-recall.png'), fullPage: true });
  await checkA11y(page, 'genealogy-recall');
  // The printable page (print media): navigation and buttons are hidden, the table stays.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByTestId('recall-csv').isVisible(), false);
  assert.equal(await page.locator('nav.sidebar').isVisible(), false);
  assert.equal(await row.isVisible(), true);
  await page.screenshot({ path: path.join(OUT_DIR, 'genealogy-recall-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  // The server's files: the CSV and the printable HTML name the finished lot.
  for (const [button, ext] of [['recall-csv', 'csv'], ['recall-html', 'html']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
    assert.equal(download.suggestedFilename(), `recall-${SUPPLIER_LOTS[1]}.${ext}`);
    const file = path.join(OUT_DIR, `genealogy-recall.${ext}`);
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    if (ext === 'csv') {
      assert.ok(text.startsWith('kind,id,material,status,quantity,unit,location,order,depth\r\n'), text);
      assert.ok(text.includes(`lot,${FINISHED},`), text);
    } else {
      assert.ok(text.includes(`<td>${FINISHED}</td>`), text);
      assert.ok(text.includes('@page'), text);
    }
  }
  // Opened as a file (as a user opens the download), the HTML page renders the report.
  const file = await browser.context.newPage();
  await file.goto('file://' + path.join(OUT_DIR, 'genealogy-recall.html'));
  assert.ok((await file.locator('td', { hasText: FINISHED }).count()) >= 1);
  await file.screenshot({ path: path.join(OUT_DIR, 'genealogy-recall-html.png'), fullPage: true });
  await file.close();
  assert.deepEqual(pageErrors, []);
});

test('[ORDO-UI-57] an unknown lot shows the server\'s message and no graph', async () => {
  await page.goto(server.baseUrl + '/#/genealogy');
  await page.getByTestId('genealogy-id').fill('L-NO-SUCH');
  await page.getByTestId('genealogy-trace').click();
  const error = page.getByTestId('genealogy-error');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.textContent(), /no lot, serial or order 'L-NO-SUCH'/);
  assert.equal(await page.getByTestId('genealogy-graph').count(), 0);
  await page.goto(server.baseUrl + '/#/genealogy/L-NO-SUCH/recall');
  await page.getByTestId('recall-error').waitFor({ state: 'visible' });
  assert.match(await page.getByTestId('recall-error').textContent(), /no lot or serial 'L-NO-SUCH'/);
  await page.screenshot({ path: path.join(OUT_DIR, 'genealogy-unknown.png'), fullPage: true });
});
