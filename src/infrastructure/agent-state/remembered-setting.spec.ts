import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createDsmrP1Source } from '../dsmr/dsmr-p1.factory.js';
import { createModbusTcpSource } from '../modbus/create-modbus-tcp-source.js';
import { RememberedSetting } from './remembered-setting.js';

const logger = pino({ level: 'silent' });
const positive = (value: number): number => {
  if (!(value > 0)) throw new RangeError('not positive');
  return value;
};
const pollInterval = (seconds: number) => ({
  target: 'meter',
  settings: { change: { kind: 'poll_interval', seconds } },
});

describe('an interval the server set, kept across agent restarts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wattlog-remembered-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers the kept interval while gateway.json still names the one it replaced', () => {
    const path = join(dir, 'state', 'interval.json');
    expect(new RememberedSetting(path, 'interval', logger).initial(10, positive)).toBe(10);
    expect(
      new RememberedSetting(path, 'interval', logger).remember(30, 10, new Date('2025-03-01T12:00:00Z')),
    ).toBeUndefined();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      value: 30,
      configured: 10,
      changedAt: '2025-03-01T12:00:00.000Z',
    });
    expect(new RememberedSetting(path, 'interval', logger).initial(10, positive)).toBe(30);
  });

  it('lets an edit of gateway.json win, and ignores a kept value that is corrupt or no longer valid', () => {
    const path = join(dir, 'interval.json');
    new RememberedSetting(path, 'interval', logger).remember(30, 10, new Date());
    expect(new RememberedSetting(path, 'interval', logger).initial(20, positive)).toBe(20);
    writeFileSync(path, '{"value": -5, "configured": 10}');
    expect(new RememberedSetting(path, 'interval', logger).initial(10, positive)).toBe(10);
    writeFileSync(path, 'not json');
    expect(new RememberedSetting(path, 'interval', logger).initial(10, positive)).toBe(10);
    // Nothing configured (forward every telegram) is a configuration of its own.
    new RememberedSetting(path, 'interval', logger).remember(60, undefined, new Date());
    expect(new RememberedSetting(path, 'interval', logger).initial(undefined, positive)).toBe(60);
    expect(new RememberedSetting(path, 'interval', logger).initial(10, positive)).toBe(10);
  });

  it('keeps nothing without a state directory, and says why when the directory cannot be written', () => {
    expect(new RememberedSetting(undefined, 'interval', logger).remember(30, 10, new Date())).toBeUndefined();
    expect(new RememberedSetting(undefined, 'interval', logger).initial(10, positive)).toBe(10);
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    try {
      // Root writes anywhere; the refusal is only observable for other users.
      if (process.getuid?.() === 0) return;
      expect(
        new RememberedSetting(join(locked, 'sub', 'interval.json'), 'interval', logger).remember(30, 10, new Date()),
      ).toMatch(/EACCES/);
    } finally {
      chmodSync(locked, 0o700);
    }
  });

  it('a Modbus poller built again after a poll_interval starts at that interval, in the same state directory only', async () => {
    const settings = { kind: 'modbus-tcp', host: '127.0.0.1', port: 1502, map: 'sdm630', intervalMs: 10_000 };
    const first = createModbusTcpSource(settings, 'modbus', { gatewayId: 'gw', stateDir: dir }, { logger });
    expect(await first.configure(pollInterval(7))).toEqual({ ok: true, detail: 'polling every 7 s' });
    expect(
      createModbusTcpSource(settings, 'modbus', { gatewayId: 'gw', stateDir: dir }, { logger }).pollIntervalMs,
    ).toBe(7000);
    expect(createModbusTcpSource(settings, 'modbus', { gatewayId: 'gw' }, { logger }).pollIntervalMs).toBe(10_000);
    expect(
      createModbusTcpSource({ ...settings, intervalMs: 5000 }, 'modbus', { gatewayId: 'gw', stateDir: dir }, { logger })
        .pollIntervalMs,
    ).toBe(5000);
  });

  it('a P1 reader built again after a poll_interval forwards at that interval', async () => {
    const settings = { kind: 'dsmr-p1', port: 'tcp://127.0.0.1:8088' };
    const first = createDsmrP1Source(settings, 'dsmr', { gatewayId: 'gw', stateDir: dir }) as unknown as {
      configure: (c: unknown) => Promise<unknown>;
    };
    expect(await first.configure(pollInterval(60))).toEqual({
      ok: true,
      detail: 'forwarding the newest valid telegram every 60 s',
    });
    const again = createDsmrP1Source(settings, 'dsmr', { gatewayId: 'gw', stateDir: dir }) as unknown as {
      reportingIntervalSeconds: number | undefined;
    };
    expect(again.reportingIntervalSeconds).toBe(60);
  });
});
