// Browser end-to-end test of the batch release gate on the lots page (docs/batch-record.md
// "Release gate"): a lot produced by a running order is released by its order's batch
// release, not on its own; quality's release of it on the lots page shows the server's
// refusal (batch_release_required, naming the order) in the signing dialog and changes
// nothing, while a received lot beside it is released as before.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn } from './lib/browser.mjs';
import { api, tokenFor } from './lib/worklist-api.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');
const ORDER = 'WO-GATE-E2E';
const OP = `/orders/${ORDER}/operations/10`;
const SUPPLIER_LOT = 'L-GATE-E2E-API';
const FINISHED = 'FG-GATE-E2E-1';
const today = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let server = null;
let browser = null;
let page = null;
let quality = null;
const pageErrors = [];

async function ok(method, route, body, token, status = 200) {
  const r = await api(server, method, route, body, token);
  assert.equal(r.status, status, `${method} ${route}: ${JSON.stringify(r.json)}`);
  return r.json;
}

before(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  server = await startOrdo();
  const supervisor = await tokenFor(server, 'supervisor', server.users.supervisor.password);
  const operator = await tokenFor(server, 'operator', server.users.operator.password);
  quality = await tokenFor(server, 'quality', server.users.quality.password);
  await ok('POST', '/lots', { lot: SUPPLIER_LOT, material: 'RM-PCM-API', supplier: 'Acme', supplier_lot: 'S-GATE', quantity: 10, unit: 'kg', expiry: today(400) }, supervisor, 201);
  await ok('POST', `/lots/${SUPPLIER_LOT}/release`, { signature: { user: 'quality', password: server.users.quality.password } }, quality);
  await ok('POST', '/orders', { order_id: ORDER, product: 'PD-PCM500-20', quantity: 1500, unit: 'ea', due_date: today(7) }, supervisor, 201);
  await ok('POST', `/orders/${ORDER}/release`, {}, supervisor);
  await ok('POST', `${OP}/start`, { work_unit: 'WU-DISP-BOOTH1' }, operator);
  await ok('POST', `${OP}/acknowledge-instructions`, {}, operator);
  await ok('POST', `${OP}/consume`, { lot: SUPPLIER_LOT, quantity: 2 }, operator);
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
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});

test('[ORDO-LOT-41] [A11-13] releasing a produced lot on the lots page shows the batch release the server requires, and nothing changes', { timeout: 120_000 }, async () => {
  await page.goto(server.baseUrl + '/#/lots');
  const lot = page.locator(`[data-testid="lot-row"][data-id="${FINISHED}"]`);
  await lot.waitFor({ state: 'visible' });
  assert.equal(await lot.getAttribute('data-status'), 'quarantined');
  await lot.getByTestId('lot-release').click();
  const dialog = page.getByTestId('signing-dialog');
  await dialog.waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.querySelector('[data-testid="signing-dialog"]')?.getAttribute('data-step') !== 'loading');
  if ((await dialog.getAttribute('data-step')) === 'policy') {
    await page.getByTestId('policy-password').fill(server.users.quality.password);
    await page.getByTestId('policy-acknowledge').click();
    await page.getByTestId('policy-dialog').waitFor({ state: 'detached' });
  }
  await page.getByTestId('signing-user').fill('quality');
  await page.getByTestId('signing-password').fill(server.users.quality.password);
  await page.getByTestId('signing-sign').click();
  await page.getByTestId('signing-error').waitFor({ state: 'visible' });
  const refusal = await page.getByTestId('signing-error').innerText();
  assert.match(refusal, new RegExp(`order ${ORDER}`));
  assert.match(refusal, new RegExp(`release the batch record of ${ORDER}`));
  await page.screenshot({ path: path.join(OUT_DIR, 'lot-release-gate-refused.png'), fullPage: true });
  await page.getByTestId('signing-cancel').click();
  const view = await ok('GET', `/lots/${FINISHED}`, undefined, quality);
  assert.equal(view.lot.status, 'quarantined', 'the refused release changed nothing');
  assert.equal(view.lot.signatures.length, 0, 'no signature was recorded');
});
