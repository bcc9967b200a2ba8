// Checks the import rules of src/ (see README.md, "Layout"): shared/ never imports
// from features/, the MIS UI (mis/) imports nothing of the MES's but shared/, and a
// feature imports another feature only through its index.ts, api.ts or types.ts.
// Prints each violation; exits 1 if there is any.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
const PUBLIC = new Set(['', 'index', 'api', 'types']);

const walk = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));

let violations = 0;
for (const abs of walk(SRC).filter((f) => /\.tsx?$/.test(f))) {
  const file = path.relative(SRC, abs).split(path.sep).join('/');
  const parts = file.split('/');
  const own = parts[0] === 'features' && parts.length > 2 ? parts[1] : null;
  const text = fs.readFileSync(abs, 'utf8');
  for (const m of text.matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']*)'/g)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]));
    const [top, feature, ...rest] = target.split('/');
    let problem = null;
    if (parts[0] === 'shared' && top === 'features') problem = 'shared/ imports from features/';
    else if (parts[0] === 'mis' && (top === 'features' || top === 'App' || top === 'main'))
      problem = 'the MIS UI (mis/) imports MES code: only shared/ is allowed';
    else if (own && top === 'features' && feature !== own && !PUBLIC.has(rest.join('/'))) {
      problem = `reaches into another feature (use its index, api or types)`;
    }
    if (problem) {
      console.log(`${file}: '${m[1]}': ${problem}`);
      violations++;
    }
  }
}
if (violations) {
  console.log(`${violations} import rule violation(s)`);
  process.exit(1);
}
console.log('layout ok: shared/ imports no feature; features import each other only through index/api/types');
