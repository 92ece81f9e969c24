import { mkdtemp, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentConfigError, parseAgentConfig, readNetworkKey } from './agent-config.js';

const valid = {
  server: { host: '127.0.0.1', port: 7700 },
  gatewayId: 'gw-1',
  keyFile: 'gw-1.key',
  networkType: 'dsmr',
  outbox: { dir: 'outbox', maxBytes: 8 * 1024 * 1024 },
  adapter: { kind: 'p1', device: '/dev/ttyUSB0' },
};

describe('agent config', () => {
  it('resolves paths against the config file directory and fills defaults', () => {
    const { server, ...rest } = valid;
    expect(parseAgentConfig(valid, '/etc/wattlog')).toEqual({
      ...rest,
      servers: [server],
      keyFile: '/etc/wattlog/gw-1.key',
      outbox: { dir: '/etc/wattlog/outbox', maxBytes: 8 * 1024 * 1024 },
      stateDir: '/etc/wattlog/state-gw-1',
      batchIntervalMs: 1000,
    });
    const { outbox: _outbox, adapter: _adapter, ...minimal } = valid;
    expect(parseAgentConfig(minimal, '/srv')).toMatchObject({
      outbox: { dir: '/srv/outbox-gw-1', maxBytes: 256 * 1024 * 1024 },
    });
    expect(parseAgentConfig({ ...minimal, stateDir: 'var/state' }, '/srv').stateDir).toBe('/srv/var/state');
  });

  it('takes a list of server endpoints, tried in order', () => {
    const { server: _server, ...rest } = valid;
    const servers = [
      { host: 'wattlog.example.org', port: 7700 },
      { host: '192.0.2.7', port: 7701 },
    ];
    expect(parseAgentConfig({ ...rest, servers }, '/').servers).toEqual(servers);
  });

  it.each([
    [{ ...valid, servers: [{ host: 'a', port: 1 }] }, /either server or servers, not both/],
    [{ ...valid, server: undefined, servers: [] }, /servers must be a list of 1 to 64 objects/],
    [{ ...valid, server: undefined, servers: [{ host: 'a', port: 1 }, { host: '' }] }, /servers\[1\].host must be/],
    [{ ...valid, server: undefined }, /server must be an object \{ host, port \}/],
    [{ ...valid, networkType: 'lora' }, /networkType must be one of zigbee, zigbee2mqtt, dsmr, modbus/],
    [{ ...valid, server: { host: '127.0.0.1', port: 70000 } }, /server.port must be an integer from 1 to 65535/],
    [{ ...valid, gatewayId: '' }, /gatewayId must be a non-empty string/],
    [{ ...valid, keyfile: 'x' }, /unknown field\(s\) keyfile/],
    [{ ...valid, adapter: { device: 'x' } }, /adapter must be an object with a string "kind"/],
    [{ ...valid, outbox: { maxBytes: 10 } }, /outbox.maxBytes must be an integer from 1048576/],
    [{ ...valid, stateDir: '' }, /stateDir must be a non-empty string/],
  ])('refuses %j', (config, message) => {
    expect(() => parseAgentConfig(config, '/')).toThrow(message);
  });

  describe('key file', () => {
    let dir: string;
    beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'wattlog-key-'))));
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('reads 64 hex characters and reports a key readable by others', async () => {
      const path = join(dir, 'k');
      await writeFile(path, `${'ab'.repeat(32)}\n`, { mode: 0o600 });
      await expect(readNetworkKey(path)).resolves.toEqual({ key: Buffer.alloc(32, 0xab), worldReadable: false });
      await chmod(path, 0o644);
      await expect(readNetworkKey(path)).resolves.toMatchObject({ worldReadable: true });
    });

    it('refuses anything else without echoing it', async () => {
      const path = join(dir, 'k');
      await writeFile(path, 'secret-but-wrong');
      const error = await readNetworkKey(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AgentConfigError);
      expect(String(error)).not.toContain('secret-but-wrong');
    });
  });
});
