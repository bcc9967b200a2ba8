// E2E helper: signing in ordo's signing dialog (re-authentication with user id and
// password), acknowledging the signature policy when the server asks for it first.
import assert from 'node:assert/strict';
import path from 'node:path';

/** Acknowledges the signature policy in the signing dialog's policy step. */
async function acknowledgePolicy(page, user, password, screenshotDir) {
  await page.getByTestId('policy-dialog').waitFor({ state: 'visible' });
  assert.ok((await page.getByTestId('policy-text').innerText()).trim().length > 0, 'the policy text is shown');
  if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, `policy-${user}.png`), fullPage: true });
  await page.getByTestId('policy-password').fill(password);
  await page.getByTestId('policy-acknowledge').click();
  await page.getByTestId('policy-dialog').waitFor({ state: 'detached' });
}

/**
 * Fills the signing dialog and signs. A person who has not acknowledged the signature
 * policy is shown it first: acknowledges it there. When the server asks for the
 * acknowledgement after all, acknowledges it in the dialog and signs again. When a failed
 * attempt is throttled, waits and tries again. A screenshot of the policy dialog goes to
 * `screenshotDir` when given.
 */
export async function sign(page, user, password, comment, screenshotDir) {
  const dialog = page.getByTestId('signing-dialog');
  await dialog.waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.querySelector('[data-testid="signing-dialog"]')?.getAttribute('data-step') !== 'loading');
  if ((await dialog.getAttribute('data-step')) === 'policy') await acknowledgePolicy(page, user, password, screenshotDir);
  await page.getByTestId('signing-user').fill(user);
  if (comment) await page.getByTestId('signing-comment').fill(comment);
  for (let attempt = 0; attempt < 5; attempt++) {
    const failuresBefore = Number(await dialog.getAttribute('data-failures'));
    await page.getByTestId('signing-password').fill(password);
    await page.getByTestId('signing-sign').click();
    // Signed (the dialog closes) or refused (one more failure counted).
    await page.waitForFunction((n) => {
      const d = document.querySelector('[data-testid="signing-dialog"]');
      return !d || Number(d.getAttribute('data-failures')) > n;
    }, failuresBefore);
    if ((await dialog.count()) === 0) return;
    const message = await page.getByTestId('signing-error').innerText();
    if (await page.getByTestId('signing-open-policy').isVisible()) {
      await page.getByTestId('signing-open-policy').click();
      await acknowledgePolicy(page, user, password, screenshotDir);
      continue;
    }
    const m = /Try again in (\d+) s/.exec(message);
    if (m) {
      await new Promise((r) => setTimeout(r, (Number(m[1]) + 0.5) * 1000));
      continue;
    }
    throw new Error(`signing as ${user} was refused: ${message}`);
  }
  throw new Error(`signing as ${user} did not succeed after several attempts`);
}

