// The static scan: finds every requirement tag written in the sources, whether or not
// its test ran, so that a typo in a test that was skipped or not built still fails
// `make validation`. Reads C++ tests (ORDO_VERIFIES), browser tests (tags in test
// names) and CMake files (ctest labels "verifies:ID").
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { TAG_TOKEN } from './requirements.mjs';

const SKIP_DIRS = new Set(['node_modules', '.git', 'fixtures', 'dist', 'test-output']);

function walk(dir, accept, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    if (SKIP_DIRS.has(entry) || entry.startsWith('build')) continue;
    const full = path.join(dir, entry);
    const st = statSync(full);
    if (st.isDirectory()) walk(full, accept, out);
    else if (accept(entry)) out.push(full);
  }
  return out;
}

function lineOf(text, index) {
  let n = 1;
  for (let k = 0; k < index; k++) if (text.charCodeAt(k) === 10) n++;
  return n;
}

/** The string literals inside an ORDO_VERIFIES(...) argument list. */
function literals(args) {
  return [...args.matchAll(/"((?:\\.|[^"\\])*)"/g)].map((m) => m[1]);
}

export function scanCpp(root, problems) {
  const tests = new Map(); // "Suite.Test" -> {ids:Set, file, line}
  const occurrences = [];
  const files = [
    ...walk(path.join(root, 'src'), (f) => /\.(cc|cpp|h)$/.test(f)),
    ...walk(path.join(root, 'tests'), (f) => /\.(cc|cpp|h)$/.test(f)),
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('ORDO_VERIFIES') && !/^TEST(?:_F|_P)?\(/m.test(text)) continue;
    const rel = path.relative(root, file);
    const marks = [];
    for (const m of text.matchAll(/^TEST(?:_F|_P)?\(\s*([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\s*\)/gm)) {
      marks.push({ kind: 'test', index: m.index, name: `${m[1]}.${m[2]}` });
    }
    for (const m of text.matchAll(/^[ \t]*ORDO_VERIFIES\(([\s\S]*?)\);/gm)) {
      marks.push({ kind: 'tag', index: m.index, ids: literals(m[1]) });
    }
    marks.sort((a, b) => a.index - b.index);
    let current = null;
    for (const mark of marks) {
      const line = lineOf(text, mark.index);
      if (mark.kind === 'test') {
        current = { name: mark.name, file: rel, line };
        if (!tests.has(mark.name)) tests.set(mark.name, { ids: new Set(), file: rel, line });
        continue;
      }
      if (mark.ids.length === 0) {
        problems.push({ kind: 'tags', message: `${rel}:${line}: ORDO_VERIFIES names no requirement id` });
      }
      for (const id of mark.ids) {
        occurrences.push({ id, file: rel, line, test: current?.name ?? '' });
        if (current) tests.get(current.name).ids.add(id);
      }
    }
  }
  return { tests, occurrences };
}

export function scanE2e(root) {
  const tests = [];
  const occurrences = [];
  const files = walk(path.join(root, 'web', 'e2e'), (f) => /\.(mjs|js|cjs|ts)$/.test(f));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const rel = path.relative(root, file);
    for (const m of text.matchAll(/\b(?:test|it|describe|suite)\s*\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)) {
      const name = m[2];
      const ids = [...name.matchAll(/\[([^\]\s]+)\]/g)].map((t) => t[1]).filter((t) => /^(P11|A11|DI|IND|VAL|ORDO)-/.test(t));
      tests.push({ name, ids, file: rel, line: lineOf(text, m.index) });
    }
    for (const m of text.matchAll(/\[((?:P11|A11|DI|IND|VAL|ORDO)-[^\]\s]*)\]/g)) {
      occurrences.push({ id: m[1], file: rel, line: lineOf(text, m.index), test: '' });
    }
  }
  return { tests, occurrences };
}

export function scanCmake(root) {
  const occurrences = [];
  const files = [
    path.join(root, 'CMakeLists.txt'),
    ...walk(path.join(root, 'src'), (f) => f === 'CMakeLists.txt' || f.endsWith('.cmake')),
    ...walk(path.join(root, 'tests'), (f) => f === 'CMakeLists.txt' || f.endsWith('.cmake')),
    ...walk(path.join(root, 'cmake'), (f) => f.endsWith('.cmake')),
  ].filter((f) => existsSync(f));
  for (const file of files) {
    // Comments are blanked (same length, so line numbers hold).
    const text = readFileSync(file, 'utf8').replace(/#[^\n]*/g, (c) => ' '.repeat(c.length));
    const rel = path.relative(root, file);
    for (const m of text.matchAll(/verifies:([^\s;")]+)/g)) {
      occurrences.push({ id: m[1], file: rel, line: lineOf(text, m.index), test: '' });
    }
  }
  return { occurrences };
}

/** Id-shaped tokens in a free-text cell (used to check cross references). */
export function idTokens(text) {
  return [...text.matchAll(TAG_TOKEN)].map((m) => m[0]);
}
