// Browser end-to-end test of configuration under change control: the site settings
// change only through a change request. The engineer reads the settings in force on the
// Site configuration page (the defaults), opens a change request, adds a draft of Site
// settings (the object id is fixed to "site" and the form starts from the values in
// force; obsolete is not offered), raises the minimum password length, and submits it
// with a signature. Nothing changes until quality approves; then the page shows the new
// value and links the change request that set it, and the new rule is obeyed at once.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';
import { sign } from './lib/signing.mjs';
import { apiSignIn, call } from './lib/api.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');

async function settingText(page, key) {
  return (await page.getByTestId(`setting-${key}`).locator('td').innerText()).trim();
}

test('site settings change through a signed, approved change request [A11-08] [P11-07] [ORDO-SITE-01] [ORDO-SITE-02] [ORDO-WEB-08]', { timeout: 240_000 }, async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  let server = null;
  let browser = null;
  const pageErrors = [];
  try {
    server = await startOrdo();
    const { baseUrl, users } = server;
    browser = await launchBrowser();
    const { page } = browser;
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    await page.goto(baseUrl + '/');
    await signIn(page, 'engineer', users.engineer.password);

    // --- the settings in force: the defaults ------------------------------------
    await page.getByTestId('nav-configuration').click();
    await page.getByTestId('config-settings').waitFor({ state: 'visible' });
    await checkA11y(page, 'configuration-settings');
    assert.equal(await settingText(page, 'password_min_length'), '15');
    assert.match(await page.getByTestId('config-settings-source').innerText(), /defaults/);
    assert.match(await page.getByTestId('config-policy-source').innerText(), /ordo init/);

    // --- a change request with a draft of the site settings ---------------------
    await page.getByTestId('config-propose').click();
    await page.getByTestId('page-change-requests').waitFor({ state: 'visible' });
    await page.getByTestId('cr-new').click();
    await page.getByTestId('cr-title').fill('Longer passwords');
    await page.getByTestId('cr-description').fill('Raise the minimum password length from 15 to 18.');
    await page.getByTestId('cr-reason').fill('IT security review ISR-2026-11.');
    await page.getByTestId('cr-impact').fill('Applies to the next password change of every user.');
    await page.getByTestId('cr-create').click();
    const crPage = page.locator('[data-testid="page-change-request"][data-id]');
    await crPage.waitFor({ state: 'visible' });
    const crId = await crPage.getAttribute('data-id');
    assert.match(crId ?? '', /^CR-\d{6}$/);
    await page.getByTestId('cr-add-draft').click();
    await page.getByTestId('draft-kind').selectOption('site_settings');
    const idInput = page.getByTestId('draft-id');
    await page.waitForFunction(() => document.querySelector('[data-testid="draft-id"]')?.value === 'site');
    assert.equal(await idInput.getAttribute('readonly'), '', 'the object id of the site settings is fixed');
    await page.getByTestId('draft-open').click();
    await page.getByTestId('draft-editor').waitFor({ state: 'visible' });
    await checkA11y(page, 'configuration-draft-editor');
    assert.equal(await page.getByTestId('draft-obsolete').count(), 0, 'site settings cannot be made obsolete');
    const minLength = page.getByTestId('field-password_min_length');
    assert.equal(await minLength.inputValue(), '15', 'the draft starts from the settings in force');
    await minLength.fill('18');
    await page.getByTestId('draft-save').click();
    await page.getByTestId('draft-editor').waitFor({ state: 'detached' });
    const item = page.locator('[data-testid="cr-item"][data-kind="site_settings"][data-id="site"]');
    await item.waitFor({ state: 'visible' });
    await page.getByTestId('cr-submit').click();
    await sign(page, 'engineer', users.engineer.password, undefined, OUT_DIR);
    await page.screenshot({ path: path.join(OUT_DIR, 'configuration-submitted.png'), fullPage: true });

    // --- not in force before a second person approves --------------------------
    const engineerToken = await apiSignIn(baseUrl, 'engineer', users.engineer.password);
    let settings = await call(baseUrl, engineerToken, 'GET', '/site/settings');
    assert.equal(settings.body.settings.password_min_length, 15, 'submitted is not in force');
    const qualityToken = await apiSignIn(baseUrl, 'quality', users.quality.password);
    const approved = await call(baseUrl, qualityToken, 'POST', `/change-requests/${crId}/approve`, {
      signature: { user: 'quality', password: users.quality.password },
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));

    // --- in force, with the change request that set it --------------------------
    await page.getByTestId('nav-configuration').click();
    await page.getByTestId('config-settings').waitFor({ state: 'visible' });
    await page.waitForFunction(() => /CR-/.test(document.querySelector('[data-testid="config-settings-source"]')?.textContent ?? ''));
    assert.equal(await settingText(page, 'password_min_length'), '18');
    assert.equal((await page.getByTestId('config-cr-link').first().innerText()).trim(), crId);
    await page.screenshot({ path: path.join(OUT_DIR, 'configuration-in-force.png'), fullPage: true });
    // The new rule is obeyed at once: 17 characters are too short now.
    const refused = await call(baseUrl, null, 'POST', '/session/password', {
      user: 'operator',
      password: users.operator.password,
      new_password: 'seventeen chars!!',
    });
    assert.equal(refused.body?.reason, 'password_too_short', JSON.stringify(refused.body));
    // A second change starts from version 1; an existing configuration object offers no
    // obsolete either.
    await page.getByTestId('nav-change-requests').click();
    await page.getByTestId('cr-new').click();
    await page.getByTestId('cr-title').fill('Password expiry');
    await page.getByTestId('cr-description').fill('Passwords expire after 180 days.');
    await page.getByTestId('cr-reason').fill('IT security review ISR-2026-11.');
    await page.getByTestId('cr-create').click();
    await page.locator('[data-testid="page-change-request"][data-id]').waitFor({ state: 'visible' });
    await page.getByTestId('cr-add-draft').click();
    await page.getByTestId('draft-kind').selectOption('site_settings');
    await page.waitForFunction(() => document.querySelector('[data-testid="draft-id"]')?.value === 'site');
    await page.getByTestId('draft-open').click();
    await page.getByTestId('draft-editor').waitFor({ state: 'visible' });
    assert.match(await page.getByTestId('draft-editor').innerText(), /starting from version 1/);
    assert.equal(await page.getByTestId('field-password_min_length').inputValue(), '18');
    assert.equal(await page.getByTestId('draft-obsolete').count(), 0, 'site settings cannot be made obsolete');
    assert.deepEqual(pageErrors, []);
  } catch (err) {
    if (server) console.error('--- ordo server output ---\n' + server.logs());
    throw err;
  } finally {
    if (browser) await browser.close();
    if (server) await server.stop();
  }
});
