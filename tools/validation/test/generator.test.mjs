// Tests of the validation pack generator on a small fixture tree
// (test/fixtures/repo: requirements, compliance response, fuzz map, one C++ test file,
// one browser test) and small result files (test/fixtures/results). Each test copies
// the fixture to a fresh folder, changes what it needs and runs generate.mjs as
// `make validation` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const GENERATOR = path.join(HERE, '..', 'generate.mjs');
const FIXTURES = path.join(HERE, 'fixtures');

/** A copy of the fixture repository with the passing results in place. */
function fixture(t) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ordo-validation-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  cpSync(path.join(FIXTURES, 'repo'), root, { recursive: true });
  const results = path.join(root, 'build', 'test-results');
  mkdirSync(results, { recursive: true });
  for (const f of ['ctest-junit.xml', 'ctest-tests.json', 'e2e-junit.xml']) {
    cpSync(path.join(FIXTURES, 'results', f), path.join(results, f));
  }
  cpSync(path.join(FIXTURES, 'results', 'gtest'), path.join(results, 'gtest'), { recursive: true });
  mkdirSync(path.join(root, 'build-fuzz'));
  cpSync(path.join(FIXTURES, 'results', 'fuzz_demo.log'), path.join(root, 'build-fuzz', 'fuzz_demo.log'));
  return { root, results, out: path.join(root, 'build', 'validation') };
}

function run(fx) {
  const r = spawnSync(process.execPath, [GENERATOR, '--root', fx.root, '--now', '2026-01-02T05:00:00Z'], { encoding: 'utf8' });
  const pack = JSON.parse(readFileSync(path.join(fx.out, 'trace-matrix.json'), 'utf8'));
  const html = readFileSync(path.join(fx.out, 'index.html'), 'utf8');
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, pack, html };
}

const requirement = (pack, id) => pack.requirements.find((r) => r.id === id);
const edit = (file, from, to) => {
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${file} contains ${from}`);
  writeFileSync(file, text.replace(from, to));
};

test('a passing run writes both files with the environment block', (t) => {
  const fx = fixture(t);
  const r = run(fx);
  assert.equal(r.status, 0, r.stderr);
  const env = r.pack.environment;
  assert.equal(env.ordo_version, '9.9.9');
  assert.equal(env.commit, 'abc1234', 'no git here: the commit compiled into the build');
  assert.equal(env.build_time, '2026-01-02T03:04:05Z');
  assert.match(env.compiler, /^GNU 12\.2\.0/);
  assert.equal(env.build_type, 'RelWithDebInfo');
  assert.ok(env.os.length > 0 && env.kernel.length > 0, 'operating system and kernel');
  assert.equal(env.generated_at, '2026-01-02T05:00:00Z');
  assert.equal(r.pack.run_at, '2026-01-02T04:00:00');
  for (const input of r.pack.inputs.filter((i) => !i.role.startsWith('compliance'))) {
    assert.match(input.sha256, /^[0-9a-f]{64}$/, `${input.role} is fingerprinted`);
  }
  assert.match(r.html, /abc1234/);
  assert.match(r.html, /GNU 12\.2\.0/);
  assert.match(r.stdout, /6 requirements: 4 verified \(0 of them only partly built\), 0 failed, 1 gaps/);
  assert.match(r.stdout, /validation: OK/);
});

test('requirement -> tests -> result, from GoogleTest, ctest labels, browser and fuzz runs', (t) => {
  const r = run(fixture(t));
  const p11_01 = requirement(r.pack, 'P11-01');
  assert.equal(p11_01.outcome, 'verified');
  // The XML property and the static scan (a tag spread over two lines) both count.
  assert.deepEqual(p11_01.tests.sort(), ['DemoFixture.RefusesWithoutPermission', 'DemoTest.DetectsAnAlteredRecord']);
  assert.deepEqual(requirement(r.pack, 'P11-04').tests.sort(), ['DemoFixture.RefusesWithoutPermission', 'shell_check']);
  assert.deepEqual(requirement(r.pack, 'ORDO-WEB-01').tests, ['a user signs in [ORDO-WEB-01]']);
  assert.equal(requirement(r.pack, 'ORDO-DEMO-02').outcome, 'verified', 'the fuzz run verifies it');
  const fuzz = r.pack.tests.find((x) => x.kind === 'fuzz');
  assert.equal(fuzz.stats.number_of_executed_units, 1000);
  const untagged = r.pack.tests.find((x) => x.name === 'DemoTest.Untagged');
  assert.deepEqual(untagged.verifies, []);
  assert.equal(untagged.outcome, 'passed');
});

test('a requirement without a test is listed as a gap, never hidden', (t) => {
  const r = run(fixture(t));
  const gap = requirement(r.pack, 'ORDO-DEMO-01');
  assert.equal(gap.outcome, 'gap');
  assert.equal(gap.status, 'planned');
  assert.equal(r.pack.summary.gaps, 1);
  assert.equal(requirement(r.pack, 'VAL-07').outcome, 'procedure', 'met by procedure: not a gap');
  const gapsSection = r.html.slice(r.html.indexOf('<h2>Gaps (1)</h2>'));
  assert.match(gapsSection, /ORDO-DEMO-01/);
  assert.match(r.stdout, /1 gaps \(1 without a test/);
  assert.equal(r.status, 0, 'a gap alone does not fail the run');
});

test('the compliance response lists each clause with its tests and the site procedure', (t) => {
  const r = run(fixture(t));
  const c = r.pack.compliance.find((x) => x.id === 'P11-01');
  assert.equal(c.clause, '11.10(a)');
  assert.equal(c.site, 'Validate the installation.');
  assert.deepEqual(c.tests.map((x) => x.name).sort(), ['DemoFixture.RefusesWithoutPermission', 'DemoTest.DetectsAnAlteredRecord', 'fuzz_demo'], 'own tests and those of "also shown by"');
  assert.ok(c.tests.every((x) => x.outcome === 'passed'));
  assert.match(r.html, /id="c-P11-04"/);
});

test('a failed tagged test makes the run exit 1 and says which', (t) => {
  const fx = fixture(t);
  edit(
    path.join(fx.results, 'ctest-junit.xml'),
    '<testcase name="DemoFixture.RefusesWithoutPermission" classname="DemoFixture.RefusesWithoutPermission" time="0.02" status="run"/>',
    '<testcase name="DemoFixture.RefusesWithoutPermission" classname="DemoFixture.RefusesWithoutPermission" time="0.02" status="fail"><failure message="Expected 403, got 200"/></testcase>',
  );
  const r = run(fx);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /DemoFixture\.RefusesWithoutPermission failed \(verifies P11-01, P11-04\): Expected 403, got 200/);
  assert.equal(requirement(r.pack, 'P11-04').outcome, 'failed');
  assert.equal(r.pack.exit_code, 1);
  assert.match(r.html, /FAILED/);
});

test('a failed browser test and a crashed fuzz run fail the run', (t) => {
  const fx = fixture(t);
  edit(path.join(fx.results, 'e2e-junit.xml'), 'classname="test"/>', 'classname="test"><failure message="timeout"/></testcase>');
  edit(path.join(fx.root, 'build-fuzz', 'fuzz_demo.log'), 'fuzz_run: exit 0', '==77==ERROR: AddressSanitizer: heap-use-after-free\nfuzz_run: exit 1');
  const r = run(fx);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /e2e test a user signs in \[ORDO-WEB-01\] failed/);
  assert.match(r.stderr, /fuzz test fuzz_demo failed .*heap-use-after-free/);
  assert.equal(requirement(r.pack, 'ORDO-DEMO-02').outcome, 'failed');
});

test('an unknown id in a ctest label makes the run exit 1', (t) => {
  const fx = fixture(t);
  edit(path.join(fx.results, 'ctest-tests.json'), 'verifies:P11-04', 'verifies:P11-99');
  const r = run(fx);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /shell_check: tag names P11-99, which is not a requirement/);
});

test('an unknown id in a test that did not run is caught by the static scan', (t) => {
  const fx = fixture(t);
  appendFileSync(path.join(fx.root, 'src', 'demo', 'demo_test.cc'), '\nTEST(DemoTest, NeverBuilt) {\n  ORDO_VERIFIES("P11-1");\n}\n');
  const r = run(fx);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /src\/demo\/demo_test\.cc:\d+ \(DemoTest\.NeverBuilt\): tag names P11-1,/);
});

test('an unknown id in a ctest label in a CMake file is caught by the static scan', (t) => {
  const fx = fixture(t);
  writeFileSync(
    path.join(fx.root, 'CMakeLists.txt'),
    '# labels "verifies:ID" name requirements\nadd_test(NAME x COMMAND true)\nset_tests_properties(x PROPERTIES LABELS "unit;verifies:VAL-7")\n',
  );
  const r = run(fx);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /CMakeLists\.txt:3: tag names VAL-7,/);
  assert.doesNotMatch(r.stderr, /tag names ID,/, 'comments are not read');
});

test('an unknown id in a browser test name makes the run exit 1', (t) => {
  const fx = fixture(t);
  edit(path.join(fx.root, 'web', 'e2e', 'demo.test.mjs'), '[ORDO-WEB-01]', '[ORDO-WEB-01] [ORDO-WEB-1]');
  const r = run(fx);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /web\/e2e\/demo\.test\.mjs:\d+.*: tag names ORDO-WEB-1,/);
});

test('a requirement without a risk rating is refused', (t) => {
  const fx = fixture(t);
  edit(path.join(fx.root, 'docs', 'validation', 'requirements.md'), '| software | medium | planned', '| software |  | planned');
  const r = run(fx);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /ORDO-DEMO-01 has no risk rating/);
});

test('without ctest results the run fails; missing browser and fuzz results are warnings', (t) => {
  const fx = fixture(t);
  rmSync(path.join(fx.results, 'ctest-junit.xml'));
  rmSync(path.join(fx.results, 'e2e-junit.xml'));
  rmSync(path.join(fx.root, 'build-fuzz'), { recursive: true });
  const r = run(fx);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no ctest results at build\/test-results\/ctest-junit\.xml/);
  assert.match(r.stdout, /warning: no browser test results/);
  // Tagged tests in the sources are listed as not run, not as gaps without a test.
  assert.equal(requirement(r.pack, 'P11-01').outcome, 'not run');
  assert.equal(requirement(r.pack, 'ORDO-WEB-01').outcome, 'not run');
});

test('the page is self-contained and printable: no scripts, no external assets', (t) => {
  const r = run(fixture(t));
  assert.doesNotMatch(r.html, /<script/i);
  assert.doesNotMatch(r.html, /(src|href)="(https?:)?\/\//i);
  assert.match(r.html, /@media print/);
  assert.match(r.html, /^<!DOCTYPE html>/);
});
