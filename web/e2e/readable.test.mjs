// Browser end-to-end test of readable records (issue 9, section 1), against the real
// ordo server binary with the demo plant. Through the API the engineer drafts a new
// version of the DosePen routing: the spring preload force's high limit 13.5 -> 14 N, a
// new parameter, and work instructions holding Markdown, a <script> tag, an
// <img onerror>, a javascript: link and an attachment link; and submits it signed.
// Quality opens the change request in the browser and sees each change in words
// ("Operation 20 Drive sub-assembly > Parameter Spring preload force > High limit", old and
// new with the unit, the raw path only as tooltip/detail), the added parameter as
// content, the instructions rendered and sanitised; and approves with a signature. The
// routing page renders the instructions; the audit trail shows event types by label,
// subjects as links, choices for type and actor, a draft's payload as labelled old ->
// new rows, and times in the one format. Screenshots go to web/test-output/.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn, signOut } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';
import { sign } from './lib/signing.mjs';
import { call } from './lib/api.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');
const ROUTING = 'RT-DOSEPEN-3ML';
const LIMIT_PATH = 'operations[id=20].parameters[name=spring_preload_force].high';
const ADDED_PATH = 'operations[id=20].parameters[name=spring_seat_depth]';
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC[+-]\d{2}:\d{2}$/;

function ok(r, what) {
  assert.ok(r.status === 200 || r.status === 201, `${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Engineer (API): a change request with one limit changed, a parameter added, hostile instructions. */
async function draftAndSubmit(baseUrl, users) {
  const token = ok(await call(baseUrl, null, 'POST', '/session', { user: 'engineer', password: users.engineer.password }), 'sign-in').token;
  const sop = ok(
    await call(baseUrl, token, 'POST', '/attachments', {
      name: 'torque-table.txt',
      media_type: 'text/plain',
      data: Buffer.from('Torque table for the drive sub-assembly\n').toString('base64'),
    }),
    'attachment',
  ).attachment;
  const row = ok(await call(baseUrl, token, 'GET', `/masterdata/routing/${ROUTING}`), 'routing').object;
  const content = ok(await call(baseUrl, token, 'GET', `/masterdata/routing/${ROUTING}/versions/${row.effective_version}`), 'version')
    .version.content;
  const op20 = content.operations.find((o) => o.id === '20');
  const spring = op20.parameters.find((p) => p.name === 'spring_preload_force');
  assert.equal(spring.high, 13.5, 'the demo limit this test changes');
  spring.high = 14.0;
  op20.parameters.push({ name: 'spring_seat_depth', unit: 'mm', target: 4.2, low: 4.0, high: 4.4, critical: false, source: 'manual' });
  op20.instructions =
    '## Drive sub-assembly\n\n' +
    '1. Seat the spring **fully**; see the [torque table](attachment:' + sop.sha256 + ').\n' +
    '2. Never <script>window.__ordoInjected = 1</script> skip the check.\n' +
    '3. <img src="x" onerror="window.__ordoInjected = 2"> and [a trap](javascript:window.__ordoInjected=3).\n';
  const cr = ok(
    await call(baseUrl, token, 'POST', '/change-requests', {
      title: 'DosePen: spring preload force up to 14 N',
      description: 'Raise the spring preload limit, add the seat depth check.',
      reason: 'Supplier change of the drive spring (PV-051).',
    }),
    'open',
  ).change_request;
  ok(await call(baseUrl, token, 'PUT', `/change-requests/${cr.id}/items/routing/${ROUTING}`, { content }), 'draft');
  ok(await call(baseUrl, token, 'POST', `/change-requests/${cr.id}/submit`, { signature: { user: 'engineer', password: users.engineer.password } }), 'submit');
  return { crId: cr.id, sha256: sop.sha256 };
}

/** Nothing from the hostile instructions ran or reached the DOM as markup. */
async function assertSanitised(page, where) {
  const found = await page.evaluate(() => ({
    injected: window.__ordoInjected ?? null,
    scripts: document.querySelectorAll('body script').length,
    onerror: document.querySelectorAll('[onerror]').length,
    imgs: document.querySelectorAll('.md img').length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
  }));
  assert.deepEqual(found, { injected: null, scripts: 0, onerror: 0, imgs: 0, jsLinks: 0 }, `sanitised on ${where}`);
}

test('a reviewer sees readable diff labels for a parameter change, and approves [P11-02] [P11-05] [P11-13] [A11-07] [A11-08] [ORDO-UI-01] [ORDO-UI-02] [ORDO-UI-03] [ORDO-UI-04] [ORDO-UI-05] [ORDO-UI-06] [ORDO-UI-07] [ORDO-UI-08]', { timeout: 240_000 }, async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  let server = null;
  let browser = null;
  const pageErrors = [];
  try {
    server = await startOrdo();
    const { baseUrl, users } = server;
    const { crId, sha256 } = await draftAndSubmit(baseUrl, users);

    browser = await launchBrowser();
    const { page } = browser;
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) pageErrors.push('CSP: ' + msg.text());
    });
    await page.goto(baseUrl + '/');
    await page.getByTestId('sign-in-form').waitFor({ state: 'visible' });
    await signIn(page, 'quality', users.quality.password);
    await page.goto(`${baseUrl}/#/change-requests/${crId}`);
    await page.locator(`[data-testid="page-change-request"][data-id="${crId}"]`).waitFor({ state: 'visible' });

    // --- the changed limit, in words, with its unit; the raw path only as detail ------
    const item = page.locator(`[data-testid="cr-item"][data-id="${ROUTING}"]`);
    const limitRow = item.locator(`[data-testid="diff-row"][data-path="${LIMIT_PATH}"]`);
    await limitRow.waitFor({ state: 'visible' });
    await checkA11y(page, 'readable-diff');
    await page.waitForFunction(
      (p) => /Drive sub-assembly/.test(document.querySelector(`[data-testid="diff-row"][data-path="${p}"] [data-testid="diff-label"]`)?.textContent ?? ''),
      LIMIT_PATH,
    );
    const label = (await limitRow.getByTestId('diff-label').innerText()).trim();
    assert.equal(label, 'Operation 20 Drive sub-assembly > Parameter Spring preload force > High limit');
    assert.doesNotMatch(label, /operations\[id=|\[name=/, 'no raw path in the visible label');
    assert.match(await limitRow.locator('td').first().getAttribute('title'), /operations\[id=20\]\.parameters\[name=spring_preload_force\]\.high/);
    assert.match((await limitRow.locator('td.diff-old').innerText()).trim(), /^13\.5 N$/);
    assert.match((await limitRow.locator('td.diff-new').innerText()).trim(), /^14 N$/);
    assert.equal((await limitRow.getByTestId('diff-old').innerText()).trim(), '13.5');
    assert.equal((await limitRow.getByTestId('diff-new').innerText()).trim(), '14');

    // --- the added parameter: marked added, shown as content with labels, choices by label
    const added = item.locator(`[data-testid="diff-row"][data-path="${ADDED_PATH}"]`);
    assert.equal(await added.getAttribute('data-status'), 'added');
    assert.equal((await added.getByTestId('diff-label').innerText()).trim(), 'Operation 20 Drive sub-assembly > Parameter Spring seat depth');
    const addedText = await added.locator('td.diff-new').innerText();
    assert.match(addedText, /Unit\s+mm/);
    assert.match(addedText, /Source\s+Manual/, 'a choice value by its label');
    assert.doesNotMatch(addedText, /[{}"]/, 'no JSON');
    assert.match(await item.getByTestId('cr-item-diff-summary').innerText(), /1 added, 0 removed, 2 changed/);

    // --- the instructions: rendered Markdown, sanitised, attachment link -------------
    const instr = item.locator('[data-testid="diff-row"][data-path="operations[id=20].instructions"]');
    assert.equal((await instr.getByTestId('diff-label').innerText()).trim(), 'Operation 20 Drive sub-assembly > Instructions');
    const newInstr = instr.locator('td.diff-new .md');
    assert.equal(await newInstr.locator('strong').first().innerText(), 'fully');
    assert.equal(await newInstr.locator('ol > li').count(), 3);
    assert.match(await newInstr.innerText(), /<script>window.__ordoInjected = 1<\/script>/, 'the script tag shows as text');
    assert.match(await newInstr.innerText(), /<img src="x" onerror=/, 'the img tag shows as text');
    // The attachment opens from the instructions (fetched with the session's token).
    const attachment = newInstr.locator(`[data-testid="attachment-link"][data-sha256="${sha256}"]`);
    assert.equal(await attachment.count(), 1);
    // In a diff every link shows its target, so a change of only the target is seen.
    assert.deepEqual((await newInstr.getByTestId('md-link-target').allInnerTexts()).map((t) => t.trim()), [`(attachment ${sha256})`]);
    const [tab] = await Promise.all([page.context().waitForEvent('page'), attachment.click()]);
    await tab.waitForLoadState();
    assert.match(await tab.locator('body').innerText(), /Torque table for the drive sub-assembly/);
    await tab.close();
    assert.equal((await newInstr.getByText('a trap').evaluate((e) => e.tagName)).toLowerCase(), 'li', 'a javascript: link keeps its text only');
    await assertSanitised(page, 'the change request');
    await page.screenshot({ path: path.join(OUT_DIR, 'readable-cr-review.png'), fullPage: true });

    // --- quality approves with a signature ------------------------------------------
    await page.getByTestId('cr-approve').click();
    await sign(page, 'quality', users.quality.password, 'Reviewed against PV-051.', OUT_DIR);
    await page.waitForFunction(() => document.querySelector('[data-testid="cr-state"]')?.getAttribute('data-status') === 'approved');
    const sigTime = (await page.locator('[data-testid="signature"][data-meaning="approved"]').first().getByTestId('signature-time').innerText()).trim();
    assert.match(sigTime, TIME);
    await page.screenshot({ path: path.join(OUT_DIR, 'readable-cr-approved.png'), fullPage: true });

    // --- the routing page: instructions rendered, choices by label, version diff in words
    await item.getByTestId('cr-item-link').click();
    await page.getByTestId('page-masterdata-object').waitFor({ state: 'visible' });
    const content = page.getByTestId('object-content');
    await content.waitFor({ state: 'visible' });
    assert.ok((await content.locator('.md h3, .md h4').count()) >= 1, 'instruction headings are rendered');
    assert.match(await content.innerText(), /Assembly cell/, 'work center class "assembly_cell" by its label');
    const vRow = page.locator(`[data-testid="version-diff-table"] [data-testid="diff-row"][data-path="${LIMIT_PATH}"]`);
    await vRow.waitFor({ state: 'visible' });
    await page.waitForFunction(
      (p) => /Drive sub-assembly/.test(document.querySelector(`[data-testid="version-diff-table"] [data-path="${p}"] [data-testid="diff-label"]`)?.textContent ?? ''),
      LIMIT_PATH,
    );
    assert.match((await vRow.locator('td.diff-new').innerText()).trim(), /^14 N$/);
    // From nothing (v0) the first version reads as content, not as one JSON cell.
    await page.getByTestId('diff-from').selectOption('0');
    await page.getByTestId('diff-to').selectOption('1');
    await page.getByTestId('version-diff-table-new-object').waitFor({ state: 'visible' });
    assert.ok((await page.locator('[data-testid="version-diff-table-new-object"] [data-testid="content-item-operations"]').count()) > 3);
    await assertSanitised(page, 'the routing page');
    await page.screenshot({ path: path.join(OUT_DIR, 'readable-routing.png'), fullPage: true });

    // --- the audit trail: labels, links, choices, old -> new --------------------------
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('page-audit').waitFor({ state: 'visible' });
    const firstRow = page.getByTestId('ledger-row').first();
    await firstRow.waitFor({ state: 'visible' });
    assert.match((await firstRow.locator('time').innerText()).trim(), TIME);
    const events = await page.getByTestId('ledger-event').allInnerTexts();
    assert.ok(events.includes('Change request approved'), `event labels: ${events.slice(0, 8).join(', ')}`);
    assert.ok(events.every((e) => !/^[a-z_]+\.[a-z_]+$/.test(e.trim())), 'no raw event type as label');
    const actorChoices = await page.getByTestId('filter-actor').locator('option').allInnerTexts();
    assert.ok(actorChoices.includes('engineer') && actorChoices.includes('quality'), `actor choices: ${actorChoices.join(', ')}`);
    await page.getByTestId('filter-type').selectOption('masterdata.draft_saved');
    await page.getByTestId('filter-actor').selectOption('engineer');
    await page.getByTestId('filter-apply').click();
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="ledger-row"]')];
      return rows.length > 0 && rows.every((r) => r.getAttribute('data-type') === 'masterdata.draft_saved');
    });
    const draftRow = page.getByTestId('ledger-row').first();
    assert.equal((await draftRow.getByTestId('ledger-event').innerText()).trim(), 'Draft saved');
    const subject = draftRow.getByTestId('ledger-subject-link');
    assert.match((await subject.innerText()).trim(), new RegExp(`^Routing ${ROUTING}( v\\d+)?$`));
    assert.equal(await subject.getAttribute('href'), `#/masterdata/routing/${ROUTING}`);
    await draftRow.click();
    const payload = page.getByTestId('ledger-detail').getByTestId('ledger-payload');
    const pRow = payload.locator(`[data-testid="diff-row"][data-path="${LIMIT_PATH}"]`);
    await pRow.waitFor({ state: 'visible' });
    assert.equal((await pRow.getByTestId('diff-label').innerText()).trim(), 'Operation 20 Drive sub-assembly > Parameter Spring preload force > High limit');
    assert.match((await pRow.locator('td.diff-old').innerText()).trim(), /^13\.5 N$/);
    assert.match((await pRow.locator('td.diff-new').innerText()).trim(), /^14 N$/);
    await assertSanitised(page, 'the audit trail');
    await page.screenshot({ path: path.join(OUT_DIR, 'readable-audit-trail.png'), fullPage: true });

    // The subject link opens the record.
    await subject.click();
    await page.getByTestId('page-masterdata-object').waitFor({ state: 'visible' });
    await signOut(page);
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } catch (err) {
    if (browser) await browser.page.screenshot({ path: path.join(OUT_DIR, 'readable-failure.png'), fullPage: true }).catch(() => {});
    if (server) err.message += `\n--- ordo server output ---\n${server.logs().slice(-4000)}`;
    throw err;
  } finally {
    if (browser) await browser.close();
    if (server) await server.stop();
  }
});
