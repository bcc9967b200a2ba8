// The environment block of the validation pack: what was built, from which commit,
// with which compiler, on which system, and when. Reads files and runs git only; no
// network.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function git(root, args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function compilerOf(buildDir) {
  const filesDir = path.join(buildDir, 'CMakeFiles');
  if (!existsSync(filesDir)) return '';
  for (const entry of readdirSync(filesDir).sort().reverse()) {
    const file = path.join(filesDir, entry, 'CMakeCXXCompiler.cmake');
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const id = /set\(CMAKE_CXX_COMPILER_ID "([^"]*)"\)/.exec(text)?.[1] ?? '';
    const version = /set\(CMAKE_CXX_COMPILER_VERSION "([^"]*)"\)/.exec(text)?.[1] ?? '';
    const compiler = /set\(CMAKE_CXX_COMPILER "([^"]*)"\)/.exec(text)?.[1] ?? '';
    return `${id} ${version}${compiler ? ` (${compiler})` : ''}`.trim();
  }
  return '';
}

function cacheValue(buildDir, key) {
  const file = path.join(buildDir, 'CMakeCache.txt');
  if (!existsSync(file)) return '';
  const m = new RegExp(`^${key}:[A-Z]+=(.*)$`, 'm').exec(readFileSync(file, 'utf8'));
  return m ? m[1] : '';
}

function osName() {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(text)?.[1] ?? os.type();
  } catch {
    return os.type();
  }
}

export function environment({ root, buildDir, fuzzDir, now }) {
  const versionFile = path.join(buildDir, 'generated', 'version.cc');
  const versionText = existsSync(versionFile) ? readFileSync(versionFile, 'utf8') : '';
  const fromVersion = (fn) => new RegExp(`${fn}\\(\\) \\{ return "([^"]*)"`).exec(versionText)?.[1] ?? '';
  const commit = git(root, ['rev-parse', 'HEAD']);
  const dirty = commit ? git(root, ['status', '--porcelain', '--untracked-files=no']) !== '' : false;
  return {
    ordo_version: fromVersion('Version'),
    commit: commit || fromVersion('GitCommit'),
    commit_of_build: fromVersion('GitCommit'),
    source_tree_modified: dirty,
    branch: git(root, ['rev-parse', '--abbrev-ref', 'HEAD']),
    build_time: fromVersion('BuildTime'),
    build_type: cacheValue(buildDir, 'CMAKE_BUILD_TYPE'),
    compiler: compilerOf(buildDir),
    fuzz_compiler: fuzzDir ? compilerOf(fuzzDir) : '',
    os: osName(),
    kernel: `${os.type()} ${os.release()} ${os.arch()}`,
    host: os.hostname(),
    node: process.version,
    generated_at: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

/** SHA-256 of a file, or of a list of files (name and content of each, in order). */
export function fingerprint(files, root) {
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(path.relative(root, f));
    hash.update('\0');
    hash.update(readFileSync(f));
    hash.update('\0');
  }
  return hash.digest('hex');
}
