// Browser end-to-end test of the quality workspace (ORDO-UI-58 to 66, docs/deviations.md):
// an operator on the terminal records a critical parameter out of limits; a critical
// deviation opens in the same command and completion is refused naming its DV id; two
// quality people (neither the author) investigate and disposition it in the quality
// workspace, the second signature closing it; the operator then completes. The author
// of a deviation, and the same quality person twice, are refused with a message that says
// why. A deviation opened by hand in the workspace. Set-up (dispensing done and verified)
// through the API, as in tests/stories/operator-runs-an-order.json.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn, signOut } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';
import { sign } from './lib/signing.mjs';
import { api, newUser, tokenFor } from './lib/worklist-api.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');
const VIEWPORT = { width: 1280, height: 800 };
const ORDER = 'WO-E2E-Q1';
const today = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let server = null;
let browser = null;
let page = null;
let second = '';
let dv = '';
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
  const quality = await tokenFor(server, 'quality', server.users.quality.password);
  const operator = await tokenFor(server, 'operator', server.users.operator.password);
  await ok('POST', '/orders', { order_id: ORDER, product: 'PD-PCM500-20', quantity: 1500, unit: 'ea', due_date: today(7), priority: 3 }, supervisor, 201);
  await ok('POST', `/orders/${ORDER}/release`, {}, supervisor);
  await ok('POST', '/lots', { lot: 'L-API-Q1', material: 'RM-PCM-API', supplier: 'E2E supplier', supplier_lot: 'SUP-Q1', quantity: 2, unit: 'drum', expiry: today(300) }, supervisor, 201);
  await ok('POST', '/lots/L-API-Q1/release', { signature: { user: 'quality', password: server.users.quality.password, meaning: 'released' } }, quality);
  // Dispensing (operation 10) done and verified, so that granulation can start.
  const op10 = `/orders/${ORDER}/operations/10`;
  await ok('POST', `${op10}/start`, { work_unit: 'WU-DISP-BOOTH1' }, operator);
  await ok('POST', `${op10}/acknowledge-instructions`, {}, operator);
  await ok('POST', `${op10}/consume`, { lot: 'L-API-Q1', quantity: 7.5 }, operator);
  await ok('POST', `${op10}/parameters`, { name: 'booth_downflow_velocity', value: 0.45 }, operator);
  await ok('POST', `${op10}/parameters`, { name: 'room_relative_humidity', value: 45 }, operator);
  await ok('POST', `${op10}/characteristics`, { name: 'net_weight_deviation', values: [0.1] }, operator);
  await ok('POST', `${op10}/complete`, { good: 1500 }, operator);
  await ok('POST', `${op10}/verify`, { signature: { user: 'supervisor', password: server.users.supervisor.password, meaning: 'verified' } }, supervisor);
  second = await newUser(server, 'qa.second', ['quality']);
  browser = await launchBrowser({ viewport: VIEWPORT });
  page = browser.page;
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(server.baseUrl + '/');
  await page.getByTestId('sign-in-form').waitFor({ state: 'visible' });
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop();
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});

async function signInAs(user, password) {
  await page.goto(server.baseUrl + '/');
  await page.locator('[data-testid="sign-in-form"], [data-testid="sign-out"]').first().waitFor({ state: 'visible' });
  if (await page.getByTestId('sign-out').isVisible()) await signOut(page);
  await signIn(page, user, password);
}

async function openGranulation() {
  await page.goto(server.baseUrl + '/#/terminal');
  await page.locator('[data-testid="term-work-unit"][data-id="WU-HSG-300"]').click();
  await page.locator(`[data-testid="term-entry"][data-order="${ORDER}"][data-operation="20"]`).click();
  await page.getByTestId('term-operation').waitFor({ state: 'visible' });
}

async function expectState(state) {
  const op = page.getByTestId('term-operation');
  try {
    await page.locator(`[data-testid="term-operation"][data-state="${state}"]`).waitFor({ state: 'visible' });
  } catch (err) {
    throw new Error(`operation not ${state}: ${await op.innerText()}`);
  }
}

async function recordParameter(name, value) {
  const row = page.locator(`[data-testid="term-parameter"][data-name="${name}"]`);
  await row.getByTestId('term-parameter-value').fill(String(value));
  await row.getByTestId('term-parameter-record').click();
  await row.getByTestId('term-parameter-recorded').waitFor({ state: 'visible' });
}

/** Opens the deviation's page in the quality workspace from the list. */
async function openDeviation(id) {
  await page.goto(server.baseUrl + '/#/quality');
  await page.getByTestId('page-quality').waitFor({ state: 'visible' });
  await page.locator(`[data-testid="deviation-row"][data-id="${id}"] a`).click();
  await page.locator(`[data-testid="deviation-detail"][data-id="${id}"]`).waitFor({ state: 'visible' });
}

/** Signs the disposition in the dialog and expects a refusal; returns the dialog's message. */
async function refusedSignature(user, password) {
  const dialog = page.getByTestId('signing-dialog');
  await dialog.waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.querySelector('[data-testid="signing-dialog"]')?.getAttribute('data-step') === 'sign');
  await page.getByTestId('signing-user').fill(user);
  await page.getByTestId('signing-password').fill(password);
  await page.getByTestId('signing-sign').click();
  await page.getByTestId('signing-error').waitFor({ state: 'visible' });
  return page.getByTestId('signing-error').innerText();
}

test('[ORDO-UI-58] [ORDO-UI-61] [IND-04] an out-of-limit critical parameter on the terminal opens a deviation; completion is refused naming it', { timeout: 180_000 }, async () => {
  await signInAs('operator', server.users.operator.password);
  await openGranulation();
  await page.getByTestId('term-start').click();
  await expectState('in_progress');
  await page.getByTestId('term-acknowledge').click();
  await page.getByTestId('term-acknowledged').waitFor({ state: 'visible' });
  await recordParameter('impeller_speed', 182);
  await page.getByTestId('term-blocking').waitFor({ state: 'visible' });
  await recordParameter('binder_addition_rate', 6);
  await recordParameter('wet_massing_time', 120);
  await recordParameter('binder_solution_temperature', 24);
  await page.getByTestId('term-good').fill('1500');
  await page.getByTestId('term-complete').click();
  const box = page.getByTestId('term-refusal');
  await box.waitFor({ state: 'visible' });
  assert.equal(await box.getAttribute('data-code'), 'deviation_required');
  const message = await page.getByTestId('term-refusal-message').innerText();
  const m = /DV-\d{6}/.exec(message);
  assert.ok(m, `the refusal names the deviation: ${message}`);
  dv = m[0];
  await expectState('in_progress');
  await page.screenshot({ path: path.join(OUT_DIR, 'quality-terminal-deviation-required.png'), fullPage: true });

  // The operator sees it in the workspace (deviations.read) but neither investigates nor signs.
  await page.goto(server.baseUrl + '/#/quality');
  const row = page.locator(`[data-testid="deviation-row"][data-id="${dv}"]`);
  await row.waitFor({ state: 'visible' });
  assert.equal(await row.getAttribute('data-classification'), 'critical');
  assert.match(await row.innerText(), new RegExp(`${ORDER}[\\s\\S]*20`));
  await row.locator('a').click();
  await page.locator(`[data-testid="deviation-detail"][data-id="${dv}"]`).waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('investigation-form').count(), 0);
  assert.equal(await page.getByTestId('disposition-form').count(), 0);
  assert.match(await page.getByTestId('deviation-blocks').innerText(), /^yes/);
  await signOut(page);
});

test('[ORDO-UI-58] [ORDO-UI-59] [ORDO-UI-60] [ORDO-UI-62] [ORDO-UI-63] [ORDO-UI-64] [ORDO-UI-66] [P11-17] [A11-12] two quality people investigate and disposition the critical deviation; the same person twice is refused; the operator then completes', { timeout: 240_000 }, async () => {
  assert.ok(dv, 'the first test found the deviation');
  await signInAs('quality', server.users.quality.password);
  await page.goto(server.baseUrl + '/#/quality');
  await page.getByTestId('deviations-table').waitFor({ state: 'visible' });
  await page.getByTestId('deviations-order').fill(ORDER);
  await page.waitForFunction(
    (order) => {
      const rows = [...document.querySelectorAll('[data-testid="deviation-row"]')];
      return rows.length > 0 && rows.every((r) => r.textContent.includes(order));
    },
    ORDER,
  );
  await checkA11y(page, 'quality-deviations');
  await page.screenshot({ path: path.join(OUT_DIR, 'quality-deviations.png'), fullPage: true });
  await openDeviation(dv);

  // Investigation: a note, the root cause from the demo's reason codes, CAPA.
  await page.locator('[data-testid="investigation-root-cause"] option[value="DEV-EQUIPMENT"]').waitFor({ state: 'attached' });
  await page.getByTestId('investigation-note').fill('impeller speed sensor drift; granule size checked in limits');
  await page.getByTestId('investigation-root-cause').selectOption('DEV-EQUIPMENT');
  await page.getByTestId('investigation-capa').fill('CAPA-2026-031');
  await page.getByTestId('investigation-save').click();
  await page.getByTestId('investigation-notice').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('deviation-root-cause').innerText(), 'DEV-EQUIPMENT');
  assert.equal(await page.getByTestId('deviation-capa').innerText(), 'CAPA-2026-031');
  assert.match(await page.getByTestId('deviation-note').first().innerText(), /sensor drift/);
  // A critical deviation stays critical: the server's refusal is shown.
  await page.getByTestId('investigation-classification').selectOption('major');
  await page.getByTestId('investigation-save').click();
  await page.getByTestId('investigation-error').waitFor({ state: 'visible' });
  assert.match(await page.getByTestId('investigation-error').innerText(), /stays critical/);
  await page.getByTestId('investigation-classification').selectOption('critical');

  // The first signature: the deviation stays open, waiting for a second person.
  assert.match(await page.getByTestId('disposition-needed').innerText(), /two quality signatures.*0 of 2/);
  await page.getByTestId('disposition-kind').selectOption('use_as_is');
  await page.getByTestId('disposition-comment').fill('granules within specification');
  await page.getByTestId('disposition-sign').click();
  assert.equal(await page.getByTestId('signing-dialog').getAttribute('data-meaning'), 'dispositioned');
  await checkA11y(page, 'quality-disposition-signing');
  await sign(page, 'quality', server.users.quality.password, '', OUT_DIR);
  await page.getByTestId('deviation-notice').waitFor({ state: 'visible' });
  assert.match(await page.getByTestId('deviation-notice').innerText(), /second quality signature/);
  assert.equal(await page.locator(`[data-testid="deviation-detail"]`).getAttribute('data-state'), 'open');
  const firstSig = page.locator('[data-testid="deviation-disposition"][data-signer="quality"]');
  await firstSig.waitFor({ state: 'visible' });
  await page.waitForFunction(() => /Dispositioned/.test(document.querySelector('[data-testid="deviation-disposition"]')?.textContent ?? ''));
  assert.match(await firstSig.innerText(), /Use as is[\s\S]*Demo Quality[\s\S]*Dispositioned[\s\S]*UTC[+-]\d\d:\d\d/i);

  // The same person again is refused, saying why.
  await page.getByTestId('disposition-not-your-turn').waitFor({ state: 'visible' });
  await page.getByTestId('disposition-comment').fill('again');
  await page.getByTestId('disposition-sign').click();
  const twice = await refusedSignature('quality', server.users.quality.password);
  assert.match(twice, /quality already signed/);
  assert.match(twice, /two different/);
  await page.screenshot({ path: path.join(OUT_DIR, 'quality-same-person-refused.png'), fullPage: true });
  await page.getByTestId('signing-cancel').click();
  await signOut(page);

  // A second quality person signs the same disposition: the deviation closes.
  await signInAs('qa.second', second);
  await openDeviation(dv);
  assert.match(await page.getByTestId('disposition-needed').innerText(), /1 of 2.*Use as is/);
  await page.getByTestId('disposition-comment').fill('agreed: no impact on granule quality');
  await page.getByTestId('disposition-sign').click();
  await sign(page, 'qa.second', second, '', OUT_DIR);
  await page.locator(`[data-testid="deviation-detail"][data-id="${dv}"][data-state="closed"]`).waitFor({ state: 'visible' });
  assert.match(await page.getByTestId('deviation-notice').innerText(), /dispositioned and closed/);
  assert.equal(await page.getByTestId('deviation-disposition').count(), 2);
  const history = page.locator('[data-testid="history-entry"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-entry"][data-type="deviations.deviation_closed"]').length === 1);
  assert.equal(await page.locator('[data-testid="history-entry"][data-type="signature.applied"]').count(), 2);
  assert.ok((await history.count()) >= 6, 'opened, updated (2), signed and disposition (2 each), closed');
  assert.equal(await page.getByTestId('disposition-form').count(), 0, 'a closed deviation takes no more signatures');
  await checkA11y(page, 'quality-deviation-closed');
  await page.screenshot({ path: path.join(OUT_DIR, 'quality-deviation-closed.png'), fullPage: true });
  await signOut(page);

  // Dispositioned: the operator completes.
  await signInAs('operator', server.users.operator.password);
  await openGranulation();
  await expectState('in_progress');
  await page.getByTestId('term-good').fill('1500');
  await page.getByTestId('term-complete').click();
  await expectState('completed');
  await page.screenshot({ path: path.join(OUT_DIR, 'quality-operator-completes.png'), fullPage: true });
  await signOut(page);
});

test('[ORDO-UI-65] [ORDO-UI-64] [P11-17] quality opens a deviation by hand; its author may not sign its disposition', { timeout: 120_000 }, async () => {
  await signInAs('quality', server.users.quality.password);
  await page.goto(server.baseUrl + '/#/quality/new');
  await page.getByTestId('deviation-open-form').waitFor({ state: 'visible' });
  await checkA11y(page, 'quality-open-deviation');
  // Bad input: the server's refusal names the field.
  await page.getByTestId('deviation-open-order').fill('WO-NOPE');
  await page.getByTestId('deviation-open-title').fill('drum seal broken');
  await page.getByTestId('deviation-open-submit').click();
  await page.getByTestId('deviation-open-error').waitFor({ state: 'visible' });
  assert.match(await page.getByTestId('deviation-open-error').innerText(), /WO-NOPE[\s\S]*order_id/);
  await page.getByTestId('deviation-open-order').fill(ORDER);
  await page.getByTestId('deviation-open-lots').fill('L-API-Q1');
  await page.getByTestId('deviation-open-classification').selectOption('critical');
  await page.getByTestId('deviation-open-description').fill('found at the booth during line clearance');
  await page.getByTestId('deviation-open-submit').click();
  const detail = page.locator('[data-testid="deviation-detail"][data-state="open"]');
  await detail.waitFor({ state: 'visible' });
  const id = await detail.getAttribute('data-id');
  assert.match(id, /^DV-\d{6}$/);
  assert.notEqual(id, dv);
  assert.equal(await page.getByTestId('deviation-title').innerText(), 'drum seal broken');
  assert.equal(await page.getByTestId('deviation-lots').locator('a').getAttribute('href'), '#/lots', 'lot release is linked, not duplicated');

  await page.getByTestId('disposition-not-your-turn').waitFor({ state: 'visible' });
  await page.getByTestId('disposition-kind').selectOption('scrap');
  await page.getByTestId('disposition-comment').fill('drum contaminated');
  await page.getByTestId('disposition-sign').click();
  const refused = await refusedSignature('quality', server.users.quality.password);
  assert.match(refused, new RegExp(`quality opened deviation ${id} and may not sign`));
  assert.match(refused, /another quality person must sign/);
  await page.screenshot({ path: path.join(OUT_DIR, 'quality-author-refused.png'), fullPage: true });
  await page.getByTestId('signing-cancel').click();
  const quality = await tokenFor(server, 'quality', server.users.quality.password);
  const stored = await ok('GET', `/deviations/${id}`, undefined, quality);
  assert.equal(stored.deviation.dispositions.length, 0, 'the refused signature changed nothing');
  assert.equal(stored.deviation.author, 'quality');
  await signOut(page);
});
