// E2E helper: runs the real ordo-mis binary for a browser test. `ordo-mis init` with an
// admin password file in a temp directory, `ordo-mis serve --listen 127.0.0.1:0` (the port
// it prints), waits for /api/v1/health; plus the API calls a test needs (sign-in, imports,
// KPIs), so the test compares the UI with the API.
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ordoBinary } from './server.mjs';

/** Path of ordo-mis: $ORDO_MIS_BIN, else next to the ordo binary (build/ordo-mis). */
export function misBinary() {
  return process.env.ORDO_MIS_BIN
    ? path.resolve(process.env.ORDO_MIS_BIN)
    : path.join(path.dirname(ordoBinary()), 'ordo-mis');
}

export const MIS_ADMIN_PASSWORD = 'mis-admin-e2e-password';

/**
 * Starts a fresh ordo-mis; `serveArgs` are added to `ordo-mis serve` (e.g. --mes URL
 * --mes-user NAME --mes-password-file FILE). Returns { baseUrl, root, stop(), logs(), api }.
 */
export async function startMis(serveArgs = []) {
  const bin = misBinary();
  if (!existsSync(bin)) {
    throw new Error(`ordo-mis not found at ${bin}. Build it (make build) or set ORDO_MIS_BIN to its path.`);
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'ordo-mis-e2e-'));
  const dataDir = path.join(root, 'data');
  const passwordFile = path.join(root, 'admin-password');
  writeFileSync(passwordFile, MIS_ADMIN_PASSWORD + '\n', { mode: 0o600 });
  let child = null;
  let output = '';
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await new Promise((resolve, reject) =>
      execFile(bin, ['init', '--data', dataDir, '--admin-password-file', passwordFile], { timeout: 60_000 },
        (err, stdout, stderr) => (err ? reject(new Error(`ordo-mis init failed: ${err.message}\n${stdout}${stderr}`)) : resolve())),
    );
    child = spawn(bin, ['serve', '--data', dataDir, '--listen', '127.0.0.1:0', ...serveArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    const listening = new Promise((resolve, reject) => {
      const onData = (d) => {
        output += d;
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (m) resolve(m[1]);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (d) => (output += d));
      child.once('exit', (code, signal) => reject(new Error(`ordo-mis serve exited early (${code ?? signal}):\n${output}`)));
    });
    const timeout = new Promise((_, reject) => {
      const t = setTimeout(() => reject(new Error(`ordo-mis serve printed no address within 60 s:\n${output}`)), 60_000);
      t.unref();
    });
    const baseUrl = await Promise.race([listening, timeout]);
    const health = await fetch(`${baseUrl}/api/v1/health`);
    if (health.status !== 200) throw new Error(`GET /api/v1/health: ${health.status}`);
    return { baseUrl, root, stop, logs: () => output, api: misApi(baseUrl) };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The API calls of the tests, as the admin once signIn() ran. */
function misApi(baseUrl) {
  let token = '';
  const call = async (method, target, body, type) => {
    const res = await fetch(baseUrl + target, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(type ? { 'Content-Type': type } : {}) },
      body,
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${target}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return {
    async signIn(user = 'admin', password = MIS_ADMIN_PASSWORD) {
      const r = await call('POST', '/api/v1/session', JSON.stringify({ user, password }), 'application/json');
      token = r.token;
    },
    /** Imports CSV text as `kind`; the import report (file_hash, rows). */
    import: (kind, csv) => call('POST', `/api/v1/imports/${kind}`, csv, 'text/csv'),
    /** GET `target` (under the base URL), JSON. */
    get: (target) => call('GET', target),
    /** GET /api/v1/kpi with these parameters. */
    kpi: (params) => call('GET', `/api/v1/kpi?${new URLSearchParams(params)}`),
  };
}
