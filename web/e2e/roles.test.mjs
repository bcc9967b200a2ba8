// Browser end-to-end test of role administration [A11-10] [ORDO-ACCESS-20]
// [ORDO-ACCESS-24]: the admin grants the operator the quality role with a reason and
// revokes it again; the operator's last role cannot be revoked (the server's message is
// shown); the admin is offered no role to grant themselves; the security events page
// lists the grant and the revocation with the admin and the reason.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');

async function changeRole(page, row, action, reason) {
  await row.getByTestId('user-roles').click();
  const form = row.getByTestId('role-form');
  await form.getByTestId('role-action').selectOption(action);
  await form.getByTestId('role-reason').fill(reason);
  await form.getByTestId('role-confirm').click();
}

test('[A11-10] [ORDO-ACCESS-20] [ORDO-ACCESS-24] admin grants and revokes a role with a reason; it is listed as a security event', { timeout: 180_000 }, async () => {
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
    await signIn(page, 'admin', server.users.admin.password);
    await page.getByTestId('nav-users').click();
    await page.getByTestId('page-users').waitFor({ state: 'visible' });

    const row = page.locator('[data-testid="user-row"][data-name="operator"]');
    await changeRole(page, row, 'grant:quality', 'covers QA on night shift (e2e)');
    await row.getByText('quality', { exact: true }).waitFor({ state: 'visible' });
    await checkA11y(page, 'users-role-granted');
    await page.screenshot({ path: path.join(OUT_DIR, 'roles-granted.png'), fullPage: true });

    await changeRole(page, row, 'revoke:quality', 'night shift cover ended (e2e)');
    await row.getByText('quality', { exact: true }).waitFor({ state: 'detached' });

    // The last role stays: the server refuses and the form says why.
    await changeRole(page, row, 'revoke:operator', 'try to leave no role (e2e)');
    const error = row.getByTestId('role-error');
    await error.waitFor({ state: 'visible' });
    assert.match(await error.innerText(), /only role/);
    await row.getByText('Cancel').click();

    // Nobody grants a role to themselves: the admin's own form offers only revocations.
    const self = page.locator('[data-testid="user-row"][data-name="admin"]');
    await self.getByTestId('user-roles').click();
    const offered = await self.getByTestId('role-action').locator('option').allInnerTexts();
    assert.ok(offered.length > 0 && offered.every((o) => o.startsWith('Revoke')), `offered: ${offered}`);
    await self.getByText('Cancel').click();

    await page.getByTestId('nav-security').click();
    await page.getByTestId('page-security').waitFor({ state: 'visible' });
    const granted = page.locator('[data-testid="security-row"][data-type="user.role_granted"]');
    await granted.first().waitFor({ state: 'visible' });
    await checkA11y(page, 'security-events');
    const grantedText = await granted.first().innerText();
    assert.match(grantedText, /Role granted/i);
    assert.match(grantedText, /operator/);
    assert.match(grantedText, /by admin/);
    assert.match(grantedText, /covers QA on night shift/);
    const revoked = page.locator('[data-testid="security-row"][data-type="user.role_revoked"]');
    assert.match(await revoked.first().innerText(), /night shift cover ended/);
    await page.screenshot({ path: path.join(OUT_DIR, 'roles-security-events.png'), fullPage: true });

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  }
});
