// Browser end-to-end test of master data under change control with Part 11
// electronic signatures, against the real ordo server binary with the demo plant.
// Flow: the demo plant is effective; the engineer opens a change request, drafts a new
// version of a routing (one parameter limit changed) in the generated form, submits it
// with a signature (acknowledging the signature policy when asked) and cannot approve
// it (the engineer role lacks masterdata.approve: 403 permission_denied); the quality
// user sees the diff, approves with a signature (after one refused attempt with a wrong
// password); the new routing version is effective and shows the quality user's
// signature manifestation. Four eyes: a user holding both the engineer and the quality
// role (created by the admin through the API) drafts and submits a change and is then
// refused approving it (403 four_eyes); the UI does not offer Approve and says why.
// Screenshots go to web/test-output/.
// Requires: build/ordo (or $ORDO_BIN) and a built web/dist (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startOrdo, WEB_DIR } from './lib/server.mjs';
import { launchBrowser, signIn, signOut } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';
import { sign } from './lib/signing.mjs';
import { apiSignIn, call } from './lib/api.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');
const SIGNATURE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC[+-]\d{2}:\d{2}$/;

/** A successful command answers 200 or 201 (created). */
function assertSuccess(r, message) {
  assert.ok(r.status === 200 || r.status === 201, `${message} (HTTP ${r.status})`);
}

/** A routing parameter with a numeric upper limit, from an effective routing. */
async function pickRoutingLimit(baseUrl, token) {
  const list = await call(baseUrl, token, 'GET', '/masterdata/routing');
  assert.equal(list.status, 200, JSON.stringify(list.body));
  for (const row of list.body.objects) {
    if (row.status !== 'effective' || row.effective_version == null) continue;
    const v = await call(baseUrl, token, 'GET', `/masterdata/routing/${encodeURIComponent(row.id)}/versions/${row.effective_version}`);
    assert.equal(v.status, 200, JSON.stringify(v.body));
    for (const op of v.body.version.content.operations ?? []) {
      for (const p of op.parameters ?? []) {
        if (typeof p.high === 'number') {
          const newHigh = p.high + 1;
          return {
            routing: row.id,
            name: row.name,
            effectiveVersion: row.effective_version,
            path: `operations[id=${op.id}].parameters[name=${p.name}].high`,
            oldHigh: p.high,
            newHigh,
          };
        }
      }
    }
  }
  throw new Error('the demo plant has no effective routing with a parameter high limit');
}

async function waitForState(page, testId, state) {
  await page.waitForFunction(
    ([id, s]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-status') === s,
    [testId, state],
  );
}

test('master data change under change control with electronic signatures [P11-07] [P11-10] [P11-13] [A11-08] [ORDO-MD-02] [ORDO-AUDIT-01] [ORDO-WEB-01]', { timeout: 240_000 }, async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  let server = null;
  let browser = null;
  const pageErrors = [];
  try {
    server = await startOrdo();
    for (const name of ['engineer', 'quality']) {
      assert.ok(server.users[name], `"ordo init --demo" prints credentials for ${name}`);
    }
    const { baseUrl } = server;
    const engineerPw = server.users.engineer.password;
    const qualityPw = server.users.quality.password;
    browser = await launchBrowser();
    const { page } = browser;
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    // The app must run under ordo's Content-Security-Policy: no violation reports.
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) pageErrors.push('CSP: ' + msg.text());
    });

    // --- the demo plant is loaded and effective (API) ---------------------------
    const engineerToken = await apiSignIn(baseUrl, 'engineer', engineerPw);
    for (const kind of ['material', 'equipment', 'routing', 'product']) {
      const r = await call(baseUrl, engineerToken, 'GET', `/masterdata/${kind}`);
      assert.equal(r.status, 200, `${kind}: ${JSON.stringify(r.body)}`);
      assert.ok(r.body.objects.length > 0, `the demo plant has ${kind} objects`);
      for (const o of r.body.objects) assert.equal(o.status, 'effective', `${kind} ${o.id} is effective`);
    }
    const target = await pickRoutingLimit(baseUrl, engineerToken);

    // --- engineer: browse the plant ---------------------------------------------
    await page.goto(baseUrl + '/');
    await page.getByTestId('sign-in-form').waitFor({ state: 'visible' });
    await signIn(page, 'engineer', engineerPw);
    await page.getByTestId('nav-masterdata').click();
    await page.getByTestId('page-masterdata').waitFor({ state: 'visible' });
    await page.getByTestId('kind-tab-equipment').click();
    await page.getByTestId('equipment-tree').waitFor({ state: 'visible' });
    await checkA11y(page, 'masterdata-equipment-tree');
    assert.ok((await page.getByTestId('equipment-node').count()) > 1, 'the equipment hierarchy is shown as a tree');
    await page.screenshot({ path: path.join(OUT_DIR, 'md-equipment-tree.png'), fullPage: true });

    await page.getByTestId('kind-tab-routing').click();
    const routingRow = page.locator(`[data-testid="object-row"][data-id="${target.routing}"]`);
    await routingRow.waitFor({ state: 'visible' });
    await routingRow.getByTestId('object-link').click();
    await page.getByTestId('page-masterdata-object').waitFor({ state: 'visible' });
    await waitForState(page, 'object-status', 'effective');
    await page.getByTestId('object-content').waitFor({ state: 'visible' });
    await checkA11y(page, 'masterdata-object');
    await page.screenshot({ path: path.join(OUT_DIR, 'md-routing-before.png'), fullPage: true });

    // --- engineer: open a change request ------------------------------------------
    await page.getByTestId('nav-change-requests').click();
    await page.getByTestId('page-change-requests').waitFor({ state: 'visible' });
    await page.getByTestId('cr-new').click();
    await page.getByTestId('cr-title').fill(`Widen ${target.path} of ${target.routing}`);
    await page.getByTestId('cr-description').fill(`Raise the upper limit from ${target.oldHigh} to ${target.newHigh}.`);
    await page.getByTestId('cr-reason').fill('Process validation report PV-042 supports the wider range.');
    await page.getByTestId('cr-impact').fill('Routing only; no product change.');
    await page.getByTestId('cr-create').click();
    const crPage = page.getByTestId('page-change-request');
    await crPage.waitFor({ state: 'visible' });
    const crId = await crPage.getAttribute('data-id');
    assert.match(crId, /^CR-\d+$/, `change request id, got ${crId}`);
    await waitForState(page, 'cr-state', 'open');

    // --- engineer: draft the new routing version in the generated form -------------
    await page.getByTestId('cr-add-draft').click();
    await page.getByTestId('draft-kind').selectOption('routing');
    await page.getByTestId('draft-id').fill(target.routing);
    await page.getByTestId('draft-open').click();
    await page.getByTestId('draft-editor').waitFor({ state: 'visible' });
    await page.getByTestId('draft-expand-all').click(); // operations open closed
    const limit = page.getByTestId(`field-${target.path}`);
    assert.equal(await limit.inputValue(), String(target.oldHigh), 'the form is prefilled with the latest content');
    await limit.fill(String(target.newHigh));
    await page.waitForFunction(
      () => document.querySelector('[data-testid="draft-validation"]')?.getAttribute('data-state') === 'ok',
      null,
      { timeout: 15_000 },
    );
    await page.screenshot({ path: path.join(OUT_DIR, 'md-draft-form.png'), fullPage: true });
    await page.getByTestId('draft-save').click();
    await page.getByTestId('draft-editor').waitFor({ state: 'detached' });
    const item = page.locator(`[data-testid="cr-item"][data-kind="routing"][data-id="${target.routing}"]`);
    await item.waitFor({ state: 'visible' });
    const diffRow = item.locator(`[data-testid="diff-row"][data-path="${target.path}"]`);
    await diffRow.waitFor({ state: 'visible' });
    assert.equal((await diffRow.getByTestId('diff-old').innerText()).trim(), String(target.oldHigh));
    assert.equal((await diffRow.getByTestId('diff-new').innerText()).trim(), String(target.newHigh));

    // --- engineer: submit with a signature (meaning authored) ----------------------
    await page.getByTestId('cr-submit').click();
    await page.getByTestId('signing-dialog').waitFor({ state: 'visible' });
    assert.equal(await page.getByTestId('signing-dialog').getAttribute('data-meaning'), 'authored');
    const record = await page.getByTestId('signing-record').innerText();
    assert.match(record, new RegExp(crId), 'the dialog shows the change request signed');
    assert.match(record, new RegExp(`routing ${target.routing} v\\d+`), 'the dialog shows the item signed');
    assert.match(await page.getByTestId('signing-statement').innerText(), /handwritten signature/);
    await page.screenshot({ path: path.join(OUT_DIR, 'md-signing-dialog.png'), fullPage: true });
    await sign(page, 'engineer', engineerPw, undefined, OUT_DIR);
    await waitForState(page, 'cr-state', 'in_review');
    const authored = page.locator('[data-testid="signature"][data-meaning="authored"]');
    await authored.first().waitFor({ state: 'visible' });

    // --- the engineer cannot approve: no masterdata.approve permission -------------
    assert.equal(await page.getByTestId('cr-approve').count(), 0, 'the engineer is not offered Approve');
    const session = await call(baseUrl, engineerToken, 'GET', '/session');
    assert.equal(session.status, 200, JSON.stringify(session.body));
    assert.ok(!(session.body.user.permissions ?? []).includes('masterdata.approve'), 'the engineer role cannot approve');
    const refused = await call(baseUrl, engineerToken, 'POST', `/change-requests/${crId}/approve`, {
      signature: { user: 'engineer', password: engineerPw, meaning: 'approved' },
    });
    assert.equal(refused.status, 403, `approve by the engineer is refused: ${JSON.stringify(refused.body)}`);
    assert.equal(refused.body.code, 'permission_denied', `refusal: ${JSON.stringify(refused.body)}`);
    await page.screenshot({ path: path.join(OUT_DIR, 'md-cr-submitted.png'), fullPage: true });
    await signOut(page);

    // --- quality: review the diff and approve with a signature ----------------------
    await signIn(page, 'quality', qualityPw);
    await page.getByTestId('nav-change-requests').click();
    const crLink = page.locator(`[data-testid="cr-row"][data-id="${crId}"]`).getByTestId('cr-link');
    await crLink.waitFor({ state: 'visible' });
    await crLink.click();
    await page.getByTestId('page-change-request').waitFor({ state: 'visible' });
    await waitForState(page, 'cr-state', 'in_review');
    const qDiffRow = page
      .locator(`[data-testid="cr-item"][data-id="${target.routing}"]`)
      .locator(`[data-testid="diff-row"][data-path="${target.path}"]`);
    await qDiffRow.waitFor({ state: 'visible' });
    assert.equal((await qDiffRow.getByTestId('diff-old').innerText()).trim(), String(target.oldHigh));
    assert.equal((await qDiffRow.getByTestId('diff-new').innerText()).trim(), String(target.newHigh));
    await page.screenshot({ path: path.join(OUT_DIR, 'md-cr-quality-review.png'), fullPage: true });

    // A wrong password is refused and the server's message is shown in the dialog.
    await page.getByTestId('cr-approve').click();
    await page.getByTestId('signing-dialog').waitFor({ state: 'visible' });
    assert.equal(await page.getByTestId('signing-dialog').getAttribute('data-meaning'), 'approved');
    await page.getByTestId('signing-user').fill('quality');
    await page.getByTestId('signing-password').fill(qualityPw + '-wrong');
    await page.getByTestId('signing-sign').click();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="signing-dialog"]')?.getAttribute('data-failures')) > 0,
    );
    assert.ok((await page.getByTestId('signing-error').innerText()).trim().length > 0, 'the refusal is shown');
    await page.screenshot({ path: path.join(OUT_DIR, 'md-signing-refused.png'), fullPage: true });
    await sign(page, 'quality', qualityPw, 'Reviewed against PV-042.', OUT_DIR);
    await waitForState(page, 'cr-state', 'approved');
    const approvedSig = page.locator('[data-testid="signature"][data-meaning="approved"]');
    await approvedSig.first().waitFor({ state: 'visible' });
    assert.equal((await approvedSig.first().getByTestId('signature-name').innerText()).trim(), 'Demo Quality');
    await page.screenshot({ path: path.join(OUT_DIR, 'md-cr-approved.png'), fullPage: true });

    // --- the new routing version is effective, signed by Demo Quality ----------------
    await page.locator(`[data-testid="cr-item"][data-id="${target.routing}"]`).getByTestId('cr-item-link').click();
    await page.getByTestId('page-masterdata-object').waitFor({ state: 'visible' });
    await waitForState(page, 'object-status', 'effective');
    const newVersion = page.locator('[data-testid="version"]').first();
    await newVersion.waitFor({ state: 'visible' });
    assert.equal(await newVersion.getAttribute('data-status'), 'effective', 'the newest version is effective');
    assert.ok(Number(await newVersion.getAttribute('data-version')) > target.effectiveVersion, 'a new version number');
    assert.equal(
      (await page.getByTestId('object-effective-version').innerText()).trim(),
      `v${await newVersion.getAttribute('data-version')}`,
    );
    const sig = newVersion.locator('[data-testid="signature"][data-meaning="approved"]').first();
    await sig.waitFor({ state: 'visible' });
    assert.equal((await sig.getByTestId('signature-name').innerText()).trim(), 'Demo Quality');
    assert.equal((await sig.getByTestId('signature-meaning').textContent()).trim(), 'Approved');
    assert.equal(await sig.getAttribute('data-status'), 'valid');
    const sigTime = (await sig.getByTestId('signature-time').innerText()).trim();
    assert.match(sigTime, SIGNATURE_TIME, `signature time with UTC offset, got "${sigTime}"`);
    const older = page.locator(`[data-testid="version"][data-version="${target.effectiveVersion}"]`);
    assert.equal(await older.getAttribute('data-status'), 'superseded', 'the previous version is superseded');
    // The version diff shows the changed limit.
    const vDiff = page.locator(`[data-testid="version-diff-table"] [data-testid="diff-row"][data-path="${target.path}"]`);
    await vDiff.waitFor({ state: 'visible' });
    assert.equal((await vDiff.getByTestId('diff-new').innerText()).trim(), String(target.newHigh));
    await page.screenshot({ path: path.join(OUT_DIR, 'md-routing-after.png'), fullPage: true });
    await signOut(page);

    // --- admin (when the demo has one): the failed signing is a security event -------
    if (server.users.admin) {
      await signIn(page, 'admin', server.users.admin.password);
      await page.getByTestId('nav-security').click();
      await page.getByTestId('page-security').waitFor({ state: 'visible' });
      const failed = page.locator('[data-testid="security-row"][data-type="signature.failed"]');
      await failed.first().waitFor({ state: 'visible' });
      assert.match(await failed.first().innerText(), /quality/);
      await page.screenshot({ path: path.join(OUT_DIR, 'md-security-events.png'), fullPage: true });
      await signOut(page);
    }

    // --- four eyes: an engineer who is also quality cannot approve their own change ---
    assert.ok(server.users.admin, '"ordo init --demo" prints credentials for admin');
    const adminToken = await apiSignIn(baseUrl, 'admin', server.users.admin.password);
    const oneTimePw = 'dual-role-one-time-Pa55word';
    const dualPw = 'dual-role-chosen-Pa55word';
    const created = await call(baseUrl, adminToken, 'POST', '/users', {
      name: 'dual',
      display_name: 'Dual Role',
      roles: ['engineer', 'quality'],
      password: oneTimePw,
    });
    assertSuccess(created, `admin creates a user: ${JSON.stringify(created.body)}`);
    // A password an admin set is one-time: the user chooses their own first.
    const changed = await call(baseUrl, null, 'POST', '/session/password', {
      user: 'dual',
      password: oneTimePw,
      new_password: dualPw,
    });
    assertSuccess(changed, `first password change: ${JSON.stringify(changed.body)}`);
    const dualToken = await apiSignIn(baseUrl, 'dual', dualPw);
    const dualSession = await call(baseUrl, dualToken, 'GET', '/session');
    for (const p of ['masterdata.edit', 'masterdata.approve']) {
      assert.ok(dualSession.body.user.permissions.includes(p), `the dual-role user has ${p}`);
    }
    const policy = await call(baseUrl, dualToken, 'GET', '/signature-policy');
    assert.equal(policy.status, 200, JSON.stringify(policy.body));
    assert.ok(policy.body.policy, 'a signature policy is published');
    assert.equal(policy.body.policy.acknowledged, false, 'a new user has not acknowledged the policy');
    const ack = await call(baseUrl, dualToken, 'POST', '/signature-policy/acknowledge', {
      version: policy.body.policy.version,
      password: dualPw,
    });
    assertSuccess(ack, `policy acknowledgement: ${JSON.stringify(ack.body)}`);
    const dualCr = await call(baseUrl, dualToken, 'POST', '/change-requests', {
      title: `Widen ${target.path} of ${target.routing} again`,
      description: `Raise the upper limit from ${target.newHigh} to ${target.newHigh + 1}.`,
      reason: 'Four-eyes check.',
    });
    assertSuccess(dualCr, `open a change request: ${JSON.stringify(dualCr.body)}`);
    const dualCrId = dualCr.body.change_request.id;
    const obj = await call(baseUrl, dualToken, 'GET', `/masterdata/routing/${encodeURIComponent(target.routing)}`);
    assert.equal(obj.status, 200, JSON.stringify(obj.body));
    const effective = await call(
      baseUrl,
      dualToken,
      'GET',
      `/masterdata/routing/${encodeURIComponent(target.routing)}/versions/${obj.body.object.effective_version}`,
    );
    assert.equal(effective.status, 200, JSON.stringify(effective.body));
    const content = structuredClone(effective.body.version.content);
    const [, opId, paramName] = /^operations\[id=(.*)\]\.parameters\[name=(.*)\]\.high$/.exec(target.path);
    const param = content.operations.find((o) => String(o.id) === opId).parameters.find((p) => p.name === paramName);
    assert.equal(param.high, target.newHigh, 'the approved limit is effective');
    param.high = target.newHigh + 1;
    const draft = await call(
      baseUrl,
      dualToken,
      'PUT',
      `/change-requests/${dualCrId}/items/routing/${encodeURIComponent(target.routing)}`,
      { content },
    );
    assertSuccess(draft, `save the draft: ${JSON.stringify(draft.body)}`);
    const submitted = await call(baseUrl, dualToken, 'POST', `/change-requests/${dualCrId}/submit`, {
      signature: { user: 'dual', password: dualPw, meaning: 'authored' },
    });
    assertSuccess(submitted, `submit: ${JSON.stringify(submitted.body)}`);
    // The UI does not offer Approve to the author and says why.
    await signIn(page, 'dual', dualPw);
    await page.goto(`${baseUrl}/#/change-requests/${dualCrId}`);
    await page.getByTestId('page-change-request').waitFor({ state: 'visible' });
    await waitForState(page, 'cr-state', 'in_review');
    await page.getByTestId('cr-four-eyes').waitFor({ state: 'visible' });
    assert.equal(await page.getByTestId('cr-approve').count(), 0, 'the author is not offered Approve');
    await page.screenshot({ path: path.join(OUT_DIR, 'md-four-eyes.png'), fullPage: true });
    // The server refuses the author's approval: four eyes.
    const selfApprove = await call(baseUrl, dualToken, 'POST', `/change-requests/${dualCrId}/approve`, {
      signature: { user: 'dual', password: dualPw, meaning: 'approved' },
    });
    assert.equal(selfApprove.status, 403, `self-approval is refused: ${JSON.stringify(selfApprove.body)}`);
    assert.equal(selfApprove.body.code, 'permission_denied', JSON.stringify(selfApprove.body));
    assert.equal(selfApprove.body.reason, 'four_eyes', `refusal reason: ${JSON.stringify(selfApprove.body)}`);
    const still = await call(baseUrl, dualToken, 'GET', `/change-requests/${dualCrId}`);
    assert.equal(still.body.change_request.state, 'in_review', 'the change request is still in review');
    await signOut(page);

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } catch (err) {
    if (browser) {
      await browser.page.screenshot({ path: path.join(OUT_DIR, 'md-failure.png'), fullPage: true }).catch(() => {});
    }
    if (server) err.message += `\n--- ordo server output ---\n${server.logs().slice(-4000)}`;
    throw err;
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  }
});
