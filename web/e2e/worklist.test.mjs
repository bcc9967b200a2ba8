// Browser end-to-end test of the worklist [ORDO-UI-20] [ORDO-UI-22] [ORDO-UI-23]
// [ORDO-UI-25] [ORDO-UI-26] [P11-07]: after an engineer submits a change request (through the
// API), quality signs in and lands on the worklist, which shows the pending approval as
// their turn and links to it; the engineer's worklist shows the same request as
// waiting for approval by quality; an operator has nothing to act on, and a page their
// role may not open says "not allowed" instead of showing another page.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn, signOut } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';
import { api, submittedChangeRequest, tokenFor } from './lib/worklist-api.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');

test('[ORDO-UI-20] [ORDO-UI-22] [ORDO-UI-23] [ORDO-UI-25] [ORDO-UI-26] [P11-07] the worklist shows a pending approval to quality and the engineer\'s submitted request as waiting', { timeout: 180_000 }, async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  let server = null;
  let browser = null;
  const pageErrors = [];
  try {
    server = await startOrdo();
    const cr = await submittedChangeRequest(server, 'Worklist e2e: impeller limit');
    browser = await launchBrowser();
    const { page } = browser;
    page.on('pageerror', (err) => pageErrors.push(String(err)));

    // --- quality: the home page is the worklist, with the approval as their turn ---------
    await page.goto(server.baseUrl + '/');
    await page.getByTestId('sign-in-form').waitFor({ state: 'visible' });
    await signIn(page, 'quality', server.users.quality.password);
    await page.getByTestId('page-worklist').waitFor({ state: 'visible' });
    const approve = page.locator(`[data-testid="worklist-yours"] [data-testid="worklist-item"][data-id="${cr}"]`);
    await approve.waitFor({ state: 'visible' });
    await checkA11y(page, 'worklist-quality');
    assert.equal(await approve.getAttribute('data-kind'), 'change_request.approve');
    assert.match(await approve.getByTestId('worklist-state').innerText(), /waiting for your review and approval \(0 of 1\)/);
    assert.match(await approve.innerText(), /Worklist e2e: impeller limit/);
    const badge = page.getByTestId('nav-worklist-badge');
    await badge.waitFor({ state: 'visible' });
    assert.ok(Number((await badge.innerText()).trim()) >= 1, 'the nav entry counts the items of their turn');
    await page.screenshot({ path: path.join(OUT_DIR, 'worklist-quality.png'), fullPage: true });

    // Each item links to its record.
    await approve.getByTestId('worklist-link').click();
    await page.waitForFunction((id) => window.location.hash === `#/change-requests/${id}`, cr);
    await page.getByTestId('cr-approve').waitFor({ state: 'visible' });
    await signOut(page);

    // --- engineer: their submitted request waits for quality ----------------------------
    await signIn(page, 'engineer', server.users.engineer.password);
    await page.getByTestId('page-worklist').waitFor({ state: 'visible' });
    const waiting = page.locator(`[data-testid="worklist-waiting"] [data-testid="worklist-item"][data-id="${cr}"]`);
    await waiting.waitFor({ state: 'visible' });
    assert.equal(await waiting.getAttribute('data-kind'), 'change_request.submitted');
    assert.equal(await waiting.getAttribute('data-your-turn'), 'false');
    assert.match(await waiting.getByTestId('worklist-state').innerText(), /waiting for approval by quality \(0 of 1\)/);
    assert.equal(
      await page.locator(`[data-testid="worklist-yours"] [data-testid="worklist-item"][data-id="${cr}"]`).count(),
      0,
      'the engineer cannot approve their own request',
    );
    await page.screenshot({ path: path.join(OUT_DIR, 'worklist-engineer.png'), fullPage: true });

    // An empty draft of theirs is their turn; its Submit button says visibly why it is disabled.
    const engineerToken = await tokenFor(server, 'engineer', server.users.engineer.password);
    const empty = await api(
      server,
      'POST',
      '/change-requests',
      { title: 'Empty draft', description: 'nothing yet', reason: 'e2e' },
      engineerToken,
    );
    assert.equal(empty.status, 201);
    const emptyId = empty.json.change_request.id;
    await page.getByTestId('worklist-refresh').click();
    const draft = page.locator(`[data-testid="worklist-yours"] [data-testid="worklist-item"][data-id="${emptyId}"]`);
    await draft.waitFor({ state: 'visible' });
    assert.equal(await draft.getAttribute('data-kind'), 'change_request.draft');
    await draft.getByTestId('worklist-link').click();
    const submit = page.getByTestId('cr-submit');
    await submit.waitFor({ state: 'visible' });
    assert.ok(await submit.isDisabled());
    const why = page.getByTestId('cr-submit-why');
    assert.ok(await why.isVisible(), 'the reason is visible, not only a tooltip');
    assert.match(await why.innerText(), /Add a draft/);
    assert.equal(await submit.getAttribute('aria-describedby'), 'cr-submit-why');
    await page.screenshot({ path: path.join(OUT_DIR, 'worklist-disabled-reason.png'), fullPage: true });
    await signOut(page);

    // --- operator: nothing to act on; a page the role may not open says so -----------
    await signIn(page, 'operator', server.users.operator.password);
    await page.getByTestId('page-worklist').waitFor({ state: 'visible' });
    await page.getByTestId('worklist-yours-empty').waitFor({ state: 'visible' });
    await page.getByTestId('worklist-waiting-empty').waitFor({ state: 'visible' });
    assert.equal(await page.getByTestId('worklist-item').count(), 0);
    await page.evaluate(() => (window.location.hash = '#/users'));
    const notAllowed = page.getByTestId('not-allowed');
    await notAllowed.waitFor({ state: 'visible' });
    assert.match(await notAllowed.innerText(), /Not allowed/);
    assert.equal(await page.getByTestId('page-worklist').count(), 0, 'no other page is shown instead');
    assert.equal(await page.getByTestId('page-logbook').count(), 0, 'no other page is shown instead');
    await page.screenshot({ path: path.join(OUT_DIR, 'worklist-operator-not-allowed.png'), fullPage: true });
    await page.evaluate(() => (window.location.hash = '#/no-such-page'));
    await page.getByTestId('no-such-page').waitFor({ state: 'visible' });

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } catch (err) {
    if (browser) {
      await browser.page.screenshot({ path: path.join(OUT_DIR, 'worklist-failure.png'), fullPage: true }).catch(() => {});
    }
    if (server) console.error('--- ordo serve output ---\n' + server.logs());
    throw err;
  } finally {
    if (browser) await browser.close();
    if (server) await server.stop();
  }
});
