// Joins requirements, compliance response, tags and results into the trace matrix.
// Pure: takes what the readers returned, returns the model that the JSON and the HTML
// are written from.
import { gtestBaseName } from './results.mjs';

const LABEL_PREFIX = 'verifies:';

/**
 * inputs: {requirements, clauses, fuzzTargets, ctest (or null), ctestLabels (Map),
 *          gtestXml (Map), cppScan, e2e (or null), e2eScan, cmakeScan, fuzzStats (Map)}
 * Returns {tests, requirements, compliance, summary, problems}.
 */
export function buildMatrix(inputs) {
  const problems = [];
  const known = new Set(inputs.requirements.map((r) => r.id));
  const tests = [];

  // 1. ctest: GoogleTest tests and other ctest tests (labels).
  const ranGtest = new Set();
  const ranCtest = new Set();
  if (inputs.ctest) {
    for (const t of inputs.ctest.tests) {
      const base = gtestBaseName(t.name);
      const xml = inputs.gtestXml.get(base);
      const scanned = inputs.cppScan.tests.get(base);
      if (xml || scanned) {
        ranGtest.add(base);
        const ids = new Set([...(xml?.verifies ?? []), ...(scanned?.ids ?? [])]);
        const source = scanned ? `${scanned.file}:${scanned.line}` : xml.file ? `${xml.file}:${xml.line}` : '';
        tests.push({ kind: 'gtest', name: t.name, outcome: t.outcome, time: t.time, message: t.message, verifies: [...ids], source });
      } else {
        ranCtest.add(t.name);
        const labels = inputs.ctestLabels.get(t.name) ?? [];
        const ids = labels.filter((l) => l.startsWith(LABEL_PREFIX)).map((l) => l.slice(LABEL_PREFIX.length));
        tests.push({ kind: 'ctest', name: t.name, outcome: t.outcome, time: t.time, message: t.message, verifies: ids, source: 'ctest' });
      }
    }
  }
  // Tagged tests in the sources that did not run in this run.
  for (const [base, scanned] of inputs.cppScan.tests) {
    if (ranGtest.has(base) || scanned.ids.size === 0) continue;
    tests.push({ kind: 'gtest', name: base, outcome: 'not run', time: 0, message: '', verifies: [...scanned.ids], source: `${scanned.file}:${scanned.line}` });
  }
  for (const [name, labels] of inputs.ctestLabels) {
    if (ranCtest.has(name) || ranGtest.has(gtestBaseName(name))) continue;
    const ids = labels.filter((l) => l.startsWith(LABEL_PREFIX)).map((l) => l.slice(LABEL_PREFIX.length));
    if (ids.length) tests.push({ kind: 'ctest', name, outcome: 'not run', time: 0, message: '', verifies: ids, source: 'ctest' });
  }

  // 2. Browser tests: tags in the names.
  const ranE2e = new Set();
  const tagsOf = (name) => [...name.matchAll(/\[([^\]\s]+)\]/g)].map((m) => m[1]).filter((t) => /^(P11|A11|DI|IND|VAL|ORDO)-/.test(t));
  if (inputs.e2e) {
    for (const t of inputs.e2e.tests) {
      ranE2e.add(t.name.split(' > ').pop());
      const scanned = inputs.e2eScan.tests.find((s) => s.name === t.name.split(' > ').pop());
      tests.push({ kind: 'e2e', name: t.name, outcome: t.outcome, time: t.time, message: t.message, verifies: tagsOf(t.name), source: scanned ? `${scanned.file}:${scanned.line}` : '' });
    }
  }
  for (const s of inputs.e2eScan.tests) {
    if (ranE2e.has(s.name) || s.ids.length === 0) continue;
    tests.push({ kind: 'e2e', name: s.name, outcome: 'not run', time: 0, message: '', verifies: s.ids, source: `${s.file}:${s.line}` });
  }

  // 3. Fuzz runs, as declared in fuzz-targets.md.
  for (const f of inputs.fuzzTargets) {
    const stats = inputs.fuzzStats.get(f.name);
    tests.push({
      kind: 'fuzz',
      name: f.name,
      outcome: stats ? stats.outcome : 'not run',
      time: stats?.stats?.total_time ?? 0,
      message: stats?.message ?? '',
      verifies: f.verifies,
      source: f.stats,
      stats: stats?.stats ?? null,
    });
  }

  // Unknown ids: in results, in the sources (ran or not) and in the fuzz map.
  const unknown = new Map();
  const noteUnknown = (id, where) => {
    if (known.has(id)) return;
    const key = `${id}@${where.split(':')[0].split(' ')[0]}`; // once per id and file
    if (!unknown.has(key)) unknown.set(key, { id, where });
  };
  for (const t of tests) for (const id of t.verifies) noteUnknown(id, t.source && t.source !== 'ctest' ? `${t.source} (${t.name})` : t.name);
  for (const o of [...inputs.cppScan.occurrences, ...inputs.e2eScan.occurrences, ...inputs.cmakeScan.occurrences]) {
    noteUnknown(o.id, `${o.file}:${o.line}${o.test ? ` (${o.test})` : ''}`);
  }
  for (const f of inputs.fuzzTargets) for (const id of f.verifies) noteUnknown(id, `docs/validation/fuzz-targets.md:${f.line} (${f.name})`);
  for (const { id, where } of unknown.values()) {
    problems.push({ severity: 'error', kind: 'unknown-id', message: `${where}: tag names ${id}, which is not a requirement in docs/validation/requirements.md` });
  }
  // From here on tests keep only known ids, so the matrix never shows a phantom
  // requirement (the unknown ones are errors above).
  for (const t of tests) t.verifies = [...new Set(t.verifies)].filter((id) => known.has(id)).sort();

  for (const t of tests) {
    if (t.outcome === 'failed') {
      const tagged = t.verifies.length ? `verifies ${t.verifies.join(', ')}` : 'untagged';
      problems.push({ severity: 'error', kind: 'failed', message: `${t.kind} test ${t.name} failed (${tagged})${t.message ? `: ${t.message.split('\n')[0]}` : ''}` });
    }
  }

  // Requirements -> tests -> outcome.
  const byRequirement = new Map(inputs.requirements.map((r) => [r.id, []]));
  tests.forEach((t, index) => {
    for (const id of t.verifies) byRequirement.get(id).push(index);
  });
  const requirements = inputs.requirements.map((r) => {
    const linked = byRequirement.get(r.id);
    const outcomes = linked.map((k) => tests[k].outcome);
    let outcome;
    if (outcomes.includes('failed')) outcome = 'failed';
    else if (outcomes.includes('passed')) outcome = 'verified';
    else if (linked.length > 0) outcome = 'not run';
    else if (r.met_by === 'procedure') outcome = 'procedure';
    else if (r.met_by === 'n/a') outcome = 'n/a';
    else outcome = 'gap';
    return { ...r, outcome, tests: linked };
  });

  const compliance = inputs.clauses.map((c) => {
    const ids = [c.id, ...c.also];
    const linked = [...new Set(ids.flatMap((id) => byRequirement.get(id) ?? []))];
    const own = requirements.find((r) => r.id === c.id);
    const outcomes = linked.map((k) => tests[k].outcome);
    let outcome;
    if (outcomes.includes('failed')) outcome = 'failed';
    else if (outcomes.includes('passed')) outcome = own.outcome === 'verified' ? 'verified' : 'supported';
    else if (linked.length > 0) outcome = 'not run';
    else outcome = own.outcome;
    return { ...c, outcome, requirement_outcome: own.outcome, risk: own.risk, status: own.status, tests: linked };
  });

  const count = (o) => requirements.filter((r) => r.outcome === o).length;
  const summary = {
    requirements: requirements.length,
    verified: count('verified'),
    // verified, but the requirement is only partly built: the tests show the built part.
    verified_partly_built: requirements.filter((r) => r.outcome === 'verified' && r.status === 'partial').length,
    failed: count('failed'),
    gaps: count('gap'),
    not_run: count('not run'),
    procedure: count('procedure'),
    not_applicable: count('n/a'),
    tests: tests.filter((t) => t.outcome !== 'not run').length,
    tests_passed: tests.filter((t) => t.outcome === 'passed').length,
    tests_failed: tests.filter((t) => t.outcome === 'failed').length,
    tests_skipped: tests.filter((t) => t.outcome === 'skipped').length,
    tests_not_run: tests.filter((t) => t.outcome === 'not run').length,
    tests_tagged: tests.filter((t) => t.outcome !== 'not run' && t.verifies.length > 0).length,
    unknown_ids: unknown.size,
  };
  return { tests, requirements, compliance, summary, problems };
}
