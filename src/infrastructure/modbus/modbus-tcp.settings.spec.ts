import type { FrameSourceFactory } from '../../application/ports/frame-source.port.js';
import { captureLogs } from '#test/support/log-capture.js';
import { createModbusTcpSource } from './create-modbus-tcp-source.js';
import { parseModbusTcpSettings } from './modbus-tcp.settings.js';

const minimal = { kind: 'modbus-tcp', host: '127.0.0.1', map: 'sdm630' };

describe('parseModbusTcpSettings', () => {
  it('fills in the defaults', () => {
    const settings = parseModbusTcpSettings(minimal);
    expect({ ...settings, map: settings.map.name }).toEqual({
      kind: 'modbus-tcp',
      host: '127.0.0.1',
      port: 502,
      unitId: 1,
      map: 'sdm630',
      intervalMs: 10_000,
      timeoutMs: 2000,
      device: '127.0.0.1:502',
    });
  });

  it('keeps given values', () => {
    const settings = parseModbusTcpSettings({
      ...minimal,
      port: 1502,
      unitId: 7,
      intervalMs: 500,
      timeoutMs: 300,
      device: 'boiler-room',
    });
    expect(settings).toMatchObject({ port: 1502, unitId: 7, intervalMs: 500, timeoutMs: 300, device: 'boiler-room' });
  });

  it('names a device after the configured port', () => {
    expect(parseModbusTcpSettings({ ...minimal, port: 5020 }).device).toBe('127.0.0.1:5020');
  });

  const bad: readonly (readonly [string, Record<string, unknown>, string])[] = [
    ['an unknown map', { map: 'sdm120' }, 'modbus-tcp adapter: map must be one of sdm630 (got "sdm120")'],
    ['no host', { host: undefined }, 'modbus-tcp adapter: host must be a host name or IP address (got nothing)'],
    ['port 0', { port: 0 }, 'modbus-tcp adapter: port must be an integer from 1 to 65535 (got 0)'],
    ['a unit id of 300', { unitId: 300 }, 'modbus-tcp adapter: unitId must be an integer from 0 to 255 (got 300)'],
    [
      'a fractional interval',
      { intervalMs: 99.5 },
      'modbus-tcp adapter: intervalMs must be an integer from 100 to 86400000 (got 99.5)',
    ],
    [
      'a string timeout',
      { timeoutMs: '2s' },
      'modbus-tcp adapter: timeoutMs must be an integer from 50 to 60000 (got "2s")',
    ],
    [
      'a device with a slash',
      { device: 'a/b' },
      'modbus-tcp adapter: device must be 1-128 characters without "/" or whitespace (got "a/b")',
    ],
    [
      'a misspelt key',
      { intervalMS: 500 },
      'modbus-tcp adapter: unknown setting(s) intervalMS; known: kind, host, port, unitId, map, intervalMs, timeoutMs, device',
    ],
  ];

  it.each(bad)('refuses %s in one line', (_name, overrides, message) => {
    expect(() => parseModbusTcpSettings({ ...minimal, ...overrides })).toThrow(message);
  });
});

describe('createModbusTcpSource', () => {
  const { logger } = captureLogs();

  it('is a frame source factory building an idle poller', () => {
    const factory: FrameSourceFactory = createModbusTcpSource;
    const source = factory(minimal, 'modbus', { gatewayId: 'gw' });
    expect(source.name).toBe('modbus-tcp');
  });

  it('refuses a gateway whose network type is not modbus', () => {
    expect(() => createModbusTcpSource(minimal, 'zigbee', undefined, { logger })).toThrow(
      `modbus-tcp adapter: the gateway's networkType must be "modbus" (got "zigbee")`,
    );
  });

  it('refuses a remote interval change out of range, keeping the current one', () => {
    const source = createModbusTcpSource({ ...minimal, intervalMs: 5000 }, 'modbus', undefined, { logger });
    expect(() => source.setIntervalMs(10)).toThrow('poll interval must be an integer from 100 to 86400000 (got 10)');
    expect(source.pollIntervalMs).toBe(5000);
    source.setIntervalMs(250);
    expect(source.pollIntervalMs).toBe(250);
  });
});
