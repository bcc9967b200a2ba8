// Browser end-to-end test of the MIS trend page (docs/mis.md, "Trends and targets") on the
// real ordo-mis: a line with two days of two shifts imported; the trend of availability
// per day and per shift shows the API's points (GET /api/v1/kpi/trend, one engine call
// per bucket) as a line and a table; an analyst sets the target in percent, which the
// API stores as a fraction and the chart draws; a viewer sees it but cannot set it. The
// data-quality page of a line with faulty data lists the engine's findings.
// Requires: build/ordo-mis (or $ORDO_MIS_BIN) built with its web UI (make build).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { WEB_DIR } from './lib/server.mjs';
import { startMis, MIS_ADMIN_PASSWORD } from './lib/mis-server.mjs';
import { launchBrowser, signIn, signOut } from './lib/browser.mjs';
import { checkA11y } from './lib/a11y.mjs';

const OUT_DIR = path.join(WEB_DIR, 'test-output');
const WEEK = { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' };
const PLANT = {
  equipment: 'id,name,parent,level\nACME,Acme,,enterprise\nS1,Site 1,ACME,site\nL1,Line 1,S1,work_center\nWU1,Press 1,L1,work_unit\nL2,Line 2,S1,work_center\nWU2,Press 2,L2,work_unit\n',
  calendar: `scope,start,end,kind,label
L1,2026-03-02T06:00:00Z,2026-03-02T14:00:00Z,shift,Early
L1,2026-03-02T14:00:00Z,2026-03-02T22:00:00Z,shift,Late
L1,2026-03-03T06:00:00Z,2026-03-03T14:00:00Z,shift,Early
L1,2026-03-03T14:00:00Z,2026-03-03T22:00:00Z,shift,Late
L2,2026-03-02T06:00:00Z,2026-03-02T14:00:00Z,shift,Early
`,
  states: `work_unit,start,end,state,reason
WU1,2026-03-02T06:00:00Z,2026-03-02T10:00:00Z,running,
WU1,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,down,JAM
WU1,2026-03-02T11:00:00Z,2026-03-03T15:00:00Z,running,
WU1,2026-03-03T15:00:00Z,2026-03-03T17:00:00Z,down,MOTOR
WU1,2026-03-03T17:00:00Z,2026-03-03T22:00:00Z,running,
WU2,2026-03-02T08:00:00Z,2026-03-02T12:00:00Z,running,
WU2,2026-03-02T11:00:00Z,2026-03-02T14:00:00Z,down,JAM
`,
  // Line 2's data has faults: a gap 06:00-08:00, overlapping states 11:00-12:00, a count
  // after the last state whose parts do not add up to its total.
  counts: `work_unit,start,end,product,order,total,good,scrap,rework
WU2,2026-03-02T14:30:00Z,2026-03-02T15:00:00Z,P1,O1,10,8,1,0
`,
};

let mis = null;
let browser = null;
const pageErrors = [];
const percent = (v) => `${(Math.floor(v * 1000 + 0.5 + 1e-9) / 10).toFixed(1)} %`;

before(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  mis = await startMis();
  await mis.api.signIn();
  for (const [kind, csv] of Object.entries(PLANT)) {
    const report = await mis.api.import(kind, csv);
    assert.equal(report.rows.refused, 0, `${kind}: ${JSON.stringify(report)}`);
  }
  const created = await fetch(`${mis.baseUrl}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'admin', password: MIS_ADMIN_PASSWORD }),
  }).then((r) => r.json());
  const viewer = await fetch(`${mis.baseUrl}/api/v1/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${created.token}` },
    body: JSON.stringify({ name: 'viewer', role: 'mis_viewer', password: 'viewer password 1' }),
  });
  assert.equal(viewer.status, 201);
  browser = await launchBrowser();
  browser.page.on('pageerror', (e) => pageErrors.push(e.message));
});

after(async () => {
  await browser?.close();
  await mis?.stop();
});

/** The table's rows as [label, value] once it shows `n` rows. */
async function rows(page, n) {
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="trend-point"]').length === k, n);
  const out = [];
  for (const row of await page.getByTestId('trend-point').all()) {
    const cells = await row.locator('td').allTextContents();
    out.push([cells[0], cells[3]]);
  }
  return out;
}

test('the trend of a line per day and per shift shows the API\'s points and the target set in percent [ORDO-MISUI-16] [ORDO-MIS-89]', async () => {
  const { page } = browser;
  await page.goto(mis.baseUrl + '/#/scope/L1');
  await page.getByTestId('sign-in-form').waitFor();
  await signIn(page, 'admin', MIS_ADMIN_PASSWORD);
  await page.locator('select[name="window"]').selectOption('week');
  await page.locator('input[name="date"]').fill('2026-03-04');
  await page.getByTestId('window').filter({ hasText: '2026-03-02 00:00:00 – 2026-03-09 00:00:00 UTC' }).waitFor();
  await page.getByTestId('open-trend').click();
  await page.getByTestId('trend-title').filter({ hasText: 'Trend: Availability of Line 1' }).waitFor();

  const days = await mis.api.get(`/api/v1/kpi/trend?${new URLSearchParams({ kpi: 'availability', scope: 'L1', ...WEEK, step: 'day' })}`);
  assert.equal(days.points.length, 7);
  assert.equal(days.points[0].value, 15 / 16);
  const expected = days.points.map((p) => [p.label, p.value === null ? `— (${p.null_reason})` : percent(p.value)]);
  assert.deepEqual(await rows(page, 7), expected);
  await page.locator('[data-testid="trend-chart"][data-points="7"]').waitFor();
  assert.match(await page.getByTestId('trend-summary').textContent(), /no target set/);

  // The target, typed in percent, is stored as a fraction and drawn.
  await page.locator('input[name="target"]').fill('92.5');
  await page.getByTestId('target-save').click();
  await page.locator('[data-testid="trend-chart"][data-target="0.925"]').waitFor();
  const targets = await mis.api.get('/api/v1/targets');
  assert.deepEqual(targets.targets.map((t) => [t.scope, t.kpi, t.target, t.set_by]), [['L1', 'availability', 0.925, 'admin']]);
  assert.match(await page.getByTestId('trend-summary').textContent(), /target 92\.5 % \(set by admin/);
  await page.locator('input[name="target"]').fill('ninety');
  await page.getByTestId('target-save').click();
  await page.getByTestId('target-form').getByRole('alert').filter({ hasText: 'expected a number in percent' }).waitFor();

  // Per shift: the calendar's four shifts.
  await page.locator('select[name="step"]').selectOption('shift');
  const shifts = await mis.api.get(`/api/v1/kpi/trend?${new URLSearchParams({ kpi: 'availability', scope: 'L1', ...WEEK, step: 'shift' })}`);
  assert.deepEqual(shifts.points.map((p) => p.value), [7 / 8, 1, 1, 6 / 8]);
  assert.deepEqual(await rows(page, 4), shifts.points.map((p) => [p.label, percent(p.value)]));
  await page.locator('[data-testid="trend-chart"][data-points="4"][data-target="0.925"]').waitFor();
  await checkA11y(page, 'mis-trend');
  await page.screenshot({ path: path.join(OUT_DIR, 'mis-trend.png'), fullPage: true });
  await signOut(page);

  // A viewer sees the trend and its target, and no form to change it.
  await signIn(page, 'viewer', 'viewer password 1');
  await page.evaluate(() => { window.location.hash = '#/trend/L1'; });
  await page.locator('[data-testid="trend-chart"][data-target="0.925"]').waitFor();
  assert.equal(await page.getByTestId('target-form').count(), 0);
  await signOut(page);
  assert.deepEqual(pageErrors, []);
});

test('the data-quality page lists the cross-checks and the engine\'s findings of a scope and window with their sources [ORDO-MISUI-17] [ORDO-MIS-89] [ORDO-MISDQ-28]', async () => {
  const { page } = browser;
  await signIn(page, 'admin', MIS_ADMIN_PASSWORD);
  await page.locator('select[name="window"]').selectOption('week');
  await page.locator('input[name="date"]').fill('2026-03-04');
  await page.getByTestId('window').filter({ hasText: '2026-03-02 00:00:00 – 2026-03-09 00:00:00 UTC' }).waitFor();
  await page.evaluate(() => { window.location.hash = '#/scope/L2'; });
  await page.getByTestId('open-quality').click();
  await page.getByTestId('quality-title').filter({ hasText: 'Data quality of Line 2' }).waitFor();
  // The cross-checks are the API's (GET /api/v1/data-quality), row for row.
  const checks = await mis.api.get(`/api/v1/data-quality?${new URLSearchParams({ scope: 'L2', profile: 'iso22400', ...WEEK })}`);
  if (checks.issues.length === 0) await page.getByTestId('checks-none').waitFor();
  else await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="issue-"]').length === n, checks.issues.length);
  const answer = await mis.api.kpi({ kpi: 'oee_index,availability,effectiveness,quality_ratio', scope: 'L2', profile: 'iso22400', ...WEEK });
  const kinds = {};
  for (const f of answer.findings) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
  for (const kind of ['gap', 'overlapping_states', 'count_outside_states', 'count_mismatch'])
    assert.ok(kinds[kind] >= 1, `the engine finds ${kind}: ${JSON.stringify(kinds)}`);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="finding"]').length === n, answer.findings.length);
  for (const [kind, n] of Object.entries(kinds))
    assert.match(await page.getByTestId(`kind-${kind}`).textContent(), new RegExp(`\\(${kind}\\)${n}$`));
  const gap = answer.findings.find((f) => f.kind === 'gap');
  const gapRow = page.getByTestId('finding').filter({ hasText: 'gap' }).first();
  assert.match(await gapRow.textContent(), /^gapWU22026-03-02 06:00:002026-03-02 08:00:00/);
  assert.ok((await gapRow.textContent()).includes(gap.detail));
  // A finding's source opens to its rows: the overlapping states are two rows of the file.
  const overlap = page.getByTestId('finding').filter({ hasText: 'overlapping_states' }).first();
  assert.equal(await overlap.getByTestId('finding-source').count(), 2);
  await overlap.getByTestId('finding-source').last().click();
  const shown = page.getByTestId('source-rows');
  await shown.locator('tbody tr').first().waitFor();
  assert.match(await shown.textContent(), /WU22026-03-02T11:00:00(\.0+)?Z2026-03-02T14:00:00(\.0+)?ZdownJAM/);
  await checkA11y(page, 'mis-quality');
  await page.screenshot({ path: path.join(OUT_DIR, 'mis-quality.png'), fullPage: true });
  await signOut(page);
  assert.deepEqual(pageErrors, []);
});
