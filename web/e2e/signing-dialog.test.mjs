// Browser end-to-end test of the signing dialog [P11-10] [P11-13] [ORDO-UI-27]
// [ORDO-UI-28] [ORDO-UI-29]: a new quality user (created by the admin through the API,
// one-time password changed) opens "Approve" from their worklist; the dialog shows the
// signature policy first (before any refusal), keeps focus inside while Tab and
// Shift+Tab cycle, closes on Escape and gives focus back; after the acknowledgement the
// user name is prefilled, a wrong password is refused with one message that says what
// to do, and the right one signs.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';
import { newUser, submittedChangeRequest } from './lib/worklist-api.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');

/** True when the focused element is inside the signing dialog. */
const focusInDialog = (page) =>
  page.evaluate(() => {
    const d = document.querySelector('[data-testid="signing-dialog"]');
    return !!d && d.contains(document.activeElement) && document.activeElement !== document.body;
  });

const focusedTestId = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

/** Presses `key` `times` times and asserts focus never leaves the dialog. */
async function cycle(page, key, times) {
  const seen = new Set();
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    assert.ok(await focusInDialog(page), `focus stays in the dialog after ${key} #${i + 1}`);
    seen.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60)));
  }
  return seen.size;
}

async function waitStep(page, step) {
  await page.waitForFunction(
    (s) => document.querySelector('[data-testid="signing-dialog"]')?.getAttribute('data-step') === s,
    step,
  );
}

test('[P11-10] [P11-13] [ORDO-UI-27] [ORDO-UI-28] [ORDO-UI-29] the signing dialog keeps focus inside, closes on Escape, has the user prefilled and offers the policy first', { timeout: 180_000 }, async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  let server = null;
  let browser = null;
  const pageErrors = [];
  try {
    server = await startOrdo();
    const cr = await submittedChangeRequest(server, 'Signing dialog e2e');
    const password = await newUser(server, 'newquality', ['quality']);
    browser = await launchBrowser();
    const { page } = browser;
    page.on('pageerror', (err) => pageErrors.push(String(err)));

    await page.goto(server.baseUrl + '/');
    await page.getByTestId('sign-in-form').waitFor({ state: 'visible' });
    await signIn(page, 'newquality', password);
    const item = page.locator(`[data-testid="worklist-yours"] [data-testid="worklist-item"][data-id="${cr}"]`);
    await item.waitFor({ state: 'visible' });
    await item.getByTestId('worklist-link').click();
    const approve = page.getByTestId('cr-approve');
    await approve.waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle'); // the page has settled: the opener stays the same button
    await approve.click();

    // The policy comes first: no signing attempt, no refusal.
    const dialog = page.getByTestId('signing-dialog');
    await dialog.waitFor({ state: 'visible' });
    await waitStep(page, 'policy');
    assert.equal(await dialog.getAttribute('data-failures'), '0');
    assert.equal(await page.getByTestId('signing-error').count(), 0, 'no refusal before the policy');
    await page.getByTestId('policy-text').waitFor({ state: 'visible' });
    assert.equal(await focusedTestId(page), 'policy-password', 'focus moves into the dialog');
    await checkA11y(page, 'signing-dialog-policy');
    assert.ok((await cycle(page, 'Tab', 8)) >= 3, 'Tab visits the dialog\'s controls');
    await cycle(page, 'Shift+Tab', 8);
    await page.screenshot({ path: path.join(OUT_DIR, 'signing-policy-first.png'), fullPage: true });

    // Escape closes it, and focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page
      .waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'cr-approve', null, { timeout: 5000 })
      .catch(() => {});
    assert.equal(await focusedTestId(page), 'cr-approve', 'focus returns to the opener');

    // A wrong password for the acknowledgement: one message, saying what to do.
    await approve.click();
    await waitStep(page, 'policy');
    await page.getByTestId('policy-password').fill(password + '-wrong');
    await page.getByTestId('policy-acknowledge').click();
    const policyError = page.getByTestId('policy-error');
    await policyError.waitFor({ state: 'visible' });
    assert.match(await policyError.innerText(), /password is wrong.*again/i);
    assert.equal(await dialog.locator('[role="alert"]').count(), 1, 'the error is shown once');
    await page.getByTestId('policy-password').fill(password);
    await page.getByTestId('policy-acknowledge').click();

    // Then the signature, with the signed-in user prefilled and the password focused.
    await waitStep(page, 'sign');
    assert.equal(await page.getByTestId('signing-user').inputValue(), 'newquality');
    assert.equal(await focusedTestId(page), 'signing-password');
    assert.ok((await cycle(page, 'Tab', 10)) >= 4, 'Tab visits the dialog\'s controls');
    await cycle(page, 'Shift+Tab', 10);
    // A click outside does not take focus out either.
    await page.mouse.click(5, 880);
    assert.ok(await focusInDialog(page), 'focus stays in the dialog after a click outside');
    await page.screenshot({ path: path.join(OUT_DIR, 'signing-prefilled.png'), fullPage: true });

    // A wrong password: refused once, in words that say what to do.
    await page.getByTestId('signing-password').fill(password + '-wrong');
    await page.getByTestId('signing-sign').click();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="signing-dialog"]')?.getAttribute('data-failures')) > 0,
    );
    const error = page.getByTestId('signing-error');
    assert.match(await error.innerText(), /user name or password is wrong.*enter your password again/i);
    assert.equal(await dialog.locator('[role="alert"]').count(), 1, 'the error is shown once');
    assert.equal(await page.getByTestId('signing-open-policy').count(), 0);
    await page.screenshot({ path: path.join(OUT_DIR, 'signing-refused.png'), fullPage: true });

    await page.getByTestId('signing-password').fill(password);
    await page.getByTestId('signing-sign').click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-testid="cr-state"]')?.textContent?.includes('pproved'));

    // Reopening for a new user later: the policy is not asked for again.
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } catch (err) {
    if (browser) {
      await browser.page.screenshot({ path: path.join(OUT_DIR, 'signing-failure.png'), fullPage: true }).catch(() => {});
    }
    if (server) console.error('--- ordo serve output ---\n' + server.logs());
    throw err;
  } finally {
    if (browser) await browser.close();
    if (server) await server.stop();
  }
});
