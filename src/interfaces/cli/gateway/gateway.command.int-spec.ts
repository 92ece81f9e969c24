import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { assertCliBuilt, runCli } from '#test/support/cli.js';
import { freePort } from '#test/support/free-port.js';
import { httpsPostJson } from '#test/support/https-get.js';
import { loadAdminToken } from '../../../infrastructure/auth/admin-token.js';
import { ensureHttpsCredentials } from '../../../infrastructure/tls/self-signed-certificate.js';
import { startHttpServer, type RunningServer } from '../../http/http-server.js';

interface Registered {
  id: string;
  key: string;
  fingerprint: string;
  linkHost: string;
  linkPort: number;
}

describe('wattlog gateway (compiled CLI against a running HTTPS server)', () => {
  let server: RunningServer;
  let dataDir: string;
  let port: number;
  let ca: string;
  const scratch: string[] = [];
  // Nothing from the developer's shell may leak into the runs.
  const baseEnv = (): Record<string, string> => ({
    WATTLOG_DATA_DIR: dataDir,
    PORT: String(port),
    WATTLOG_URL: '',
    WATTLOG_ADMIN_TOKEN: '',
    WATTLOG_LINK_HOST: '',
    WATTLOG_LINK_PORT: '',
    WATTLOG_HTTP: '',
    WATTLOG_STORE: '',
  });
  const cli = (args: string[], env: Record<string, string> = {}) =>
    runCli(['gateway', ...args], { ...baseEnv(), ...env });
  const register = (...extra: string[]) =>
    cli([
      'register',
      '--name',
      'Garage',
      '--network-type',
      'dsmr',
      '--address',
      '/dev/ttyUSB0',
      '--lat',
      '51.5',
      '--lon',
      '-0.12',
      ...extra,
    ]);
  const list = async (...args: string[]): Promise<{ id: string; lifecycle: string; keyFingerprint: string }[]> => {
    const result = await cli(['list', ...args]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(result.stdout) as { id: string; lifecycle: string; keyFingerprint: string }[];
  };
  const eventually = async <T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await read();
      if (ok(value) || Date.now() > deadline) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    assertCliBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-cli-gw-'));
    port = await freePort();
    const logger = pino({ level: 'silent' });
    const tls = await ensureHttpsCredentials({ dataDir }, logger);
    ca = tls.cert;
    server = await startHttpServer(
      {
        storage: { store: 'embedded', dataDir },
        host: '127.0.0.1',
        port,
        tls: { key: tls.key, cert: tls.cert },
        adminToken: loadAdminToken(undefined, dataDir).value,
      },
      logger,
    );
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  it('registers, lists, rotates and decommissions through the HTTPS admin API', async () => {
    const result = await register('--label', 'garage wall', '--owner', 'bob');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const registered = JSON.parse(result.stdout) as Registered;
    expect(registered).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      key: expect.stringMatching(/^[0-9a-f]{64}$/),
      fingerprint: createHash('sha256').update(Buffer.from(registered.key, 'hex')).digest('hex').slice(0, 16),
      linkHost: '127.0.0.1',
      linkPort: 7700,
    });

    const listed = await eventually(
      () => list(),
      (items) => items.some((g) => g.id === registered.id),
    );
    expect(listed.find((g) => g.id === registered.id)).toMatchObject({
      lifecycle: 'registered',
      keyFingerprint: registered.fingerprint,
      location: { lat: 51.5, lon: -0.12, label: 'garage wall' },
      ownerId: 'bob',
    });
    expect(JSON.stringify(listed)).not.toContain(registered.key);

    const rotated = await cli(['rotate-key', registered.id], {
      WATTLOG_LINK_HOST: 'link.example.net',
      WATTLOG_LINK_PORT: '7811',
    });
    expect(rotated.code).toBe(0);
    const fresh = JSON.parse(rotated.stdout) as Registered;
    expect(fresh).toMatchObject({ id: registered.id, linkHost: 'link.example.net', linkPort: 7811 });
    expect(fresh.key).not.toBe(registered.key);

    const decommissioned = await cli(['decommission', registered.id, '--reason', 'sold the house']);
    expect(decommissioned.code).toBe(0);
    expect(JSON.parse(decommissioned.stdout)).toMatchObject({
      id: registered.id,
      decommissionedAt: expect.any(String),
    });
    const retired = await eventually(
      () => list('--lifecycle', 'decommissioned'),
      (items) => items.length === 1,
    );
    expect(retired.map((g) => [g.id, g.keyFingerprint])).toEqual([[registered.id, fresh.fingerprint]]);
  }, 60_000);

  it('reports server-side refusals as one line on stderr with a non-zero exit', async () => {
    const unknown = await cli(['rotate-key', 'no-such-gateway']);
    expect(unknown).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'wattlog: server answered 404: gateway no-such-gateway does not exist\n',
    });

    const bad = await register('--lat', '95');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('wattlog: server answered 400: location.lat must not be greater than 90\n');

    await register('--id', 'fixed-id');
    const twice = await register('--id', 'fixed-id');
    expect(twice).toMatchObject({
      code: 1,
      stderr: 'wattlog: server answered 409: gateway fixed-id is already registered\n',
    });
  }, 60_000);

  it('asks for a channel change; with --wait it prints the outcome (here the expiry: no agent is connected)', async () => {
    const registerDirectly = async (networkType: string): Promise<string> => {
      const body = { name: networkType, networkType, address: 'virtual', location: { lat: 52, lon: 5 } };
      const answer = await httpsPostJson(`https://127.0.0.1:${port}/api/gateways`, ca, body, {
        authorization: `Bearer ${loadAdminToken(undefined, dataDir).value}`,
      });
      return (JSON.parse(answer.body) as { id: string }).id;
    };
    const zigbee = await registerDirectly('zigbee');
    const waited = await cli(['channel', zigbee, '15', '--timeout', '1', '--reason', 'Wi-Fi on 1', '--wait']);
    expect(waited).toMatchObject({ code: 1, stderr: '' });
    expect(JSON.parse(waited.stdout)).toMatchObject({
      gatewayId: zigbee,
      field: 'network.channel',
      status: 'timed_out',
      outcome: 'no answer from the gateway in time',
      applied: null,
    });

    const dsmr = await registerDirectly('dsmr');
    const refused = await cli(['channel', dsmr, '15']);
    expect(refused).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `wattlog: server answered 422: gateway ${dsmr} runs a dsmr network: permit join and channel changes are for ZigBee gateways only\n`,
    });
  }, 60_000);

  it('rejects malformed arguments before calling the server', async () => {
    const result = await register('--lat', 'north');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("option '--lat <degrees>' argument 'north' is invalid. must be a number");
    expect(result.stdout).toBe('');
  }, 30_000);

  it('explains what is missing when it cannot authenticate, reach or trust the server', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'wattlog-cli-empty-'));
    scratch.push(empty);
    const noToken = await cli(['list'], { WATTLOG_DATA_DIR: empty });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toBe(
      `wattlog: no admin token: set WATTLOG_ADMIN_TOKEN, or WATTLOG_DATA_DIR to the server's data directory (no ${join(empty, 'admin-token')})\n`,
    );

    const token = loadAdminToken(undefined, dataDir).value;
    const untrusted = await cli(['list'], { WATTLOG_DATA_DIR: empty, WATTLOG_ADMIN_TOKEN: token });
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toMatch(
      /^wattlog: the server at https:\/\/127\.0\.0\.1:\d+ presented a certificate this CLI does not trust \(\w+\); .*\n$/,
    );

    const wrongToken = await cli(['list'], { WATTLOG_ADMIN_TOKEN: 'x'.repeat(40) });
    expect(wrongToken).toMatchObject({
      code: 1,
      stderr: 'wattlog: server answered 401: the bearer token is not valid\n',
    });

    const closedPort = await freePort();
    const down = await cli(['list', '--server', `https://127.0.0.1:${closedPort}`]);
    expect(down.code).toBe(1);
    expect(down.stderr).toBe(
      `wattlog: cannot reach the server at https://127.0.0.1:${closedPort} (connection refused); is it running? Use --server or WATTLOG_URL\n`,
    );
  }, 60_000);
});
