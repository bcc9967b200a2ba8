// Browser end-to-end test of the MIS web UI (docs/mis.md, "Web UI") on the real ordo-mis:
// a small plant imported through the API (equipment, calendar, states, counts, ideal
// cycle times), sign-in through the UI, OEE for a line equal to GET /api/v1/kpi's for the
// same scope, window and profile, drill-down to a work unit and its state intervals,
// explain with the import rows behind the figure, the loss waterfall and downtime Pareto,
// and axe on each page.
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
const DAY = { from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' };

const PLANT = {
  equipment: `id,name,parent,level
ACME,Acme,,enterprise
S1,Site 1,ACME,site
A1,Pressing,S1,area
L1,Line 1,A1,work_center
WU1,Press 1,L1,work_unit
WU2,Press 2,L1,work_unit
`,
  calendar: `scope,start,end,kind,label
L1,2026-03-02T06:00:00Z,2026-03-02T14:00:00Z,shift,Early
`,
  states: `work_unit,start,end,state,reason
WU1,2026-03-02T06:00:00Z,2026-03-02T09:00:00Z,running,
WU1,2026-03-02T09:00:00Z,2026-03-02T09:45:00Z,down,JAM
WU1,2026-03-02T09:45:00Z,2026-03-02T10:00:00Z,idle,starved
WU1,2026-03-02T10:00:00Z,2026-03-02T14:00:00Z,running,
WU2,2026-03-02T06:00:00Z,2026-03-02T13:00:00Z,running,
WU2,2026-03-02T13:00:00Z,2026-03-02T14:00:00Z,down,MOTOR
`,
  counts: `work_unit,start,end,product,order,total,good,scrap,rework
WU1,2026-03-02T06:00:00Z,2026-03-02T14:00:00Z,P1,O1,23000,22310,690,
WU2,2026-03-02T06:00:00Z,2026-03-02T14:00:00Z,P1,O1,21500,21285,215,
`,
  ideal_cycle_times: `work_unit,product,ideal_cycle_time_s
WU1,P1,1.0
WU2,P1,1.1
`,
};

let mis = null;
let browser = null;
const hashes = {};
const pageErrors = [];

/** A fraction as the UI shows it: percent, one decimal, half-up (tests' own rounding). */
const percent = (v) => `${(Math.floor(v * 1000 + 0.5 + 1e-9) / 10).toFixed(1)} %`;
const sel = (...ids) => ids.map((id) => `[data-testid="${id}"]`).join(' ');

/** Waits until the element's text is `text` (figures reload when the window changes). */
async function waitForText(page, selector, text) {
  try {
    await page.waitForFunction(([s, t]) => document.querySelector(s)?.textContent?.trim() === t, [selector, text]);
  } catch (err) {
    const now = await page.locator(selector).first().textContent().catch(() => '(none)');
    throw new Error(`${selector}: expected "${text}", shows "${now}": ${err.message}`);
  }
}

before(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  mis = await startMis();
  await mis.api.signIn();
  for (const [kind, csv] of Object.entries(PLANT)) {
    const report = await mis.api.import(kind, csv);
    assert.equal(report.rows.refused, 0, `${kind}: ${JSON.stringify(report)}`);
    hashes[kind] = report.file_hash;
  }
  browser = await launchBrowser();
  browser.page.on('pageerror', (e) => pageErrors.push(e.message));
});

after(async () => {
  await browser?.close();
  await mis?.stop();
});

test('ordo-mis serves its web UI with the UI policy; the figures of a line equal the API [ORDO-MIS-80] [ORDO-MIS-82] [ORDO-MIS-83] [ORDO-MIS-88]', async () => {
  const res = await fetch(`${mis.baseUrl}/scope/L1`); // a client-side route: the app
  assert.equal(res.status, 200);
  assert.match(await res.text(), /<title>ordo MIS<\/title>/);
  assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');

  const { page } = browser;
  await page.goto(mis.baseUrl + '/');
  await page.getByTestId('sign-in-form').waitFor();
  await checkA11y(page, 'mis-sign-in');
  await signIn(page, 'admin', MIS_ADMIN_PASSWORD);
  assert.equal(await page.getByTestId('user-role').textContent(), 'mis_admin');

  await page.locator('select[name="window"]').selectOption('day');
  await page.locator('input[name="date"]').fill('2026-03-02');
  await waitForText(page, sel('window'), '2026-03-02 00:00:00 – 2026-03-03 00:00:00 UTC');
  for (const profile of ['practitioner', 'iso22400']) {
    await page.locator('select[name="profile"]').selectOption(profile);
    const kpis = profile === 'iso22400' ? ['oee_index', 'availability', 'effectiveness', 'quality_ratio'] : ['oee', 'availability', 'performance', 'quality'];
    const answer = await mis.api.kpi({ kpi: kpis.join(','), scope: 'L1', profile, ...DAY });
    for (const f of answer.figures) {
      assert.equal(typeof f.value, 'number', JSON.stringify(f));
      await waitForText(page, sel('row-L1', `value-${f.kpi}`), percent(f.value));
    }
  }
  await page.getByTestId('row-S1').waitFor();
  await page.getByTestId('row-A1').waitFor();
  assert.equal(await page.getByTestId('row-WU1').count(), 0, 'the overview stops at the lines');
  await checkA11y(page, 'mis-overview');
  await page.screenshot({ path: path.join(OUT_DIR, 'mis-overview.png'), fullPage: true });
});

test('a line opens its work units, a work unit its state intervals, losses and downtime reasons [ORDO-MIS-84] [ORDO-MIS-85] [ORDO-MIS-86] [ORDO-MIS-88]', async () => {
  const { page } = browser;
  await page.getByTestId('scope-L1').click();
  await waitForText(page, sel('scope-title'), 'Line 1 Line L1');
  const wu1 = await mis.api.kpi({ kpi: 'oee_index', scope: 'WU1', profile: 'iso22400', ...DAY });
  await waitForText(page, sel('children', 'row-WU1', 'value-oee_index'), percent(wu1.figures[0].value));
  await page.getByTestId('row-WU2').waitFor();

  await page.getByTestId('scope-WU1').click();
  await waitForText(page, sel('scope-title'), 'Press 1 Work unit WU1');
  await waitForText(page, sel('figure-oee_index', 'value-oee_index'), percent(wu1.figures[0].value));
  const jam = page.getByTestId('interval').filter({ hasText: 'JAM' });
  await jam.waitFor();
  const jamText = await jam.textContent();
  assert.match(jamText, /2026-03-02 09:00:00/);
  assert.match(jamText, /2026-03-02 09:45:00/);
  assert.ok(jamText.includes(`${hashes.states.slice(0, 12)}… row 3`), jamText); // CSV line 3
  for (const line of [2, 4, 5]) // the other state rows of WU1 (6, 7 are WU2's)
    assert.equal(await page.getByTestId('interval').filter({ hasText: `${hashes.states.slice(0, 12)}… row ${line}` }).count(), 1, `row ${line}`);
  assert.equal(await page.getByTestId('interval').filter({ hasText: 'MOTOR' }).count(), 0);

  await page.getByTestId('step-availability_loss').waitFor();
  assert.match(await page.getByTestId('step-availability_loss').textContent(), /1 h 00 min/);
  assert.match(await page.getByTestId('step-planned_busy_time').textContent(), /8 h 00 min/);
  assert.match(await page.getByTestId('reason-JAM').textContent(), /45 min/);
  assert.match(await page.getByTestId('reason-starved').textContent(), /15 min/);
  await checkA11y(page, 'mis-work-unit');
  await page.screenshot({ path: path.join(OUT_DIR, 'mis-work-unit.png'), fullPage: true });
});

test('explain shows the formula, policy, element totals and the import rows behind a figure; sign-out [ORDO-MIS-87] [ORDO-MIS-82] [ORDO-MIS-88]', async () => {
  const { page } = browser;
  const wu1 = await mis.api.kpi({ kpi: 'availability', scope: 'WU1', profile: 'iso22400', ...DAY });
  const figure = wu1.figures[0];
  await page.getByTestId('explain-availability').click();
  await page.getByTestId('explain-formula').waitFor();
  assert.equal(await page.getByTestId('explain-formula').textContent(), figure.formula);
  const policy = await page.getByTestId('explain-policy').textContent();
  assert.ok(policy.startsWith(`${figure.policy.name} version ${figure.policy.version}:`), policy);
  assert.match(policy, /planned_stops=/);
  assert.match(await page.getByTestId('explain').textContent(), new RegExp(`exact: ${String(figure.value).replace('.', '\\.')}\\)`));
  const apt = page.getByTestId('explain-elements').locator('tr').filter({ hasText: 'APT' }).first();
  assert.match(await apt.textContent(), new RegExp(`APT${figure.elements.APT.toFixed(2)}`));
  assert.ok((await apt.textContent()).includes(hashes.states.slice(0, 12)));
  // APT's rows: the running intervals, with their values.
  const row = page.getByTestId('explain-state-rows').locator('tr').filter({ hasText: `${hashes.states.slice(0, 12)}… row 2` });
  await row.waitFor();
  assert.match(await row.textContent(), /WU12026-03-02 06:00:002026-03-02 09:00:00running/);
  // PBT's import row is the calendar's shift: opened, it shows the row's values.
  await page.getByTestId('show-source').filter({ hasText: `${hashes.calendar.slice(0, 12)}… row 2` }).click();
  const shift = page.getByTestId('source-rows');
  await shift.locator('tbody tr').first().waitFor();
  const shiftText = await shift.textContent();
  assert.ok(shiftText.includes(`calendar file ${hashes.calendar}`), shiftText);
  assert.match(shiftText, /2L12026-03-02T06:00:00(\.0+)?Z2026-03-02T14:00:00(\.0+)?ZshiftEarly/);
  await checkA11y(page, 'mis-explain');
  await page.screenshot({ path: path.join(OUT_DIR, 'mis-explain.png'), fullPage: true });
  await signOut(page); // back to the sign-in form [ORDO-MIS-82]
  assert.deepEqual(pageErrors, []);
});
