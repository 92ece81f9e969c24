import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../support/free-port.js';
import { httpsGet } from '../support/https-get.js';

const MAIN = resolve('dist/src/main.js');

function start(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, WATTLOG_DEMO: 'off', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))));
}

async function waitForLog(output: () => string, text: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in output:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the server process', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-e2e-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses bad configuration with one clear line and exit code 2', async () => {
    const { child, output } = start({ WATTLOG_STORE: 'mongodb', WATTLOG_DATA_DIR: dataDir });
    expect(await exitOf(child)).toBe(2);
    const lines = output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WATTLOG_STORE="?mongodb"? .*embedded, postgres, eventstoredb/);
  });

  it('serves HTTPS with a generated certificate, reports health, and shuts down gracefully on SIGTERM', async () => {
    const port = await freePort();
    const first = start({ WATTLOG_DATA_DIR: dataDir, PORT: String(port), WATTLOG_HOST: '127.0.0.1' });
    await waitForLog(first.output, 'wattlog started');
    const ca = readFileSync(join(dataDir, 'tls', 'cert.pem'), 'utf8');
    const health = await httpsGet(`https://127.0.0.1:${port}/health`, ca);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({
      status: 'up',
      checks: { eventStore: { status: 'up' }, readModels: { status: 'up' } },
    });
    const metrics = await httpsGet(`https://127.0.0.1:${port}/metrics`, ca);
    expect(metrics.body).toContain('wattlog_projection_lag_events{projection="audit_log"}');
    expect((await httpsGet(`https://127.0.0.1:${port}/api/audit`, ca)).status).toBe(401);
    const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    const audit = await httpsGet(`https://127.0.0.1:${port}/api/audit`, ca, { authorization: `Bearer ${token}` });
    expect(audit.status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await exitOf(first.child)).toBe(0);
    expect(first.output()).toContain('shutting down');

    // Same data directory: same certificate and token, storage reopens cleanly.
    const second = start({ WATTLOG_DATA_DIR: dataDir, PORT: String(port), WATTLOG_HOST: '127.0.0.1' });
    await waitForLog(second.output, 'wattlog started');
    expect((await httpsGet(`https://127.0.0.1:${port}/health`, ca)).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await exitOf(second.child)).toBe(0);
  }, 90_000);
});
