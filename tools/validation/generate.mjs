#!/usr/bin/env node
// make validation: builds the validation pack (build/validation/index.html and
// trace-matrix.json) from docs/validation/*.md, the tags in the sources and the result
// files of the last test run. No network. Exit 0: written, no tagged test failed, every
// tag names a known requirement. Exit 1: written, but a test failed, a tag names an
// unknown id, the requirements are malformed or the test results are missing; each
// reason is printed. Exit 2: bad arguments. See docs/validation/README.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { environment, fingerprint } from './lib/environment.mjs';
import { renderHtml } from './lib/html.mjs';
import { buildMatrix } from './lib/matrix.mjs';
import { loadCompliance, loadFuzzTargets, loadRequirements } from './lib/requirements.mjs';
import { readCtestJunit, readCtestLabels, readFuzzStats, readGtestDir, readNodeJunit } from './lib/results.mjs';
import { scanCmake, scanCpp, scanE2e } from './lib/scan.mjs';

const USAGE = `usage: node tools/validation/generate.mjs [--root DIR] [--build DIR] [--results DIR] [--out DIR] [--now ISO-TIME]
  --root     the ordo source tree (default: two folders above this script)
  --build    the CMake build folder (default: ROOT/build)
  --results  the test result folder (default: BUILD/test-results)
  --out      where the pack is written (default: BUILD/validation)
  --now      the generation time to record (default: the current time)`;

function parseArgs(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const opts = { root: path.resolve(here, '..', '..') };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--help' || arg === '-h') return { help: true };
    const m = /^--(root|build|results|out|now)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument "${arg}"`);
    const value = m[2] ?? argv[++k];
    if (value === undefined) throw new Error(`${arg} needs a value`);
    opts[m[1]] = value;
  }
  opts.root = path.resolve(opts.root);
  opts.build = path.resolve(opts.build ?? path.join(opts.root, 'build'));
  opts.results = path.resolve(opts.results ?? path.join(opts.build, 'test-results'));
  opts.out = path.resolve(opts.out ?? path.join(opts.build, 'validation'));
  opts.now = opts.now ? new Date(opts.now) : new Date();
  if (Number.isNaN(opts.now.getTime())) throw new Error('--now is not a time');
  return opts;
}

export function generate(opts) {
  const { root } = opts;
  const docs = path.join(root, 'docs', 'validation');
  const files = {
    requirements: path.join(docs, 'requirements.md'),
    compliance: path.join(docs, 'compliance-response.md'),
    fuzz: path.join(docs, 'fuzz-targets.md'),
    ctestJunit: path.join(opts.results, 'ctest-junit.xml'),
    ctestJson: path.join(opts.results, 'ctest-tests.json'),
    gtestDir: path.join(opts.results, 'gtest'),
    e2eJunit: path.join(opts.results, 'e2e-junit.xml'),
  };
  const problems = [];
  const error = (kind, message) => problems.push({ severity: 'error', kind, message });
  const warning = (kind, message) => problems.push({ severity: 'warning', kind, message });
  const rel = (f) => path.relative(root, f) || '.';
  const read = (f) => {
    if (!existsSync(f)) {
      error('sources', `${rel(f)} is missing`);
      return '';
    }
    return readFileSync(f, 'utf8');
  };

  const req = loadRequirements(read(files.requirements), rel(files.requirements));
  const known = new Set(req.requirements.map((r) => r.id));
  const comp = loadCompliance(read(files.compliance), rel(files.compliance), known);
  const fuzz = loadFuzzTargets(read(files.fuzz), rel(files.fuzz));
  for (const p of [...req.problems, ...comp.problems, ...fuzz.problems]) error(p.kind, p.message);

  const readProblems = [];
  const ctest = readCtestJunit(files.ctestJunit, readProblems);
  if (!ctest && !readProblems.length) {
    error('missing-results', `no ctest results at ${rel(files.ctestJunit)}: run "make test" (or ctest with --output-junit) first`);
  }
  const ctestLabels = readCtestLabels(files.ctestJson, readProblems);
  if (ctest && !existsSync(files.ctestJson)) {
    warning('missing-results', `no ctest test list at ${rel(files.ctestJson)}: labels "verifies:ID" of non-GoogleTest tests are not read`);
  }
  const gtest = readGtestDir(files.gtestDir, readProblems);
  const e2e = readNodeJunit(files.e2eJunit, readProblems);
  if (!e2e) warning('missing-results', `no browser test results at ${rel(files.e2eJunit)} (make e2e): browser tests count as not run`);
  const fuzzStats = new Map();
  for (const t of fuzz.targets) {
    const stats = readFuzzStats(path.resolve(root, t.stats));
    if (stats) fuzzStats.set(t.name, stats);
    else warning('missing-results', `no stats for fuzz target ${t.name} at ${t.stats} (make fuzz): it counts as not run`);
  }
  for (const p of readProblems) error(p.kind, p.message);

  const scanProblems = [];
  const cppScan = scanCpp(root, scanProblems);
  const e2eScan = scanE2e(root);
  const cmakeScan = scanCmake(root);
  for (const p of scanProblems) error(p.kind, p.message);

  const matrix = buildMatrix({
    requirements: req.requirements,
    clauses: comp.clauses,
    fuzzTargets: fuzz.targets,
    ctest,
    ctestLabels,
    gtestXml: gtest.byName,
    cppScan,
    e2e,
    e2eScan,
    cmakeScan,
    fuzzStats,
  });
  problems.push(...matrix.problems);

  const env = environment({ root, buildDir: opts.build, fuzzDir: path.join(root, 'build-fuzz'), now: opts.now });
  if (env.commit && env.commit_of_build && !env.commit.startsWith(env.commit_of_build)) {
    warning('environment', `the build was configured at commit ${env.commit_of_build} but the source tree is at ${env.commit}: rebuild before trusting the pack`);
  }

  const inputs = [];
  const addInput = (role, f) => inputs.push({ role, path: rel(f), sha256: existsSync(f) ? fingerprint([f], root) : '' });
  addInput('requirements', files.requirements);
  addInput('compliance response', files.compliance);
  addInput('fuzz map', files.fuzz);
  addInput('ctest JUnit', files.ctestJunit);
  addInput('ctest test list', files.ctestJson);
  inputs.push({ role: `GoogleTest XML (${gtest.files.length} files)`, path: rel(files.gtestDir), sha256: gtest.files.length ? fingerprint(gtest.files, root) : '' });
  addInput('browser tests JUnit', files.e2eJunit);
  for (const t of fuzz.targets) addInput(`fuzz stats ${t.name}`, path.resolve(root, t.stats));

  const errors = problems.filter((p) => p.severity === 'error');
  const pack = {
    format: 'ordo-validation-pack',
    format_version: 1,
    exit_code: errors.length ? 1 : 0,
    environment: env,
    run_at: ctest?.timestamp || '',
    summary: matrix.summary,
    problems,
    requirements: matrix.requirements.map((r) => ({ ...r, tests: r.tests.map((k) => matrix.tests[k].name) })),
    compliance: matrix.compliance.map((c) => ({ ...c, tests: c.tests.map((k) => ({ name: matrix.tests[k].name, kind: matrix.tests[k].kind, outcome: matrix.tests[k].outcome })) })),
    tests: matrix.tests,
    inputs,
  };
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(path.join(opts.out, 'trace-matrix.json'), `${JSON.stringify(pack, null, 2)}\n`);
  writeFileSync(path.join(opts.out, 'index.html'), renderHtml({ ...pack, requirements: matrix.requirements, compliance: matrix.compliance }));
  return pack;
}

function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`validation: ${err.message}\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  const pack = generate(opts);
  const s = pack.summary;
  const out = path.relative(process.cwd(), opts.out) || '.';
  console.log(`validation: ${s.requirements} requirements: ${s.verified} verified (${s.verified_partly_built} of them only partly built), ${s.failed} failed, ${s.gaps + s.not_run} gaps (${s.gaps} without a test, ${s.not_run} with tests that did not run), ${s.procedure} by site procedure, ${s.not_applicable} not applicable`);
  console.log(`validation: ${s.tests} tests run: ${s.tests_passed} passed, ${s.tests_failed} failed, ${s.tests_skipped} skipped; ${s.tests_tagged} tagged with a requirement`);
  for (const p of pack.problems.filter((x) => x.severity === 'warning')) console.log(`validation: warning: ${p.message}`);
  console.log(`validation: wrote ${out}/index.html and ${out}/trace-matrix.json`);
  const errors = pack.problems.filter((x) => x.severity === 'error');
  if (errors.length) {
    console.error(`validation: FAILED (${errors.length} problem${errors.length === 1 ? '' : 's'}):`);
    for (const p of errors) console.error(`validation:   ${p.message}`);
    return 1;
  }
  console.log('validation: OK');
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
