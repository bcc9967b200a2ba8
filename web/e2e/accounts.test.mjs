// Browser end-to-end tests of accounts (issue 8, sections 3 and 7):
// - an admin resets a user's password to a one-time password on the Users page; the
//   user signs in with it and must choose their own: a too-short and a blocklisted
//   password are refused with the rule named, then a good one signs them in; from the
//   header they change it again (wrong current password refused without ending the
//   session, an unchanged one refused with the rule named);
// - a quality user grants a qualification on the Qualifications page, revokes it with a
//   reason, is refused a grant to themselves and records a training;
// - the header's live security-events badge of an admin counts a throttled sign-in
//   while the page is open and leads to the security events page.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn, signOut } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');

/** Runs `body(server, page)` against a fresh server and browser; no uncaught page errors. */
async function withOrdo(body) {
  mkdirSync(OUT_DIR, { recursive: true });
  let server = null;
  let browser = null;
  const pageErrors = [];
  try {
    server = await startOrdo();
    browser = await launchBrowser();
    const { page } = browser;
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    await page.goto(server.baseUrl + '/');
    await page.getByTestId('sign-in-form').waitFor({ state: 'visible' });
    await body(server, page);
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  }
}

/** Fills the password form (new + confirmation, and the current one when asked) and submits. */
async function choosePassword(form, next, current) {
  if (current !== undefined) await form.getByTestId('password-current').fill(current);
  await form.getByTestId('password-new').fill(next);
  await form.getByTestId('password-confirm').fill(next);
  await form.getByTestId('password-submit').click();
}

/** Waits for the form's error to show and returns its text. */
async function refusal(form) {
  const error = form.getByTestId('password-error');
  await error.waitFor({ state: 'visible' });
  return error.innerText();
}

test('[P11-17] [P11-19] [P11-20] [ORDO-WEB-02] [ORDO-WEB-03] [ORDO-WEB-04] an admin resets a user; the user must change the one-time password at sign-in, the rules named', { timeout: 180_000 }, async () => {
  await withOrdo(async (server, page) => {
    await signIn(page, 'admin', server.users.admin.password);
    await page.getByTestId('nav-users').click();
    const row = page.locator('[data-testid="user-row"][data-name="operator"]');
    await row.getByTestId('user-reset-password').click();
    // A generated one-time password is offered; the rules apply to it like to any.
    const generated = await row.getByTestId('reset-password').inputValue();
    assert.match(generated, /^[A-Za-z0-9]{20}$/);
    await row.getByTestId('reset-password').fill('too short');
    await row.getByTestId('reset-reason').fill('forgot the password (e2e)');
    await row.getByTestId('reset-confirm').click();
    const resetError = row.getByTestId('reset-error');
    await resetError.waitFor({ state: 'visible' });
    assert.match(await resetError.innerText(), /^Minimum length: .*at least 15/);
    await row.getByTestId('reset-generate').click();
    await row.getByTestId('reset-confirm').click();
    const oneTime = (await row.getByTestId('reset-one-time-password').innerText()).trim();
    assert.match(oneTime, /^[A-Za-z0-9]{20}$/);
    await page.screenshot({ path: path.join(OUT_DIR, 'accounts-reset.png'), fullPage: true });
    await row.getByTestId('reset-dismiss').click();
    await row.getByTestId('reset-one-time-password').waitFor({ state: 'detached' });
    await signOut(page);

    // The old password is gone.
    await page.getByTestId('sign-in-user').fill('operator');
    await page.getByTestId('sign-in-password').fill(server.users.operator.password);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('sign-in-error').waitFor({ state: 'visible' });

    // The one-time password opens no session: the page asks for a new password.
    await page.getByTestId('sign-in-password').fill(oneTime);
    await page.getByTestId('sign-in-submit').click();
    const forced = page.getByTestId('forced-password-change');
    await forced.waitFor({ state: 'visible' });
    await checkA11y(page, 'accounts-forced-change');
    assert.match(await forced.getByTestId('forced-change-reason').innerText(), /one-time password/);
    assert.equal(await forced.getByTestId('password-current').count(), 0, 'the one-time password is not asked again');

    await choosePassword(forced, 'only 14 chars!');
    assert.match(await refusal(forced), /^Minimum length: the password must be at least 15 characters long \(it has 14\)/);
    // A dictionary word of 15 letters: long enough, but on the cracklib blocklist.
    await choosePassword(forced, 'Acknowledgments');
    assert.match(await refusal(forced), /^Blocklist of common or compromised passwords: /);
    await choosePassword(forced, oneTime);
    assert.match(await refusal(forced), /^New password must differ from the current one: /);
    await forced.getByTestId('password-new').fill('a good phrase for the morning shift');
    await forced.getByTestId('password-confirm').fill('a good phrase for the morning shift!');
    await forced.getByTestId('password-submit').click();
    assert.match(await refusal(forced), /Confirmation/);
    await page.screenshot({ path: path.join(OUT_DIR, 'accounts-forced-change.png'), fullPage: true });

    await choosePassword(forced, 'a good phrase for the morning shift');
    await page.getByTestId('sign-out').waitFor({ state: 'visible' });
    assert.match(await page.getByTestId('user-role').innerText(), /operator/i);

    // Own change from the header: a wrong current password is refused, the session stays.
    await page.getByTestId('change-password').click();
    const dialog = page.getByTestId('password-dialog');
    await choosePassword(dialog, 'another good phrase for the line', 'not the current password');
    assert.match(await refusal(dialog), /wrong/);
    assert.equal(await page.getByTestId('sign-out').isVisible(), true, 'still signed in');
    await choosePassword(dialog, 'a good phrase for the morning shift', 'a good phrase for the morning shift');
    assert.match(await refusal(dialog), /^New password must differ from the current one: /);
    await choosePassword(dialog, 'another good phrase for the line', 'a good phrase for the morning shift');
    await dialog.getByTestId('password-changed').waitFor({ state: 'visible' });
    await dialog.getByTestId('password-close').click();
    await signOut(page);
    await signIn(page, 'operator', 'another good phrase for the line');
  });
});

test('[A11-10] [P11-09] [ORDO-WEB-05] [ORDO-WEB-06] a qualification is granted and revoked with a reason in the UI; not to oneself', { timeout: 180_000 }, async () => {
  await withOrdo(async (server, page) => {
    await signIn(page, 'quality', server.users.quality.password);
    await page.getByTestId('nav-personnel').click();
    await page.getByTestId('page-personnel').waitFor({ state: 'visible' });
    const engineerOption = page.locator('[data-testid="person-select"] option[data-name="engineer"]');
    await engineerOption.waitFor({ state: 'attached' });
    await page.getByTestId('person-select').selectOption(await engineerOption.getAttribute('value'));

    const leak = page.locator('[data-testid="grant-row"][data-qualification="LEAK-TEST"]');
    await page.getByTestId('grants-table').waitFor({ state: 'visible' });
    assert.equal(await leak.count(), 0, 'the demo engineer is not qualified for leak tests');
    const grantForm = page.getByTestId('grant-form');
    await grantForm.getByTestId('grant-qualification').selectOption('LEAK-TEST');
    const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
    await grantForm.getByTestId('grant-expires').fill(nextYear);
    await grantForm.getByTestId('grant-submit').click();
    await leak.waitFor({ state: 'visible' });
    assert.equal(await leak.getAttribute('data-status'), 'valid');
    assert.match(await leak.innerText(), new RegExp(`${nextYear}[\\s\\S]*quality`));

    await leak.getByTestId('grant-revoke').click();
    await leak.getByTestId('revoke-reason').fill('leak test training not yet complete (e2e)');
    await leak.getByTestId('revoke-confirm').click();
    await page.locator('[data-testid="grant-row"][data-qualification="LEAK-TEST"][data-status="revoked"]').waitFor({ state: 'visible' });
    assert.equal(await leak.getByTestId('grant-revoke').count(), 0, 'a revoked grant offers no revocation');

    // A training record for the engineer.
    const training = page.getByTestId('training-form');
    await training.getByTestId('training-course').fill('SOP-LEAK-001 leak tester');
    await training.getByTestId('training-completed').fill(new Date().toISOString().slice(0, 10));
    await training.getByTestId('training-trainer').fill('Demo Supervisor');
    await training.getByTestId('training-submit').click();
    await page.locator('[data-testid="training-row"]', { hasText: 'SOP-LEAK-001' }).waitFor({ state: 'visible' });
    await page.screenshot({ path: path.join(OUT_DIR, 'personnel-grants.png'), fullPage: true });

    // Nobody grants their own qualification: the server refuses and the form says why.
    const self = page.locator('[data-testid="person-select"] option[data-name="quality"]');
    await page.getByTestId('person-select').selectOption(await self.getAttribute('value'));
    await page.getByTestId('grant-form').getByTestId('grant-qualification').selectOption('LEAK-TEST');
    await page.getByTestId('grant-form').getByTestId('grant-submit').click();
    const refused = page.getByTestId('grant-error');
    await refused.waitFor({ state: 'visible' });
    assert.match(await refused.innerText(), /yourself/);
    assert.equal(await page.locator('[data-testid="grant-row"][data-qualification="LEAK-TEST"]').count(), 0);
  });
});

test('[A11-10] [ORDO-WEB-07] the live security-events badge counts a throttled sign-in while an admin page is open', { timeout: 180_000 }, async () => {
  await withOrdo(async (server, page) => {
    // Without security.monitor there is no badge.
    await signIn(page, 'quality', server.users.quality.password);
    assert.equal(await page.getByTestId('security-badge').count(), 0);
    await signOut(page);

    await signIn(page, 'admin', server.users.admin.password);
    await page.getByTestId('nav-users').click();
    const badge = page.getByTestId('security-badge');
    await page.locator('[data-testid="security-badge"][data-live="true"]').waitFor({ state: 'visible' });
    assert.equal(await badge.getAttribute('data-count'), '0');

    // Wrong passwords for one account until the throttle answers: that attempt is pushed.
    // Sent from outside the browser, as an attacker would.
    let throttled = false;
    for (let i = 0; i < 12 && !throttled; i++) {
      const res = await fetch(server.baseUrl + '/api/v1/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: 'operator', password: `wrong password number ${i}` }),
      });
      throttled = res.status === 429;
    }
    assert.ok(throttled, 'the sign-in throttle answered 429');
    await page.locator('[data-testid="security-badge"]:not([data-count="0"])').waitFor({ state: 'visible' });
    assert.ok(Number(await badge.getAttribute('data-count')) >= 1);
    assert.match(await badge.getAttribute('title'), /session\.login_failed/);
    await page.screenshot({ path: path.join(OUT_DIR, 'security-badge.png'), fullPage: false });

    // It leads to the security events page, where the throttled attempt is listed; seen, it resets.
    await badge.click();
    await page.getByTestId('page-security').waitFor({ state: 'visible' });
    await page.locator('[data-testid="security-row"][data-type="session.login_failed"]', { hasText: 'throttled' }).first().waitFor({ state: 'visible' });
    assert.equal(await badge.getAttribute('data-count'), '0');
  });
});
