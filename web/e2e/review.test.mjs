// Browser end-to-end test of the audit trail review [P11-05] [A11-07] [P11-13]
// [ORDO-REVIEW-01] [ORDO-REVIEW-05]: quality filters the audit trail, signs a review of
// the period shown with the meaning "reviewed" (a wrong password is refused in the
// dialog first), and finds the review listed with its period, filters, entries covered,
// reviewer and signature (meaning, date and time with the UTC offset); an engineer
// reads the audit trail but is offered no review to sign.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn, signOut } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');

async function signWith(page, user, password) {
  const dialog = page.getByTestId('signing-dialog');
  const failuresBefore = Number(await dialog.getAttribute('data-failures'));
  await page.getByTestId('signing-user').fill(user);
  await page.getByTestId('signing-password').fill(password);
  await page.getByTestId('signing-sign').click();
  // Signed (the dialog closes) or refused (one more failure counted).
  await page.waitForFunction((n) => {
    const d = document.querySelector('[data-testid="signing-dialog"]');
    return !d || Number(d.getAttribute('data-failures')) > n;
  }, failuresBefore);
}

test('[P11-05] [A11-07] [P11-13] [ORDO-REVIEW-01] [ORDO-REVIEW-05] [ORDO-REVIEW-06] quality signs a review of the audit trail period shown, seeing the entries it covers, and it is listed', { timeout: 180_000 }, async () => {
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
    await signIn(page, 'quality', server.users.quality.password);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('page-audit').waitFor({ state: 'visible' });

    // The period shown: the quality user's own entries.
    await page.getByTestId('filter-actor').selectOption('quality');
    await page.getByTestId('filter-apply').click();
    await page.locator('[data-testid="ledger-table"] tbody tr').first().waitFor({ state: 'visible' });
    await page.getByTestId('review-sign').click();

    const dialog = page.getByTestId('signing-dialog');
    await dialog.waitFor({ state: 'visible' });
    await checkA11y(page, 'review-signing-dialog');
    assert.equal(await dialog.getAttribute('data-meaning'), 'reviewed');
    assert.match(await page.getByTestId('review-filters').innerText(), /actor quality/);
    assert.match(await page.getByTestId('review-from').innerText(), /start of the ledger/);
    // Before signing, the dialog says how many entries the signature covers; the signed
    // review records the same count.
    const count = page.getByTestId('review-count');
    await count.waitFor({ state: 'visible' });
    const matched = Number(await count.getAttribute('data-matched'));
    assert.ok(matched > 0, 'the quality user has entries in the period');
    assert.match(await count.innerText(), new RegExp(`^${matched} entr(y|ies) matched, of \\d+ in the period`));
    await page.screenshot({ path: path.join(OUT_DIR, 'review-signing-dialog.png'), fullPage: true });

    // A wrong password is refused in place; nothing is signed.
    await signWith(page, 'quality', server.users.quality.password + '-wrong');
    assert.match(await page.getByTestId('signing-error').innerText(), /signature refused/i);
    await signWith(page, 'quality', server.users.quality.password);
    await dialog.waitFor({ state: 'detached' });
    const signed = page.getByTestId('review-signed');
    await signed.waitFor({ state: 'visible' });
    assert.match(await signed.innerText(), /AR-000001/);

    await page.getByTestId('nav-audit-reviews').click();
    await page.getByTestId('page-audit-reviews').waitFor({ state: 'visible' });
    const rows = page.getByTestId('review-row');
    await rows.first().waitFor({ state: 'visible' });
    await checkA11y(page, 'audit-reviews');
    assert.equal(await rows.count(), 1);
    const row = rows.first();
    assert.equal(await row.getAttribute('data-id'), 'AR-000001');
    assert.match(await row.getByTestId('review-filters').innerText(), /actor quality/);
    assert.match(await row.getByTestId('review-entries').innerText(), /^\d+ of \d+$/);
    assert.match(await row.getByTestId('review-reviewer').innerText(), /\(quality\)/);
    const signature = row.getByTestId('review-signature');
    assert.equal(await signature.getAttribute('data-status'), 'valid');
    assert.equal(await signature.getAttribute('data-meaning'), 'reviewed');
    assert.match(await signature.innerText(), /Reviewed \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC[+-]\d{2}:\d{2}/);
    await page.screenshot({ path: path.join(OUT_DIR, 'review-list.png'), fullPage: true });

    // The engineer reads the audit trail and the reviews but signs none.
    await signOut(page);
    await signIn(page, 'engineer', server.users.engineer.password);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('page-audit').waitFor({ state: 'visible' });
    assert.equal(await page.getByTestId('review-sign').count(), 0);
    await page.getByTestId('nav-audit-reviews').click();
    await page.getByTestId('review-row').first().waitFor({ state: 'visible' });

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  }
});
