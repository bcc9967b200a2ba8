// The MIS web UI in a site time zone other than UTC: a real ordo-mis serving with
// --time-zone Europe/Berlin; the toolbar's day is the local day (23 hours when the clocks
// spring forward) and names the zone.
import { after, before, test } from 'node:test';
import { startMis, MIS_ADMIN_PASSWORD } from './lib/mis-server.mjs';
import { launchBrowser, signIn } from './lib/browser.mjs';

let mis;
let browser;

before(async () => {
  mis = await startMis(['--time-zone', 'Europe/Berlin']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await mis?.stop();
});

test('the toolbar\'s day, week and custom span are cut in the site\'s time zone [ORDO-MISTZ-14]', async () => {
  const { page } = browser;
  await page.goto(mis.baseUrl + '/');
  await page.getByTestId('sign-in-form').waitFor();
  await signIn(page, 'admin', MIS_ADMIN_PASSWORD);
  await page.getByTestId('time-zone').filter({ hasText: 'local days of Europe/Berlin' }).waitFor();
  await page.locator('select[name="window"]').selectOption('day');
  await page.locator('input[name="date"]').fill('2026-03-29');
  await page.getByTestId('window').filter({ hasText: '2026-03-28 23:00:00 – 2026-03-29 22:00:00 UTC' }).waitFor();
  await page.locator('select[name="window"]').selectOption('week');
  await page.getByTestId('window').filter({ hasText: '2026-03-22 23:00:00 – 2026-03-29 22:00:00 UTC' }).waitFor();
  await page.locator('select[name="window"]').selectOption('custom');
  await page.locator('input[name="from"]').fill('2026-07-01T06:00');
  await page.locator('input[name="to"]').fill('2026-07-01T14:00');
  await page.getByTestId('window').filter({ hasText: '2026-07-01 04:00:00 – 2026-07-01 12:00:00 UTC' }).waitFor();
});
