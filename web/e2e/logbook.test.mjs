// Browser test of logbook subjects [ORDO-LOG-02] [ORDO-LOG-03] [ORDO-LOG-04]: the
// operator picks the subject from the equipment hierarchy by searching its name, records
// an entry (stored as equipment, linked to its master data page); an area not in master
// data is typed as free text and marked as such; free text that names equipment is
// said to be stored as equipment; the subject filter ignores case; "#/logbook/ID" (the
// target of LogbookLink on equipment pages) opens the logbook of that subject.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');

test('[ORDO-LOG-02] [ORDO-LOG-03] [ORDO-LOG-04] logbook subject from the equipment hierarchy, free text marked, filter ignores case', { timeout: 180_000 }, async () => {
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
    await signIn(page, 'operator', server.users.operator.password);
    await page.getByTestId('nav-logbook').click();
    const form = page.getByTestId('logbook-form');
    await form.waitFor({ state: 'visible' });

    // Search by name (any case): the tablet press of the demo plant.
    await form.getByTestId('subject-search').fill('TABLET PRESS');
    const option = form.locator('[data-testid="subject-option"][data-id="WU-PRESS-01"]');
    await option.waitFor({ state: 'visible' });
    assert.equal(await form.getByTestId('subject-option').count() >= 1, true);
    await form.getByTestId('subject-search').fill('wu-press');
    await option.click();
    assert.match(await form.getByTestId('subject-selected').innerText(), /WU-PRESS-01/);
    assert.match(await form.getByTestId('subject-selected').innerText(), /AREA-OSD/, 'the hierarchy path is shown');
    await checkA11y(page, 'logbook-subject-picker');
    await form.getByTestId('logbook-category').selectOption('maintenance');
    await form.getByTestId('logbook-text').fill('punches changed (e2e)');
    await form.getByTestId('logbook-submit').click();
    const equipmentEntry = page.getByTestId('logbook-entry').filter({ hasText: 'punches changed (e2e)' });
    await equipmentEntry.waitFor({ state: 'visible' });
    const subject = equipmentEntry.getByTestId('entry-subject');
    assert.equal(await subject.getAttribute('data-subject-type'), 'equipment');
    assert.equal(await subject.locator('a').getAttribute('href'), '#/masterdata/equipment/WU-PRESS-01');
    assert.equal(await equipmentEntry.getByTestId('entry-subject-free').count(), 0);

    // An area not in master data: free text, marked.
    await form.getByTestId('logbook-subject-free').check();
    await form.getByTestId('logbook-subject').fill('ROOM-B12');
    assert.match(await form.getByTestId('subject-free-note').innerText(), /marked as a free-text subject/);
    await form.getByTestId('logbook-text').fill('floor wiped (e2e)');
    await form.getByTestId('logbook-submit').click();
    const areaEntry = page.getByTestId('logbook-entry').filter({ hasText: 'floor wiped (e2e)' });
    await areaEntry.waitFor({ state: 'visible' });
    assert.equal(await areaEntry.getByTestId('entry-subject').getAttribute('data-subject-type'), 'free_text');
    assert.match(await areaEntry.getByTestId('entry-subject-free').innerText(), /free text/i);
    // Free text that names equipment is stored as equipment, and the form says so.
    await form.getByTestId('logbook-subject').fill('WU-PRESS-01');
    assert.match(await form.getByTestId('subject-free-note').innerText(), /stored as equipment/);
    await page.screenshot({ path: path.join(OUT_DIR, 'logbook-subjects.png'), fullPage: true });

    // The filter ignores case.
    await page.getByTestId('logbook-filter').fill('wu-press-01');
    await page.getByTestId('logbook-filter-apply').click();
    await page.waitForFunction(() => {
      const e = [...document.querySelectorAll('[data-testid="logbook-entry"]')];
      return e.length === 1 && e[0].innerText.includes('punches changed (e2e)');
    });

    // The logbook of one subject, opened from the equipment's master data page.
    await page.goto(server.baseUrl + '/#/masterdata/equipment/WU-PRESS-01');
    await page.getByTestId('logbook-link').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="logbook-filter"]')?.value === 'WU-PRESS-01');
    await page.getByTestId('logbook-list').filter({ hasText: 'WU-PRESS-01' }).waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => {
      const e = [...document.querySelectorAll('[data-testid="logbook-entry"]')];
      return e.length === 1 && e[0].innerText.includes('punches changed (e2e)');
    });
    assert.match(await page.locator('.toolbar-info').innerText(), /Subject WU-PRESS-01/);
    await page.getByTestId('subject-selected').filter({ hasText: 'WU-PRESS-01' }).waitFor({ state: 'visible' });
    await page.screenshot({ path: path.join(OUT_DIR, 'logbook-of-equipment.png'), fullPage: true });
    await checkA11y(page, 'logbook-of-equipment');
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  }
});
