import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { assertCliBuilt, runCli } from '#test/support/cli.js';
import { startHttpServer, type RunningServer } from '../../http/http-server.js';

const TOKEN = 'l'.repeat(64);

describe('wattlog audit and wattlog actuator (compiled CLI against a running server)', () => {
  let server: RunningServer;
  let dataDir: string;
  let gatewayId: string;
  const env = () => ({
    WATTLOG_URL: server.url,
    WATTLOG_ADMIN_TOKEN: TOKEN,
    WATTLOG_DATA_DIR: dataDir,
    WATTLOG_STORE: '',
    WATTLOG_HTTP: '',
  });
  const api = (method: string, path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    assertCliBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-cli-audit-'));
    server = await startHttpServer(
      {
        storage: { store: 'embedded', dataDir: join(dataDir, 'server') },
        host: '127.0.0.1',
        port: 0,
        tls: null,
        adminToken: TOKEN,
      },
      pino({ level: 'silent' }),
    );
    gatewayId = (
      (await (
        await api('POST', '/api/gateways', {
          name: 'Cellar',
          networkType: 'dsmr',
          address: '/dev/ttyUSB0',
          location: { lat: 52, lon: 5 },
        })
      ).json()) as { id: string }
    ).id;
  }, 40_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the gateway configuration as it was at an instant, and the changes that led to it', async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const between = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await api('PATCH', `/api/gateways/${gatewayId}`, { name: 'Wine cellar' })).status).toBe(200);

    const then = await runCli(['audit', '--at', between, '--gateway', gatewayId], env());
    expect(then.stderr).toBe('');
    const before = JSON.parse(then.stdout) as {
      gateway: { fields: { name: { value: string } } };
      changes: { field: string }[];
      nodes: unknown[];
    };
    expect(before.gateway.fields.name.value).toBe('Cellar');
    expect(before.changes.map((c) => c.field)).toContain('name');
    expect(before.nodes).toEqual([]);

    const now = JSON.parse(
      (await runCli(['audit', '--at', new Date().toISOString(), '--gateway', gatewayId], env())).stdout,
    ) as { gateway: { fields: { name: { value: string; by: string } } }; changes: { field: string; after: unknown }[] };
    expect(now.gateway.fields.name).toMatchObject({ value: 'Wine cellar', by: 'user:bootstrap-admin' });
    expect(now.changes.filter((c) => c.field === 'name').map((c) => c.after)).toEqual(['Cellar', 'Wine cellar']);
  }, 60_000);

  it('lists the trail filtered by object, one JSON line per entry', async () => {
    server.projections.poke();
    const deadline = Date.now() + 10_000;
    let lines: { type: string }[] = [];
    while (Date.now() < deadline) {
      const result = await runCli(['audit', '--object', gatewayId, '--type', 'GatewayDetailsChanged'], env());
      lines = result.stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { type: string });
      if (lines.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(lines.map((l) => l.type)).toEqual(['GatewayDetailsChanged']);
    const bad = await runCli(['audit', '--at', 'yesterday', '--gateway', gatewayId], env());
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/ISO-8601/);
  }, 60_000);

  it("switch refuses an unknown actuator with the server's reason and a bad action before asking", async () => {
    const unknown = await runCli(['actuator', 'switch', 'zigbee:0x0000000000000001/1/switchState', 'on'], env());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/server answered 404/);
    const bad = await runCli(['actuator', 'switch', 'x', 'dim'], env());
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/action must be one of on, off, toggle/);
  }, 60_000);
});
