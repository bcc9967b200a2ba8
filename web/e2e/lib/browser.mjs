// E2E helper: launches Debian's system Chromium through playwright-core (no browser
// download) with a throw-away profile directory, and small page helpers for ordo.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Returns { context, page, close() }; close() also removes the profile directory.
 * `options` go to the context (e.g. { hasTouch: true, viewport } for a touch layout).
 */
export async function launchBrowser(options = {}) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'ordo-e2e-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1400, height: 900 },
      ...options,
    });
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    try {
      await context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  };
  return { context, page, close };
}

/** Signs in through the sign-in form and waits for the application shell. */
export async function signIn(page, user, password) {
  await page.getByTestId('sign-in-user').fill(user);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('sign-out').waitFor({ state: 'visible' });
}

/** Clicks "Sign out" and waits for the sign-in form to come back. */
export async function signOut(page) {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-form').waitFor({ state: 'visible' });
}
