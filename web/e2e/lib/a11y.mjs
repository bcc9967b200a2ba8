// E2E helper: runs axe-core (@axe-core/playwright) on the page as it is, records the
// violation count per page (a console line and web/test-output/a11y/<name>.json), and
// fails on any serious or critical violation, naming rule, impact and elements.
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WEB_DIR } from './server.mjs';

export const A11Y_DIR = path.join(WEB_DIR, 'test-output', 'a11y');
const FAILING = new Set(['serious', 'critical']);

function describe(v) {
  const nodes = v.nodes
    .slice(0, 5)
    .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join('; ') ?? ''}`)
    .join('\n');
  return `  ${v.impact} ${v.id} (${v.nodes.length} element(s)): ${v.help}\n${nodes}`;
}

// Rows of a table past this many are left out of the check: every row of a list is drawn
// by the same component, and axe's time grows with the rows (the serial list's 500 rows
// took 15-37 s a page, a third of the whole test).
const ROWS_CHECKED = 50;

/**
 * Checks the page with axe (WCAG 2.x A and AA rules and best practices), each table's
 * first ROWS_CHECKED body rows and everything else. `name` names the page in the output
 * (also the JSON file's name). Returns the violations.
 */
export async function checkA11y(page, name) {
  const results = await new AxeBuilder({ page }).exclude(`tbody > tr:nth-child(n+${ROWS_CHECKED + 1})`).analyze();
  const byImpact = {};
  for (const v of results.violations) byImpact[v.impact ?? 'unknown'] = (byImpact[v.impact ?? 'unknown'] ?? 0) + 1;
  const failing = results.violations.filter((v) => FAILING.has(v.impact));
  mkdirSync(A11Y_DIR, { recursive: true });
  const file = name.replace(/[^A-Za-z0-9._-]+/g, '_');
  writeFileSync(
    path.join(A11Y_DIR, `${file}.json`),
    JSON.stringify(
      {
        page: name,
        url: page.url(),
        violations: results.violations.length,
        by_impact: byImpact,
        rules: results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })),
        passes: results.passes.length,
      },
      null,
      2,
    ) + '\n',
  );
  const counts = Object.entries(byImpact).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`a11y ${name}: ${results.violations.length} violation(s)${counts ? ` (${counts})` : ''}`);
  assert.equal(failing.length, 0, `axe: serious or critical violations on ${name}:\n${failing.map(describe).join('\n')}`);
  return results.violations;
}
