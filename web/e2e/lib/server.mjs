// E2E helper: runs the real ordo server binary for a browser test.
// Creates demo data with `ordo init --demo`, parses the printed demo credentials,
// starts `ordo serve` on a free loopback port and waits for /api/v1/health.
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REPO_ROOT = path.resolve(WEB_DIR, '..');

/** Path of the ordo binary: $ORDO_BIN or <repo>/build/ordo. */
export function ordoBinary() {
  return process.env.ORDO_BIN ? path.resolve(process.env.ORDO_BIN) : path.join(REPO_ROOT, 'build', 'ordo');
}

function run(bin, args, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`${bin} ${args.join(' ')} failed: ${err.message}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

/** Parses lines "demo user: NAME role: ROLE password: SECRET" into { NAME: {role, password} }. */
export function parseDemoUsers(text) {
  const users = {};
  for (const m of text.matchAll(/^demo user: (\S+) role: (\S+) password: (\S+)\s*$/gm)) {
    users[m[1]] = { role: m[2], password: m[3] };
  }
  return users;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a fresh ordo server. Returns { baseUrl, users, stop(), logs() }.
 * stop() always kills the process and removes the data directory.
 */
export async function startOrdo() {
  const bin = ordoBinary();
  if (!existsSync(bin)) {
    throw new Error(
      `ordo server binary not found at ${bin}. Build the server first (it is expected at build/ordo ` +
        `relative to the repo root) or set ORDO_BIN to its path.`,
    );
  }
  const webDist = path.join(WEB_DIR, 'dist');
  if (!existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(`web/dist/index.html not found. Run "npm run build" in ${WEB_DIR} first.`);
  }

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ordo-e2e-data-'));
  let child = null;
  let output = '';
  const logs = () => output;

  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const init = await run(bin, ['init', '--data', dataDir, '--demo']);
    const users = parseDemoUsers(init.stdout + '\n' + init.stderr);
    for (const name of ['operator', 'quality']) {
      if (!users[name]) {
        throw new Error(`"ordo init --demo" printed no credentials for "${name}". Output:\n${init.stdout}\n${init.stderr}`);
      }
    }

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(bin, ['serve', '--data', dataDir, '--listen', `127.0.0.1:${port}`, '--web-dir', webDist], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));

    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`ordo serve exited early (code ${child.exitCode}, signal ${child.signalCode}). Output:\n${output}`);
      }
      try {
        const res = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(`ordo serve did not answer GET /api/v1/health with 200 within 20 s. Output:\n${output}`);
      }
      await sleep(200);
    }
    return { baseUrl, users, stop, logs };
  } catch (err) {
    await stop();
    throw err;
  }
}
