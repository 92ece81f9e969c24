// Start-up smoke test of the built server on whichever Node runs this script (CI runs it on the newest supported
// one): what `npm start` does after its build, in a fresh data directory with the demo gateways on, must become
// healthy and store a reading, then stop cleanly on SIGTERM. Needs `npm run build` first.
// Usage: node scripts/smoke-start.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const MAIN = new URL('../dist/src/main.js', import.meta.url);
const STARTED_WITHIN_MS = 60_000;
const READING_WITHIN_MS = 60_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function httpsGet(url, ca, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.once('timeout', () => req.destroy(new Error(`no answer from ${url}`)));
    req.once('error', reject);
    req.end();
  });
}

async function until(what, withinMs, probe) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} within ${withinMs / 1000} s`);
    await sleep(250);
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'wattlog-smoke-'));
const [port, linkPort] = [await freePort(), await freePort()];
const env = {
  ...process.env,
  WATTLOG_DATA_DIR: dataDir,
  WATTLOG_STORE: 'embedded',
  WATTLOG_DEMO: 'on',
  WATTLOG_HOST: '127.0.0.1',
  PORT: String(port),
  WATTLOG_LINK_HOST: '127.0.0.1',
  WATTLOG_LINK_PORT: String(linkPort),
  LOG_LEVEL: 'info',
};
const server = spawn(process.execPath, ['--max-semi-space-size=64', MAIN.pathname], {
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
server.stdout.on('data', (chunk) => (output += chunk));
server.stderr.on('data', (chunk) => (output += chunk));
const exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));

try {
  await until('no "wattlog started" log line', STARTED_WITHIN_MS, async () => {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    return output.includes('wattlog started') ? true : undefined;
  });
  const ca = readFileSync(join(dataDir, 'tls', 'cert.pem'), 'utf8');
  const base = `https://127.0.0.1:${port}`;
  const health = await httpsGet(`${base}/health`, ca);
  const checks = JSON.parse(health.body);
  if (health.status !== 200 || checks.status !== 'up')
    throw new Error(`/health answered ${health.status} ${health.body}`);

  const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
  const sensor = await until('no demo reading stored', READING_WITHIN_MS, async () => {
    const page = await httpsGet(`${base}/api/sensors`, ca, { authorization: `Bearer ${token}` });
    if (page.status !== 200) return undefined;
    return JSON.parse(page.body).items.find((item) => item.lastValue !== null);
  });

  server.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) throw new Error(`the server exited with code ${code} after SIGTERM`);
  process.stdout.write(
    `smoke: Node ${process.version}: healthy, reading stored (${sensor.sensorId} = ${sensor.lastValue}), stopped cleanly\n`,
  );
} catch (error) {
  server.kill('SIGKILL');
  process.stderr.write(`smoke: Node ${process.version}: ${error.message}\n--- server output ---\n${output}\n`);
  process.exitCode = 1;
} finally {
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
}
