// Reads the result files of one test run. Every reader returns plain data and a list of
// problems; a file that is absent is reported as absent, never guessed.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { child, findAll, parseXml } from './xml.mjs';

/** "upgrade/UpgradeTest.Name/release_0_1_0" -> "UpgradeTest.Name"; other names unchanged. */
export function gtestBaseName(name) {
  const m = /^(?:[^/.\s]+\/)?([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)(?:\/.*)?$/.exec(name);
  return m ? m[1] : name;
}

function outcomeOf(testcase) {
  if (child(testcase, 'failure') || child(testcase, 'error')) return 'failed';
  const status = testcase.attrs.status;
  if (status === 'fail') return 'failed';
  if (child(testcase, 'skipped') || status === 'notrun' || status === 'disabled') return 'skipped';
  if (testcase.attrs.result === 'skipped' || testcase.attrs.result === 'suppressed') return 'skipped';
  return 'passed';
}

function failureMessage(testcase) {
  const f = child(testcase, 'failure') || child(testcase, 'error');
  if (!f) return '';
  const text = (f.attrs.message || f.text || '').trim();
  return text.length > 500 ? `${text.slice(0, 500)}...` : text;
}

/** ctest --output-junit: [{name, outcome, time, message}] or null when absent. */
export function readCtestJunit(file, problems) {
  if (!existsSync(file)) return null;
  let root;
  try {
    root = parseXml(readFileSync(file, 'utf8'));
  } catch (err) {
    problems.push({ kind: 'results', message: `${file}: ${err.message}` });
    return null;
  }
  const tests = findAll(root, 'testcase').map((tc) => ({
    name: tc.attrs.name,
    outcome: outcomeOf(tc),
    time: Number(tc.attrs.time) || 0,
    message: failureMessage(tc),
  }));
  return { tests, timestamp: root.attrs.timestamp || '' };
}

/** ctest --show-only=json-v1: name -> labels. */
export function readCtestLabels(file, problems) {
  const labels = new Map();
  if (!existsSync(file)) return labels;
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    for (const t of doc.tests ?? []) {
      const prop = (t.properties ?? []).find((p) => p.name === 'LABELS');
      labels.set(t.name, Array.isArray(prop?.value) ? prop.value : prop?.value ? [prop.value] : []);
    }
  } catch (err) {
    problems.push({ kind: 'results', message: `${file}: ${err.message}` });
  }
  return labels;
}

function walk(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (entry.endsWith('.xml')) out.push(full);
  }
  return out;
}

/**
 * The per-test GoogleTest XML files: base name ("Suite.Test") -> {verifies:Set, file, line}.
 * The `verifies` property is read from <properties> (gtest 1.10+) or from the testcase's
 * attributes (older gtest).
 */
export function readGtestDir(dir, problems) {
  const byName = new Map();
  if (!existsSync(dir)) return { byName, files: [] };
  const files = walk(dir).sort();
  for (const file of files) {
    let root;
    try {
      root = parseXml(readFileSync(file, 'utf8'));
    } catch (err) {
      problems.push({ kind: 'results', message: `${file}: ${err.message}` });
      continue;
    }
    for (const tc of findAll(root, 'testcase')) {
      const name = gtestBaseName(`${tc.attrs.classname}.${tc.attrs.name}`);
      const entry = byName.get(name) ?? { verifies: new Set(), file: tc.attrs.file || '', line: Number(tc.attrs.line) || 0 };
      const values = [];
      if (tc.attrs.verifies) values.push(tc.attrs.verifies);
      for (const p of findAll(tc, 'property')) if (p.attrs.name === 'verifies') values.push(p.attrs.value || '');
      for (const v of values) for (const id of v.split(',').map((s) => s.trim()).filter(Boolean)) entry.verifies.add(id);
      byName.set(name, entry);
    }
  }
  return { byName, files };
}

/** node --test --test-reporter=junit: [{name, outcome, time, message}] or null. */
export function readNodeJunit(file, problems) {
  if (!existsSync(file)) return null;
  let root;
  try {
    root = parseXml(readFileSync(file, 'utf8'));
  } catch (err) {
    problems.push({ kind: 'results', message: `${file}: ${err.message}` });
    return null;
  }
  // Nested tests appear as <testsuite name="parent"> around their <testcase>s.
  const tests = [];
  const visit = (el, prefix) => {
    for (const c of el.children) {
      if (c.name === 'testsuite') visit(c, prefix ? `${prefix} > ${c.attrs.name}` : c.attrs.name);
      else if (c.name === 'testcase') {
        tests.push({
          name: prefix ? `${prefix} > ${c.attrs.name}` : c.attrs.name,
          outcome: outcomeOf(c),
          time: Number(c.attrs.time) || 0,
          message: failureMessage(c),
        });
      } else visit(c, prefix);
    }
  };
  visit(root, '');
  return { tests };
}

/**
 * A fuzz run's stats file (tests/fuzz_run.sh): outcome passed when it ends with
 * "fuzz_run: exit 0" and libFuzzer printed its final statistics; the stats as numbers.
 */
export function readFuzzStats(file) {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const stats = {};
  for (const m of text.matchAll(/^stat::([a-z_]+):\s*([0-9.]+)\s*$/gm)) stats[m[1]] = Number(m[2]);
  const exit = [...text.matchAll(/^fuzz_run: exit (\d+)\s*$/gm)].pop();
  const exitCode = exit ? Number(exit[1]) : null;
  let outcome = 'passed';
  let message = '';
  if (exitCode === null) {
    outcome = 'failed';
    message = 'the run did not finish (no "fuzz_run: exit" line)';
  } else if (exitCode !== 0) {
    outcome = 'failed';
    message = `the fuzzer exited with ${exitCode}`;
    const crash = /^(==\d+==ERROR: .*|SUMMARY: .*|.*deadly signal.*)$/m.exec(text);
    if (crash) message += `: ${crash[1]}`;
  } else if (stats.number_of_executed_units === undefined && stats.number_of_executed_runs === undefined) {
    outcome = 'failed';
    message = 'no final statistics (run with -print_final_stats=1)';
  }
  const started = /^fuzz_run: started (\S+)/m.exec(text);
  return { outcome, message, stats, exit_code: exitCode, started: started ? started[1] : '' };
}
