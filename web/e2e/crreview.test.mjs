// Browser end-to-end tests of reviewing large change requests and of "Propose a change"
// (issue 9, sections 2 and 3), against the real ordo server with the demo plant.
// 1. The demo's CR-000001 (76 items: the whole plant) on a 1280x800 screen: the summary
//    per kind matches the API's items, items are collapsed and the page stays under
//    four screen heights, one item expands to its readable content, "Expand all" and
//    "Collapse all" work, a kind filters the list, and the bar with state, approvals
//    and signatures stays in view while scrolling.
// 2. From a routing page, "Propose a change" on one parameter's high limit opens a new
//    change request with the draft editor scrolled to and focused on that field, the
//    other operations closed; a wrong value shows a precise error and never "Content is
//    valid"; a save refused for another reason (a draft elsewhere) never shows "Content
//    is valid" either; the saved change request shows one changed item with its one
//    changed field; another object's page offers this change request as "one of mine";
//    submitting is signed.
// Screenshots go to web/test-output/. Requires build/ordo (or $ORDO_BIN) and web/dist.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn, signOut } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';
import { sign } from './lib/signing.mjs';
import { apiSignIn as apiSignInAt, call as callApi } from './lib/api.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');
const VIEWPORT = { width: 1280, height: 800 };
// Collapsed, CR-000001 must fit in this many screen heights: every item title within
// four screens of scrolling (all expanded it is about 30 000 px).
const MAX_SCREENS = 4;

let server = null;

before(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  server = await startOrdo();
});

after(async () => {
  if (server) await server.stop();
});

/** Calls the API directly; returns { status, body }. */
async function call(token, method, route, body) {
  return callApi(server.baseUrl, token, method, route, body);
}

async function apiSignIn(user) {
  return apiSignInAt(server.baseUrl, user, server.users[user].password);
}

/** What an item does: the rule the summary states (obsolete removes, no base adds). */
const effectOf = (it) => (it.action === 'obsolete' ? 'removed' : it.base_version == null ? 'added' : 'changed');

const scrollHeight = (page) => page.evaluate(() => document.body.scrollHeight);

/** Runs a browser session, with a failure screenshot and no uncaught page errors. */
async function withBrowser(name, body) {
  const browser = await launchBrowser();
  const errors = [];
  browser.page.on('pageerror', (err) => errors.push(String(err)));
  try {
    await browser.page.setViewportSize(VIEWPORT);
    await body(browser.page);
    assert.deepEqual(errors, [], 'no uncaught errors in the page');
  } catch (err) {
    await browser.page.screenshot({ path: path.join(OUT_DIR, `${name}-failure.png`), fullPage: true }).catch(() => {});
    err.message += `\n--- ordo server output ---\n${server.logs().slice(-3000)}`;
    throw err;
  } finally {
    await browser.close().catch(() => {});
  }
}

test('the 76-item change request opens with its summary, and an item expands [P11-02] [P11-13] [A11-08] [ORDO-UI-10] [ORDO-UI-11] [ORDO-UI-12] [ORDO-UI-13]', { timeout: 180_000 }, async (t) => {
  const token = await apiSignIn('quality');
  const res = await call(token, 'GET', '/change-requests/CR-000001');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const items = res.body.change_request.items;
  assert.equal(items.length, 76, '"ordo init --demo" loads the demo plant through one change request of 76 items');
  const expected = {};
  for (const it of items) {
    expected[it.kind] ??= { added: 0, changed: 0, removed: 0 };
    expected[it.kind][effectOf(it)]++;
  }

  await withBrowser('crreview-76', async (page) => {
    await page.goto(server.baseUrl + '/');
    await signIn(page, 'quality', server.users.quality.password);
    await page.goto(`${server.baseUrl}/#/change-requests/CR-000001`);
    await page.getByTestId('cr-summary').waitFor({ state: 'visible' });
    await checkA11y(page, 'change-request-summary');

    // --- the summary per kind is the API's item list, counted ---------------------
    const rows = page.getByTestId('cr-summary-row');
    assert.equal(await rows.count(), Object.keys(expected).length, 'one summary row per kind');
    for (const [kind, n] of Object.entries(expected)) {
      const row = page.locator(`[data-testid="cr-summary-row"][data-kind="${kind}"]`);
      for (const effect of ['added', 'changed', 'removed']) {
        const shown = Number((await row.getByTestId(`cr-summary-${effect}`).innerText()).trim());
        assert.equal(shown, n[effect], `${kind} ${effect}`);
      }
    }
    const total = page.getByTestId('cr-summary-total');
    assert.equal(Number((await total.getByTestId('cr-summary-added').innerText()).trim()), items.filter((it) => effectOf(it) === 'added').length);
    assert.match(await total.innerText(), /All \(76\)/);

    // --- collapsed by default: one line per item, a bounded page -------------------
    assert.equal(await page.getByTestId('cr-item').count(), 76, 'every item is listed');
    assert.equal(await page.locator('[data-testid="cr-item"][data-expanded="true"]').count(), 0, 'items are collapsed by default');
    assert.equal(await page.getByTestId('cr-item-body').count(), 0, 'no item content is shown collapsed');
    const collapsed = await scrollHeight(page);
    t.diagnostic(`CR-000001 collapsed at 1280x800: document height ${collapsed} px (${(collapsed / VIEWPORT.height).toFixed(2)} screens)`);
    assert.ok(collapsed < MAX_SCREENS * VIEWPORT.height, `collapsed page height ${collapsed} px < ${MAX_SCREENS} x ${VIEWPORT.height} px`);
    await page.screenshot({ path: path.join(OUT_DIR, 'crreview-76-collapsed.png'), fullPage: true });
    await page.screenshot({ path: path.join(OUT_DIR, 'crreview-76-first-screen.png') });

    // --- the bar with state, approvals, commands and signatures stays in view -------
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const bar = await page.getByTestId('cr-bar').boundingBox();
    assert.ok(bar && bar.y >= 0 && bar.y + bar.height <= VIEWPORT.height, `the bar is in view at the bottom of the page: ${JSON.stringify(bar)}`);
    assert.match(await page.getByTestId('cr-bar').innerText(), /Approved[\s\S]*approvals 1\/1[\s\S]*Signatures \(2\)/i);
    await page.screenshot({ path: path.join(OUT_DIR, 'crreview-76-bottom.png') });
    await page.getByTestId('cr-goto-signatures').click();
    await page.waitForFunction(() => {
      const r = document.getElementById('cr-signatures')?.getBoundingClientRect();
      return r && r.top >= 0 && r.top < window.innerHeight;
    });
    assert.ok((await page.locator('#cr-signatures [data-testid="signature"]').count()) >= 2, 'the signatures are shown');

    // --- one item expands to its readable content -----------------------------------
    const routing = items.find((it) => it.kind === 'routing');
    const item = page.locator(`[data-testid="cr-item"][data-kind="routing"][data-id="${routing.id}"]`);
    await item.getByTestId('cr-item-toggle').click();
    const content = item.getByTestId('cr-item-content');
    await content.waitFor({ state: 'visible' });
    await checkA11y(page, 'change-request-item-expanded');
    assert.equal(await item.getAttribute('data-expanded'), 'true');
    assert.equal(await item.getByTestId('cr-item-toggle').getAttribute('aria-expanded'), 'true');
    const text = await content.innerText();
    assert.ok(text.includes(routing.name), 'the expanded routing shows its name');
    const version = await call(token, 'GET', `/masterdata/routing/${encodeURIComponent(routing.id)}/versions/${routing.version}`);
    for (const op of version.body.version.content.operations) {
      assert.ok(text.includes(op.name), `the expanded routing shows operation ${op.id} ${op.name}`);
    }
    assert.equal(await page.getByTestId('cr-item-body').count(), 1, 'only that item is expanded');
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT_DIR, 'crreview-76-one-expanded.png') });
    await item.getByTestId('cr-item-toggle').click();
    await item.getByTestId('cr-item-body').waitFor({ state: 'detached' });

    // --- expand all, collapse all -----------------------------------------------------
    await page.getByTestId('cr-expand-all').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="cr-item-content"]').length === 76, null, { timeout: 60_000 });
    const expandedHeight = await scrollHeight(page);
    t.diagnostic(`CR-000001 all expanded: document height ${expandedHeight} px`);
    assert.ok(expandedHeight > 3 * collapsed, 'expanding all shows every item');
    await page.getByTestId('cr-collapse-all').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="cr-item-body"]').length === 0);
    assert.equal(await scrollHeight(page), collapsed, 'collapsing all returns to the collapsed page');

    // --- a kind in the summary filters the list ----------------------------------------
    await page.locator('[data-testid="cr-summary-row"][data-kind="routing"]').getByTestId('cr-summary-kind').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="cr-item"]').length === n, expected.routing.added);
    assert.equal(await page.locator('[data-testid="cr-item"]:not([data-kind="routing"])').count(), 0, 'only routings are listed');
    await page.screenshot({ path: path.join(OUT_DIR, 'crreview-76-routings.png'), fullPage: true });
    await page.locator('[data-testid="cr-summary-row"][data-kind="routing"]').getByTestId('cr-summary-kind').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="cr-item"]').length === 76);
  });
});

/** A parameter with a numeric high limit in an effective routing of several operations. */
async function pickRoutingLimit(token) {
  const list = await call(token, 'GET', '/masterdata/routing');
  for (const row of list.body.objects) {
    const v = await call(token, 'GET', `/masterdata/routing/${encodeURIComponent(row.id)}/versions/${row.effective_version}`);
    const ops = v.body.version.content.operations ?? [];
    if (ops.length < 2) continue;
    for (const op of ops.slice(1)) {
      for (const p of op.parameters ?? []) {
        if (typeof p.high === 'number') {
          return { routing: row.id, content: v.body.version.content, op, param: p, path: `operations[id=${op.id}].parameters[name=${p.name}].high` };
        }
      }
    }
  }
  throw new Error('the demo plant has no routing with a parameter high limit after its first operation');
}

/** Fields (leaves) of a content: what a form showing everything would show. */
function countLeaves(v) {
  if (Array.isArray(v)) return v.every((x) => typeof x !== 'object') ? 1 : v.reduce((n, x) => n + countLeaves(x), 0);
  if (v && typeof v === 'object') return Object.values(v).reduce((n, x) => n + countLeaves(x), 0);
  return 1;
}

const validationState = (page) => page.getByTestId('draft-validation').getAttribute('data-state');

test('"Propose a change" from a routing page edits one limit [A11-08] [P11-13] [DI-05] [ORDO-UI-14] [ORDO-UI-15] [ORDO-UI-16] [ORDO-UI-17] [ORDO-UI-10] [ORDO-UI-12]', { timeout: 180_000 }, async (t) => {
  const engineerToken = await apiSignIn('engineer');
  const target = await pickRoutingLimit(engineerToken);
  const oldHigh = target.param.high;
  const newHigh = oldHigh + 1;
  const leaves = countLeaves(target.content);

  await withBrowser('propose', async (page) => {
    await page.goto(server.baseUrl + '/');
    await signIn(page, 'engineer', server.users.engineer.password);
    await page.goto(`${server.baseUrl}/#/masterdata/routing/${encodeURIComponent(target.routing)}`);
    await page.getByTestId('object-content').waitFor({ state: 'visible' });

    // --- "Propose a change" at the parameter's high limit ----------------------------
    await page.getByTestId('object-propose').click();
    await page.getByTestId('propose-panel').waitFor({ state: 'visible' });
    await page.getByTestId('propose-find-query').fill(`${target.op.id} ${target.param.name} high`);
    const result = page.locator(`[data-testid="propose-find-result"][data-path="${target.path}"]`);
    await result.waitFor({ state: 'visible' });
    assert.match(await result.innerText(), new RegExp(String(oldHigh)), 'the result shows the limit in force');
    await result.click();
    assert.equal(await page.getByTestId('propose-field').getAttribute('data-path'), target.path);
    assert.ok(await page.getByTestId('propose-target-new').isChecked(), 'a new change request is offered when I have none open');
    await page.screenshot({ path: path.join(OUT_DIR, 'propose-panel.png') });
    await page.getByTestId('cr-title').fill(`Raise ${target.param.name} high limit of ${target.routing}`);
    await page.getByTestId('cr-description').fill(`Operation ${target.op.id}: high limit ${oldHigh} -> ${newHigh}.`);
    await page.getByTestId('cr-reason').fill('Process validation report PV-077 supports the wider range.');
    await page.getByTestId('cr-create').click();

    // --- the editor opens on that field: sections around it open, scrolled, focused ----
    const crPage = page.getByTestId('page-change-request');
    await crPage.waitFor({ state: 'visible' });
    const crId = await crPage.getAttribute('data-id');
    await page.getByTestId('draft-editor').waitFor({ state: 'visible' });
    await checkA11y(page, 'propose-draft-editor');
    assert.equal(await page.getByTestId('draft-editor').getAttribute('data-id'), target.routing);
    const field = page.getByTestId(`field-${target.path}`);
    await page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, `field-${target.path}`);
    const box = await field.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= VIEWPORT.height, `the field is in view: ${JSON.stringify(box)}`);
    assert.equal(await field.inputValue(), String(oldHigh), 'the draft starts from the content in force');
    const closedOps = await page.locator('[data-testid^="item-operations[id="][data-open="false"]').count();
    assert.equal(closedOps, target.content.operations.length - 1, 'the other operations stay closed');
    const inputs = await page.getByTestId('draft-editor').locator('input:not([type=search]), select, textarea').count();
    t.diagnostic(`draft form of ${target.routing}: ${inputs} inputs shown for ${leaves} fields in the content`);
    assert.ok(inputs * 3 < leaves, `the form shows ${inputs} inputs, far fewer than the ${leaves} fields`);
    await page.screenshot({ path: path.join(OUT_DIR, 'propose-editor-at-field.png') });

    // --- validation as you type: precise, and never "valid" next to an error -----------
    await field.fill('high');
    await page.waitForFunction(() => document.querySelector('[data-testid="draft-validation"]')?.getAttribute('data-state') === 'errors');
    const fieldError = page.locator(`label:has([data-testid="field-${target.path}"]) [data-testid="field-error"]`);
    await fieldError.waitFor({ state: 'visible' });
    assert.ok(!/Content is valid/.test(await page.getByTestId('draft-validation').innerText()));
    assert.equal(await page.getByTestId('draft-save').isDisabled(), true, 'an invalid draft cannot be saved');
    await page.screenshot({ path: path.join(OUT_DIR, 'propose-invalid.png') });
    // Closed, the operation counts the problem inside; the problem leads back to the field.
    await page.getByTestId('draft-collapse-all').click();
    const op = page.getByTestId(`item-operations[id=${target.op.id}]`);
    assert.equal(await op.getAttribute('data-open'), 'false');
    assert.match(await op.getByTestId('section-problems').innerText(), /^1 problem$/);
    await page.getByTestId('draft-error-field').click();
    await page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, `field-${target.path}`);
    await field.fill(String(newHigh));
    await page.waitForFunction(() => document.querySelector('[data-testid="draft-validation"]')?.getAttribute('data-state') === 'ok');
    assert.equal(await fieldError.count(), 0, 'the error is gone with the wrong value');

    // A save refused for a reason other than the content (a draft of the routing in
    // another change request) is shown once, and "Content is valid" is not.
    const other = await call(engineerToken, 'POST', '/change-requests', { title: 'Blocking draft', description: 'Holds a draft of the routing.', reason: 'Test.' });
    assert.ok(other.status === 200 || other.status === 201, JSON.stringify(other.body));
    const otherId = other.body.change_request.id;
    const otherContent = structuredClone(target.content);
    otherContent.name = `${otherContent.name} (other)`;
    const blocking = await call(engineerToken, 'PUT', `/change-requests/${otherId}/items/routing/${encodeURIComponent(target.routing)}`, { content: otherContent });
    assert.ok(blocking.status === 200 || blocking.status === 201, JSON.stringify(blocking.body));
    await page.getByTestId('draft-save').click();
    await page.getByTestId('draft-error').waitFor({ state: 'visible' });
    assert.match(await page.getByTestId('draft-error').innerText(), new RegExp(otherId));
    assert.ok(!/Content is valid/.test(await page.getByTestId('draft-editor').innerText()), '"Content is valid" is not shown beside the refusal');
    await page.screenshot({ path: path.join(OUT_DIR, 'propose-save-refused.png') });
    const withdrawn = await call(engineerToken, 'DELETE', `/change-requests/${otherId}/items/routing/${encodeURIComponent(target.routing)}`);
    assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));

    // --- save: the change request shows one changed item, one changed field -------------
    assert.equal(await validationState(page), 'ok');
    await page.getByTestId('draft-save').click();
    await page.getByTestId('draft-editor').waitFor({ state: 'detached' });
    assert.ok(!page.url().includes('?'), 'the link to the editor is dropped once saved');
    const item = page.locator('[data-testid="cr-item"]');
    assert.equal(await item.count(), 1, 'one item');
    assert.equal(await item.getAttribute('data-effect'), 'changed');
    assert.match(await item.getByTestId('cr-item-effect').innerText(), /^1 field changed/);
    const row = page.locator('[data-testid="cr-summary-row"][data-kind="routing"]');
    assert.equal((await row.getByTestId('cr-summary-changed').innerText()).trim(), '1');
    assert.equal((await row.getByTestId('cr-summary-added').innerText()).trim(), '0');
    const diffRows = item.getByTestId('diff-row');
    assert.equal(await diffRows.count(), 1, 'changed fields only: one row');
    assert.equal(await diffRows.first().getAttribute('data-path'), target.path);
    assert.equal((await diffRows.first().getByTestId('diff-new').innerText()).trim(), String(newHigh));
    assert.equal(await item.getByTestId('cr-item-content').count(), 0, 'changed fields only: no full content');
    await page.screenshot({ path: path.join(OUT_DIR, 'propose-saved.png'), fullPage: true });
    await page.getByTestId('cr-view-full').check();
    await item.getByTestId('cr-item-content').waitFor({ state: 'visible' });
    assert.ok((await item.getByTestId('cr-item-content').innerText()).includes(target.op.name), 'full content shows the operations');
    await page.getByTestId('cr-view-changes').check();

    // --- another object's page offers this change request as one of mine ---------------
    const materials = await call(engineerToken, 'GET', '/masterdata/material');
    const material = materials.body.objects[0].id;
    await page.goto(`${server.baseUrl}/#/masterdata/material/${encodeURIComponent(material)}`);
    await page.getByTestId('object-propose').click();
    const mine = page.locator(`[data-testid="propose-target"][data-id="${crId}"]`);
    await mine.waitFor({ state: 'visible' });
    assert.equal(await page.locator(`[data-testid="propose-target"][data-id="${otherId}"]`).count(), 1, 'every open change request of mine is offered');
    await mine.check();
    await page.getByTestId('propose-open').click();
    await page.getByTestId('draft-editor').waitFor({ state: 'visible' });
    assert.equal(await page.getByTestId('draft-editor').getAttribute('data-kind'), 'material');
    assert.equal(await crPage.getAttribute('data-id'), crId);
    await page.getByTestId('draft-cancel').click();
    await page.getByTestId('draft-editor').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('cr-item').count(), 1, 'cancelling adds nothing');

    // --- submit with a signature ---------------------------------------------------------
    await page.getByTestId('cr-submit').click();
    await sign(page, 'engineer', server.users.engineer.password, undefined, OUT_DIR);
    await page.waitForFunction(() => document.querySelector('[data-testid="cr-state"]')?.getAttribute('data-status') === 'in_review');
    await page.locator('[data-testid="signature"][data-meaning="authored"]').first().waitFor({ state: 'visible' });
    await page.screenshot({ path: path.join(OUT_DIR, 'propose-submitted.png'), fullPage: true });
    await signOut(page);
  });
});
