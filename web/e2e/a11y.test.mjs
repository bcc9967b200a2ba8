// Browser test of accessibility [ORDO-UI-31] [ORDO-UI-32]: signs in as each demo role and
// runs axe (lib/a11y.mjs) on the sign-in page, on every nav page the role sees (the nav
// is built from features/index.ts) and on the deeper pages (an equipment object, a
// change request, one subject's logbook). Fails on any serious or critical violation;
// the count per page is printed and written to web/test-output/a11y/. Then, on a touch
// layout, checks that the design tokens make targets at least 44x44 px and body text
// 16 px [ORDO-UI-30] [ORDO-UI-33] [ORDO-UI-34] [ORDO-UI-35].
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn, signOut } from './lib/browser.mjs';
import { A11Y_DIR, checkA11y } from './lib/a11y.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');
const ROLES = ['operator', 'supervisor', 'quality', 'engineer', 'admin'];
// Deeper pages, each checked in the first role that may open it.
const DEEP = [
  { hash: '#/logbook/WU-PRESS-01', ready: 'page-logbook', name: 'logbook-subject' },
  { hash: '#/masterdata/equipment/WU-PRESS-01', ready: 'page-masterdata-object', name: 'masterdata-equipment' },
  { hash: '#/change-requests/CR-000001', ready: 'page-change-request', name: 'change-request' },
];

async function settle(page, testId) {
  await (testId ? page.getByTestId(testId) : page.locator('main .page')).first().waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  // Pages show "Loading…" until their data arrives.
  await page.waitForFunction(() => !document.querySelector('main')?.innerText.includes('Loading'), null, { timeout: 10_000 }).catch(() => {});
}

async function check(page, name) {
  await page.screenshot({ path: path.join(A11Y_DIR, `${name}.png`), fullPage: true });
  return checkA11y(page, name);
}

test('[ORDO-UI-31] [ORDO-UI-32] axe finds no serious or critical violations on any page, in every demo role', { timeout: 600_000 }, async () => {
  mkdirSync(A11Y_DIR, { recursive: true });
  let server = null;
  let browser = null;
  const pageErrors = [];
  const failures = [];
  const counts = {};
  try {
    server = await startOrdo();
    browser = await launchBrowser();
    const { page } = browser;
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    const run = async (name) => {
      try {
        counts[name] = (await check(page, name)).length;
      } catch (err) {
        failures.push(String(err.message ?? err));
      }
    };

    await page.goto(server.baseUrl + '/');
    await page.getByTestId('sign-in-form').waitFor({ state: 'visible' });
    await run('sign-in');

    const deepDone = new Set();
    for (const role of ROLES) {
      await signIn(page, role, server.users[role].password);
      const hrefs = await page.locator('nav.sidebar a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.length > 0, `${role} sees nav entries`);
      for (const href of hrefs) {
        await page.locator(`nav.sidebar a[href="${href}"]`).click();
        const route = href.replace(/^#\//, '');
        await settle(page);
        await run(`${role}-${route}`);
      }
      for (const deep of DEEP) {
        if (deepDone.has(deep.name)) continue;
        await page.goto(server.baseUrl + '/' + deep.hash);
        const ok = await settle(page, deep.ready).then(() => true, () => false);
        if (!ok) continue; // not for this role
        deepDone.add(deep.name);
        await run(`${role}-${deep.name}`);
      }
      await signOut(page);
    }
    assert.deepEqual([...DEEP.map((d) => d.name)].filter((n) => !deepDone.has(n)), [], 'every deeper page was checked');
    console.log(`a11y summary: ${JSON.stringify(counts)}`);
    assert.deepEqual(failures, [], failures.join('\n\n'));
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  }
});

// Every visible interactive element of the page that is smaller than `min` px either way,
// except links inside running text (WCAG 2.5.5's inline exception).
function smallTargets(page, min) {
  return page.evaluate((min) => {
    const sel = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
    const out = [];
    for (const el of document.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
      if (el.matches('input[type=checkbox], input[type=radio]') && el.closest('label')) {
        const l = el.closest('label').getBoundingClientRect();
        if (l.height >= min) continue; // the label is the target
      }
      if (el.matches('a') && el.closest('p, .entry-text, .hint, .md')) continue;
      if (el.matches('tr')) continue; // a whole table row
      if (r.width < min - 0.5 || r.height < min - 0.5) {
        out.push(`${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} "${(el.innerText || el.value || '').slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
    }
    return out;
  }, min);
}

test('[ORDO-UI-30] [ORDO-UI-33] [ORDO-UI-34] [ORDO-UI-35] on a 1920 px touch screen with the design tokens, targets are at least 44x44 px, operator body text 16 px, pages use the width', { timeout: 300_000 }, async () => {
  mkdirSync(A11Y_DIR, { recursive: true });
  let server = null;
  let browser = null;
  try {
    server = await startOrdo();
    browser = await launchBrowser({ hasTouch: true, viewport: { width: 1920, height: 1080 } });
    const { page } = browser;
    await page.goto(server.baseUrl + '/');
    assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true, 'a touch layout');
    await page.getByTestId('sign-in-form').waitFor({ state: 'visible' });
    assert.deepEqual(await smallTargets(page, 44), [], 'sign-in targets');
    await signIn(page, 'operator', server.users.operator.password);
    const problems = [];
    const hrefs = await page.locator('nav.sidebar a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of [...hrefs, '#/logbook/WU-PRESS-01']) {
      await page.goto(server.baseUrl + '/' + href);
      await settle(page);
      const route = href.replace(/^#\//, '').replace(/\//g, '_');
      await page.screenshot({ path: path.join(A11Y_DIR, `touch-operator-${route}.png`), fullPage: true });
      for (const p of await smallTargets(page, 44)) problems.push(`${href}: ${p}`);
      const body = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main')).fontSize));
      if (body < 16) problems.push(`${href}: body text ${body}px`);
      const width = await page.evaluate(() => document.querySelector('main .page').getBoundingClientRect().width);
      if (width < 1500) problems.push(`${href}: the page is ${Math.round(width)} px wide on a 1920 px screen`);
    }
    console.log(`touch layout: ${problems.length} problem(s)`);
    assert.deepEqual(problems, [], problems.join('\n'));
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  }
});
