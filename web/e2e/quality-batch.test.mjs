// Browser end-to-end test of batch records in the quality workspace (ORDO-UI-67 to 75,
// docs/batch-record.md). A small product (one operation: a parameter, a characteristic,
// second-person verification; yield limits 95..105 %) is approved through change control,
// and two orders are run to completion through the API: WO-E2E-BR1 with a deviation
// opened on it (release refused naming the DV id, nothing released), WO-E2E-BR2 with a
// non-critical parameter out of limits (quality sees the exception first, acknowledges
// it with a comment, releases with a signature; the record shows its content hash and
// checkpoint; the produced lot is released). A deviation opened afterwards and
// dispositioned amends the record: its changed paths show, and re-release needs a reason.
// The demo's clean WO-DEMO-1001 (pen injectors) shows "No exceptions" and its serials.
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
const PRODUCT = 'PD-E2E-BR';
const ROUTING = 'RT-E2E-BR';
const BLOCKED = 'WO-E2E-BR1';
const REVIEWED = 'WO-E2E-BR2';

let server = null;
let browser = null;
let page = null;
let tokens = {};
let blockingDv = '';
const pageErrors = [];

async function ok(method, route, body, token, status = 200) {
  const r = await api(server, method, route, body, token);
  assert.equal(r.status, status, `${method} ${route}: ${JSON.stringify(r.json)}`);
  return r.json;
}
const sig = (user, meaning) => ({ signature: { user, password: server.users[user].password, ...(meaning ? { meaning } : {}) } });

/** The one-operation product with yield limits, approved through change control. */
async function approveProduct() {
  const cr = (await ok('POST', '/change-requests', { title: 'Batch record e2e product', description: 'one operation', reason: 'e2e' }, tokens.engineer, 201)).change_request.id;
  const routing = {
    id: ROUTING,
    name: 'batch record e2e',
    operations: [
      {
        id: '10',
        name: 'Dispensing',
        operation_class: 'dispensing',
        work_center_class: 'dispensary',
        parameters: [{ name: 'room_temperature', unit: 'C', low: 18, high: 25, source: 'manual' }],
        characteristics: [{ name: 'net_weight_deviation', unit: '%', lower_spec: -0.5, upper_spec: 0.5, sample_size: 1 }],
        second_person_verification: true,
      },
    ],
  };
  const product = {
    id: PRODUCT,
    name: 'batch record e2e product',
    material: 'FG-PCM500-20',
    routing: ROUTING,
    yield_low: 95,
    yield_high: 105,
    bom: [{ material: 'RM-PCM-API', quantity: 0.01, unit: 'kg', operation: '10' }],
  };
  await ok('PUT', `/change-requests/${cr}/items/routing/${ROUTING}`, { content: routing }, tokens.engineer);
  await ok('PUT', `/change-requests/${cr}/items/product/${PRODUCT}`, { content: product }, tokens.engineer);
  await ok('POST', `/change-requests/${cr}/submit`, sig('engineer'), tokens.engineer);
  await ok('POST', `/change-requests/${cr}/approve`, sig('quality'), tokens.quality);
}

/** Runs the order's one operation to completion and verification; `temperature` above 25 C is an exception. */
async function runOrder(order, temperature, lot) {
  await ok('POST', '/orders', { order_id: order, product: PRODUCT, quantity: 100, unit: 'ea', due_date: '2099-01-31' }, tokens.supervisor, 201);
  await ok('POST', `/orders/${order}/release`, {}, tokens.supervisor);
  const op = `/orders/${order}/operations/10`;
  await ok('POST', `${op}/start`, { work_unit: 'WU-DISP-BOOTH1' }, tokens.operator);
  await ok('POST', `${op}/acknowledge-instructions`, {}, tokens.operator);
  await ok('POST', `${op}/consume`, { lot: 'L-E2E-BR', quantity: 1 }, tokens.operator);
  await ok('POST', `${op}/parameters`, { name: 'room_temperature', value: temperature }, tokens.operator);
  await ok('POST', `${op}/characteristics`, { name: 'net_weight_deviation', values: [0.1] }, tokens.operator);
  await ok('POST', `${op}/produce`, { lot, quantity: 100 }, tokens.operator);
  await ok('POST', `${op}/complete`, { good: 100 }, tokens.operator);
  await ok('POST', `${op}/verify`, sig('supervisor', 'verified'), tokens.supervisor);
}

before(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  server = await startOrdo();
  for (const u of ['engineer', 'quality', 'supervisor', 'operator']) tokens[u] = await tokenFor(server, u, server.users[u].password);
  await approveProduct();
  await ok('POST', '/lots', { lot: 'L-E2E-BR', material: 'RM-PCM-API', supplier: 'E2E supplier', supplier_lot: 'SUP-BR', quantity: 10, unit: 'kg', expiry: '2099-01-31' }, tokens.supervisor, 201);
  await ok('POST', '/lots/L-E2E-BR/release', sig('quality', 'released'), tokens.quality);
  await runOrder(BLOCKED, 22, 'FG-E2E-BR1');
  const dv = await ok('POST', '/deviations', { order_id: BLOCKED, lots: ['FG-E2E-BR1'], title: 'label roll mix-up suspected' }, tokens.quality, 201);
  blockingDv = dv.deviation.id;
  await runOrder(REVIEWED, 30, 'FG-E2E-BR2');
  browser = await launchBrowser({ viewport: VIEWPORT });
  page = browser.page;
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(server.baseUrl + '/');
  await page.getByTestId('sign-in-form').waitFor({ state: 'visible' });
  await signIn(page, 'quality', server.users.quality.password);
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop();
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});

/** Opens the order's record from the list of records awaiting review. */
async function openFromList(order) {
  await page.goto(server.baseUrl + '/#/quality/batch-records');
  const row = page.locator(`[data-testid="batch-row"][data-id="${order}"]`);
  await row.waitFor({ state: 'visible' });
  await row.locator('a').click();
  await page.locator(`[data-testid="batch-record"][data-order="${order}"]`).waitFor({ state: 'visible' });
}

const record = async (order) => (await ok('GET', `/orders/${order}/batch-record`, undefined, tokens.quality)).batch_record;

test('[ORDO-UI-67] [ORDO-UI-68] [ORDO-UI-69] [ORDO-UI-71] [IND-04] [A11-13] Release is refused while a deviation is open', { timeout: 180_000 }, async () => {
  await openFromList(BLOCKED);
  assert.equal(await page.getByTestId('batch-state').getAttribute('data-state'), 'awaiting_review');
  // The deviation is an exception of its own, cleared by its disposition, linked.
  const row = page.locator(`[data-testid="exception-row"][data-kind="deviation"]`);
  await row.waitFor({ state: 'visible' });
  assert.match(await row.innerText(), new RegExp(blockingDv));
  assert.match(await row.getByTestId('exception-deviation').innerText(), /cleared by the deviation's own signed disposition/);
  assert.equal(await row.locator('a').getAttribute('href'), `#/quality/deviations/${blockingDv}`);
  assert.equal(await row.getByTestId('exception-acknowledge').count(), 0, 'a deviation is not acknowledged here');
  assert.match(await page.getByTestId('batch-release-blockers').innerText(), new RegExp(`open deviation\\(s\\) ${blockingDv}`));
  await checkA11y(page, 'quality-batch-record-blocked');

  await page.getByTestId('batch-release').click();
  const dialog = page.getByTestId('signing-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await dialog.getAttribute('data-meaning'), 'released');
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
  assert.match(refusal, new RegExp(`open deviations block the release: ${blockingDv}`));
  assert.match(refusal, /its own signed disposition/);
  await page.screenshot({ path: path.join(OUT_DIR, 'quality-batch-release-refused.png'), fullPage: true });
  await page.getByTestId('signing-cancel').click();

  // Nothing released: no sealed version, the produced lot still quarantined.
  const r = await record(BLOCKED);
  assert.equal(r.release.released, false);
  assert.equal(r.state, 'awaiting_review');
  const lot = await ok('GET', '/lots/FG-E2E-BR1', undefined, tokens.quality);
  assert.equal(lot.lot.status, 'quarantined');
  assert.equal(await page.getByTestId('batch-state').getAttribute('data-state'), 'awaiting_review');
});

test('[ORDO-UI-67] [ORDO-UI-68] [ORDO-UI-69] [ORDO-UI-70] [ORDO-UI-71] [ORDO-UI-72] [ORDO-UI-74] [ORDO-UI-75] [IND-01] [IND-03] [IND-05] [P11-13] [A11-13] The batch is released after review by exception', { timeout: 180_000 }, async () => {
  await openFromList(REVIEWED);
  // The exception comes first: before the release and before the full record.
  const row = page.locator('[data-testid="exception-row"][data-kind="limit_violation"]');
  await row.waitFor({ state: 'visible' });
  assert.match(await row.innerText(), /room_temperature is 30 C, outside its limits of 18 to 25 C/);
  assert.equal(await row.getAttribute('data-status'), 'open');
  const order = await page.evaluate(() => {
    const at = (id) => document.querySelector(`[data-testid="${id}"]`);
    const before = (a, b) => !!(at(a).compareDocumentPosition(at(b)) & Node.DOCUMENT_POSITION_FOLLOWING);
    return { release: before('exceptions-table', 'batch-release-form'), details: before('exceptions-table', 'batch-details') };
  });
  assert.deepEqual(order, { release: true, details: true });
  // The full record is behind collapsed sections.
  for (const s of ['product', 'quantities', 'consumed', 'produced', 'operations', 'equipment', 'deviations', 'signatures']) {
    const section = page.getByTestId(`br-section-${s}`);
    assert.equal(await section.getAttribute('open'), null, `${s} starts collapsed`);
  }
  await page.getByTestId('br-section-operations').locator('summary').click();
  assert.match(await page.locator('[data-testid="br-operation"][data-operation="10"]').innerText(), /room_temperature[\s\S]*30 C[\s\S]*18 to 25 C[\s\S]*OUT OF LIMITS/);
  await page.getByTestId('br-section-quantities').locator('summary').click();
  assert.match(await page.getByTestId('br-yield').innerText(), /100 %.*95 to 105 %.*in limits/);
  await checkA11y(page, 'quality-batch-record');
  await page.screenshot({ path: path.join(OUT_DIR, 'quality-batch-review.png'), fullPage: true });

  // A disposition without a comment is refused in the page; an acknowledgement with one is recorded.
  await row.getByTestId('exception-disposition').click();
  await row.getByTestId('exception-error').waitFor({ state: 'visible' });
  await row.getByTestId('exception-comment').fill('room conditions logged; no product impact');
  await row.getByTestId('exception-acknowledge').click();
  await page.locator('[data-testid="exception-row"][data-kind="limit_violation"][data-status="acknowledged"]').waitFor({ state: 'visible' });
  assert.match(await row.getByTestId('exception-reviewed').innerText(), /room conditions logged[\s\S]*quality/);
  await page.locator('[data-testid="batch-state"][data-state="ready_for_release"]').waitFor({ state: 'visible' });
  const hash = await page.getByTestId('batch-content-hash').innerText();

  // The printable record and the JSON are offered as downloads carrying the content hash.
  const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('batch-printable').click()]);
  assert.equal(html.suggestedFilename(), `batch-record-${REVIEWED}.html`);
  await html.saveAs(path.join(OUT_DIR, `batch-record-${REVIEWED}.html`));
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('batch-json').click()]);
  const jsonPath = path.join(OUT_DIR, `batch-record-${REVIEWED}.json`);
  await json.saveAs(jsonPath);
  const { readFileSync } = await import('node:fs');
  assert.match(readFileSync(path.join(OUT_DIR, `batch-record-${REVIEWED}.html`), 'utf8'), new RegExp(hash));
  assert.equal(JSON.parse(readFileSync(jsonPath, 'utf8')).batch_record.content_hash, hash);

  await page.getByTestId('batch-release').click();
  await sign(page, 'quality', server.users.quality.password, '', OUT_DIR);
  await page.locator('[data-testid="batch-state"][data-state="released"]').waitFor({ state: 'visible' });
  assert.match(await page.getByTestId('batch-notice').innerText(), /released/);
  assert.equal(await page.getByTestId('batch-content-hash').innerText(), hash, 'the review changed no content');
  const r = await record(REVIEWED);
  const v1 = r.release.versions[0];
  assert.equal(v1.content_hash, hash);
  assert.equal(await page.getByTestId('batch-checkpoint').innerText(), String(v1.checkpoint_seq));
  const version = page.locator('[data-testid="batch-version"][data-version="1"]');
  assert.match(await version.innerText(), new RegExp(hash));
  assert.match(await page.getByTestId('batch-release-summary').innerText(), /Demo Quality/);
  assert.equal(await page.getByTestId('batch-release-form').count(), 0, 'a released record takes no second release');
  await page.screenshot({ path: path.join(OUT_DIR, 'quality-batch-released.png'), fullPage: true });

  // The sealed version opens on its own page.
  await version.locator('a').click();
  await page.locator(`[data-testid="batch-record"][data-state="sealed"]`).waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('batch-content-hash').innerText(), hash);

  // The produced lot is released (the lot page).
  await page.goto(server.baseUrl + '/#/lots');
  const lot = page.locator('[data-testid="lot-row"][data-id="FG-E2E-BR2"]');
  await lot.waitFor({ state: 'visible' });
  assert.equal(await lot.getAttribute('data-status'), 'released');
  await page.screenshot({ path: path.join(OUT_DIR, 'quality-batch-lot-released.png'), fullPage: true });
});

test('[ORDO-UI-72] [ORDO-UI-73] [A11-06] [P11-13] an amended record shows what changed and is released again only with a reason', { timeout: 180_000 }, async () => {
  // A deviation opened on the released order after the release, dispositioned by a second quality person.
  const dv = (await ok('POST', '/deviations', { order_id: REVIEWED, title: 'late complaint: carton count' }, tokens.quality, 201)).deviation.id;
  const second = await newUser(server, 'qa.br', ['quality']);
  const secondToken = await tokenFor(server, 'qa.br', second);
  const policy = (await ok('GET', '/signature-policy', undefined, secondToken)).policy;
  if (policy) await ok('POST', '/signature-policy/acknowledge', { version: policy.version, password: second }, secondToken);
  const disp = await api(server, 'POST', `/deviations/${dv}/disposition`, { disposition: 'use_as_is', comment: 'counted again: complete', signature: { user: 'qa.br', password: second, meaning: 'dispositioned' } }, secondToken);
  assert.equal(disp.status, 200, JSON.stringify(disp.json));

  await page.goto(server.baseUrl + `/#/quality/batch-records/${REVIEWED}`);
  await page.locator('[data-testid="batch-state"][data-state="amended"]').waitFor({ state: 'visible' });
  const changed = await page.getByTestId('batch-changed-path').allInnerTexts();
  assert.ok(changed.some((p) => p.startsWith('deviations')), `changed paths: ${changed}`);
  await checkA11y(page, 'quality-batch-amended');
  // Without a reason the release does not start.
  await page.getByTestId('batch-release').click();
  await page.getByTestId('batch-release-error').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('signing-dialog').count(), 0);
  await page.getByTestId('batch-release-reason').fill('late complaint investigated under ' + dv);
  await page.getByTestId('batch-release').click();
  await sign(page, 'quality', server.users.quality.password, '', OUT_DIR);
  await page.locator('[data-testid="batch-state"][data-state="released"]').waitFor({ state: 'visible' });
  assert.equal(await page.locator('[data-testid="batch-version"]').count(), 2, 'the earlier sealed version stays');
  assert.match(await page.locator('[data-testid="batch-version"][data-version="2"]').innerText(), new RegExp(`late complaint investigated under ${dv}`));
  await page.screenshot({ path: path.join(OUT_DIR, 'quality-batch-amended-released.png'), fullPage: true });
});

test('[ORDO-UI-68] [ORDO-BR-38] [IND-03] [IND-06] a clean batch shows "No exceptions", the record of a serialized product lists its serials, and any order opens by its id', { timeout: 120_000 }, async () => {
  await page.goto(server.baseUrl + '/#/quality/batch-records');
  await page.getByTestId('batch-list').waitFor({ state: 'visible' });
  await checkA11y(page, 'quality-batch-list');
  await page.getByTestId('batch-open-order').fill('WO-DEMO-1001');
  await page.getByTestId('batch-open').click();
  await page.locator('[data-testid="batch-record"][data-order="WO-DEMO-1001"]').waitFor({ state: 'visible' });
  const r = await record('WO-DEMO-1001');
  assert.equal(r.exceptions.length, 0, 'the demo order is clean');
  await page.getByTestId('exceptions-none').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('exceptions-table').count(), 0);
  // The pen injector's record is its device history record: every produced serial listed.
  assert.ok(r.produced_serials.length > 0, 'the demo pen order produced serials');
  const serials = page.getByTestId('br-section-produced-serials');
  assert.match(await serials.locator('summary').innerText(), new RegExp(`\\(${r.produced_serials.length}\\)`));
  await serials.locator('summary').click();
  await serials.getByText(r.produced_serials[0].serial, { exact: true }).waitFor({ state: 'visible' });
  await page.screenshot({ path: path.join(OUT_DIR, 'quality-batch-clean.png'), fullPage: true });
  // An unknown order shows the server's message.
  await page.goto(server.baseUrl + '/#/quality/batch-records/WO-NOPE');
  await page.getByTestId('batch-error').waitFor({ state: 'visible' });
  assert.match(await page.getByTestId('batch-error').innerText(), /WO-NOPE/);
  await signOut(page);
});
