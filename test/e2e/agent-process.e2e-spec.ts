import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertCliBuilt, exited, runCli, spawnCli } from '../support/cli.js';
import { startLinkHarness, type LinkHarness } from '../support/link-harness.js';
import { openBackend, type SqlBackend } from '../support/sql-backends.js';
import { uniquePrefix, waitFor } from '../support/test-ids.js';

describe('wattlog agent (process)', () => {
  let backend: SqlBackend;
  let link: LinkHarness;
  let dir: string;

  beforeAll(async () => {
    assertCliBuilt();
    backend = await openBackend('pglite', 'agent-e2e');
    link = await startLinkHarness(backend.store);
  });
  afterAll(async () => {
    await link.close();
    await backend.cleanup();
  });
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'wattlog-agent-e2e-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function gatewayConfig(gatewayId: string, key: Buffer): Promise<string> {
    await writeFile(join(dir, 'gw.key'), `${key.toString('hex')}\n`);
    await chmod(join(dir, 'gw.key'), 0o600);
    const config = {
      server: { host: '127.0.0.1', port: link.port },
      gatewayId,
      keyFile: 'gw.key',
      networkType: 'dsmr',
      outbox: { dir: 'outbox', maxBytes: 4 * 1024 * 1024 },
    };
    await writeFile(join(dir, 'gateway.json'), JSON.stringify(config));
    return join(dir, 'gateway.json');
  }

  it('connects with its key file, opens a session, and stops cleanly on SIGTERM', async () => {
    const gatewayId = uniquePrefix('gw').slice(0, -1);
    const configPath = await gatewayConfig(gatewayId, link.keyRing.register(gatewayId));
    const child = spawnCli(['agent', '--config', configPath], { LOG_LEVEL: 'info' });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

    await waitFor(() => output.includes('agent session opened'), 15_000, `agent session opened in:\n${output}`);
    expect(link.server.sessions()).toMatchObject([{ gatewayId, open: true }]);
    expect(output).not.toContain(link.keyRing.keyFor(gatewayId)!.toString('hex'));

    child.kill('SIGTERM');
    await exited(child);
    expect(child.exitCode).toBe(0);
    await waitFor(() => link.server.sessions().length === 0, 5000, 'server session closed');
  });

  it('refuses a config that names an unknown network type with one line', async () => {
    await writeFile(
      join(dir, 'gateway.json'),
      JSON.stringify({ server: { host: 'h', port: 1 }, gatewayId: 'g', keyFile: 'k', networkType: 'lora' }),
    );
    const result = await runCli(['agent', '--config', join(dir, 'gateway.json')], {});
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^wattlog: gateway config: networkType must be one of zigbee, zigbee2mqtt, dsmr, modbus/,
    );
  });
});
