// Browser end-to-end test of quality's actions on one serial number (docs/orders-and-lots.md
// "Quality actions on one serial"): on the demo's completed pen-injector order (serials
// quarantined, its batch not yet released) quality finds a serial in the serial list,
// holds it with a reason and lifts the hold, tries to release it in the signing dialog
// (refused: the batch release of its order is required, nothing changes) and rejects
// another with a signature.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn } from './lib/browser.mjs';
import { sign } from './lib/signing.mjs';
import { api, tokenFor } from './lib/worklist-api.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');
const ORDER = 'WO-DEMO-1001';

let server = null;
let browser = null;
let page = null;
let quality = null;
let serials = [];
const pageErrors = [];

async function ok(method, route, body, token, status = 200) {
  const r = await api(server, method, route, body, token);
  assert.equal(r.status, status, `${method} ${route}: ${JSON.stringify(r.json)}`);
  return r.json;
}

async function openSerial(serial) {
  await page.goto(`${server.baseUrl}/#/serials/${encodeURIComponent(serial)}`);
  await page.getByTestId('serial-detail').waitFor({ state: 'visible' });
}

async function detailState() {
  return page.getByTestId('serial-detail').getAttribute('data-state');
}

before(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  server = await startOrdo();
  quality = await tokenFor(server, 'quality', server.users.quality.password);
  serials = (await ok('GET', `/serials?order=${ORDER}&limit=2`, undefined, quality)).serials.map((s) => s.serial);
  assert.equal(serials.length, 2, 'the demo pen order produced serials');
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

test('[ORDO-UI-76] the serial list filters by state and opens a serial', { timeout: 120_000 }, async () => {
  await page.getByTestId('nav-serials').click();
  await page.getByTestId('serials-table').waitFor({ state: 'visible' });
  await page.getByTestId('serials-state').selectOption('quarantined');
  const row = page.locator(`[data-testid="serial-row"][data-id="${serials[0]}"]`);
  await row.waitFor({ state: 'visible' });
  assert.equal(await row.getAttribute('data-state'), 'quarantined');
  await row.getByRole('link', { name: serials[0] }).click();
  await page.getByTestId('serial-detail').waitFor({ state: 'visible' });
  assert.equal(await detailState(), 'quarantined');
});

test('[ORDO-UI-77] [ORDO-LOT-52] quality holds a serial with a reason and lifts the hold back to quarantined', { timeout: 120_000 }, async () => {
  await openSerial(serials[0]);
  await page.getByTestId('serial-hold').click();
  await page.getByTestId('serial-error').waitFor({ state: 'visible' });
  assert.match(await page.getByTestId('serial-error').innerText(), /reason/i, 'a hold needs a reason');
  await page.getByTestId('serial-reason-input').fill('dose counter sticks at 20 IU');
  await page.getByTestId('serial-hold').click();
  await page.locator('[data-testid="serial-detail"][data-state="on_hold"]').waitFor();
  assert.equal(await page.getByTestId('serial-held-from').innerText(), 'quarantined');
  assert.equal(await page.getByTestId('serial-reason').innerText(), 'dose counter sticks at 20 IU');
  assert.equal(await page.getByTestId('serial-release').count(), 0, 'a held serial offers no release');
  await page.screenshot({ path: path.join(OUT_DIR, 'serial-on-hold.png'), fullPage: true });
  await page.getByTestId('serial-reason-input').fill('counter re-tested: within spec');
  await page.getByTestId('serial-lift-hold').click();
  await page.locator('[data-testid="serial-detail"][data-state="quarantined"]').waitFor();
  const view = await ok('GET', `/serials/${serials[0]}`, undefined, quality);
  assert.equal(view.serial.state, 'quarantined');
  assert.equal(view.serial.held_from, null);
});

test('[ORDO-UI-78] [ORDO-LOT-56] releasing a serial before its batch release shows the refusal in the signing dialog and changes nothing', { timeout: 120_000 }, async () => {
  await openSerial(serials[0]);
  await page.getByTestId('serial-release').click();
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
  assert.match(refusal, new RegExp(`serial ${serials[0]}`));
  assert.match(refusal, new RegExp(`release the batch record of ${ORDER}`));
  await page.screenshot({ path: path.join(OUT_DIR, 'serial-release-refused.png'), fullPage: true });
  await page.getByTestId('signing-cancel').click();
  const view = await ok('GET', `/serials/${serials[0]}`, undefined, quality);
  assert.equal(view.serial.state, 'quarantined', 'the refused release changed nothing');
  assert.equal(view.serial.signatures.length, 0, 'no signature was recorded');
});

test('[ORDO-UI-79] [ORDO-LOT-53] quality rejects a quarantined serial in the signing dialog with a reason', { timeout: 120_000 }, async () => {
  await openSerial(serials[1]);
  await page.getByTestId('serial-reject').click();
  await sign(page, 'quality', server.users.quality.password, 'housing cracked at the cap thread', OUT_DIR);
  await page.locator('[data-testid="serial-detail"][data-state="rejected"]').waitFor();
  assert.equal(await page.getByTestId('serial-reason').innerText(), 'housing cracked at the cap thread');
  const signature = page.getByTestId('serial-signature');
  assert.equal(await signature.getAttribute('data-meaning'), 'rejected');
  assert.equal(await signature.getAttribute('data-status'), 'valid');
  assert.equal(await page.getByTestId('serial-hold').count(), 0, 'a rejected serial offers no action');
  await page.screenshot({ path: path.join(OUT_DIR, 'serial-rejected.png'), fullPage: true });
});
