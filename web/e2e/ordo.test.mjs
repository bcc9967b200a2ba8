// Browser end-to-end test of the ordo web shell against the real ordo server binary.
// Flow: operator writes a logbook entry and cannot see the audit trail; quality
// finds that entry in the audit trail (filtered by type), sees the chain verified,
// signs out. Screenshots go to web/test-output/.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn, signOut } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');

test('operator records a logbook entry; quality finds it in the verified audit trail [P11-01] [ORDO-LOG-01] [ORDO-WEB-01]', { timeout: 180_000 }, async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  let server = null;
  let browser = null;
  const pageErrors = [];
  try {
    server = await startOrdo();
    browser = await launchBrowser();
    const { page } = browser;
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    // The app must run under ordo's Content-Security-Policy: no violation reports.
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) pageErrors.push('CSP: ' + msg.text());
    });

    const unique = `e2e cleaning check ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const subject = 'E2E-GRAN-01';

    // --- operator: write a logbook entry --------------------------------------
    await page.goto(server.baseUrl + '/');
    await page.getByTestId('sign-in-form').waitFor({ state: 'visible' });
    await signIn(page, 'operator', server.users.operator.password);

    await page.getByTestId('nav-logbook').waitFor({ state: 'visible' });
    assert.equal(await page.getByTestId('nav-audit').count(), 0, 'operator must not see the Audit trail nav item');
    assert.equal(await page.getByTestId('nav-users').count(), 0, 'operator must not see the Users nav item');
    await page.getByTestId('nav-logbook').click();

    await page.getByTestId('logbook-subject-free').check(); // not in master data
    await page.getByTestId('logbook-subject').fill(subject);
    await page.getByTestId('logbook-category').selectOption('cleaning');
    await page.getByTestId('logbook-text').fill(unique);
    await page.getByTestId('logbook-submit').click();

    const entry = page.getByTestId('logbook-entry').filter({ hasText: unique });
    await entry.first().waitFor({ state: 'visible' });
    await checkA11y(page, 'logbook-entry');
    const entryText = await entry.first().innerText();
    assert.match(entryText, new RegExp(subject), 'entry shows its subject');
    assert.match(entryText, /operator/, 'entry shows the actor');
    const time = await entry.first().getByTestId('entry-time').innerText();
    assert.match(time, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC[+-]\d{2}:\d{2}$/, `local time with offset, got "${time}"`);
    await page.screenshot({ path: path.join(OUT_DIR, 'logbook-operator.png'), fullPage: true });

    await signOut(page);

    // --- quality: audit trail ----------------------------------------------------
    await signIn(page, 'quality', server.users.quality.password);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('page-audit').waitFor({ state: 'visible' });

    const banner = page.getByTestId('verify-banner');
    await page.waitForFunction(
      () => {
        const b = document.querySelector('[data-testid="verify-banner"]');
        return b && b.getAttribute('data-status') !== 'loading';
      },
      null,
      { timeout: 15_000 },
    );
    assert.equal(await banner.getAttribute('data-status'), 'ok', `verify banner: ${await banner.innerText()}`);
    assert.match(await banner.innerText(), /Chain verified: \d+ entries, \d+ checkpoints/);

    await page.getByTestId('filter-type').selectOption('logbook.entry_recorded');
    await page.getByTestId('filter-apply').click();
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="ledger-row"]')];
      return rows.length > 0 && rows.every((r) => r.getAttribute('data-type') === 'logbook.entry_recorded');
    });
    const types = await page.getByTestId('ledger-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')));
    assert.ok(types.every((t) => t === 'logbook.entry_recorded'), `only filtered types shown: ${types.join(', ')}`);

    // Expand rows (newest first) until the one holding our unique text is found.
    const rows = page.getByTestId('ledger-row');
    let found = false;
    const n = Math.min(await rows.count(), 25);
    for (let i = 0; i < n && !found; i++) {
      await rows.nth(i).click();
      const detail = page.getByTestId('ledger-detail');
      await detail.first().waitFor({ state: 'visible' });
      const payloads = await page.getByTestId('ledger-payload').allInnerTexts();
      found = payloads.some((p) => p.includes(unique));
    }
    assert.ok(found, 'the logbook entry text appears in an expanded audit-trail payload');
    await checkA11y(page, 'audit-trail-expanded');
    const hash = (await page.getByTestId('ledger-hash').first().innerText()).trim();
    assert.match(hash, /^[0-9a-f]{64}$/, 'expanded row shows the entry hash');
    await page.screenshot({ path: path.join(OUT_DIR, 'audit-trail-quality.png'), fullPage: true });

    await signOut(page);
    assert.ok(await page.getByTestId('sign-in-form').isVisible(), 'sign-in form is back after sign-out');
    await page.screenshot({ path: path.join(OUT_DIR, 'signed-out.png') });

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } catch (err) {
    if (browser) {
      await browser.page.screenshot({ path: path.join(OUT_DIR, 'failure.png'), fullPage: true }).catch(() => {});
    }
    if (server) err.message += `\n--- ordo server output ---\n${server.logs().slice(-4000)}`;
    throw err;
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  }
});
