import { createDsmrP1Source } from './dsmr-p1.factory.js';
import { DsmrP1SettingsError, describeEndpoint, parseP1Settings } from './p1-settings.js';

describe('parseP1Settings', () => {
  it('defaults a serial port to DSMR 4+/e-MUCS framing: 115200 baud 8N1', () => {
    expect(parseP1Settings({ kind: 'dsmr-p1', port: '/dev/ttyUSB0' })).toEqual({
      endpoint: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115_200, dataBits: 8, parity: 'none' },
      reconnect: { minMs: 1000, maxMs: 30_000 },
      idleTimeoutMs: 60_000,
    });
  });

  it('switches to 9600 baud 7E1 for DSMR 2.2/3.0 with legacySerial, unless told another baud rate', () => {
    expect(parseP1Settings({ kind: 'dsmr-p1', port: 'COM3', legacySerial: true }).endpoint).toEqual({
      kind: 'serial',
      path: 'COM3',
      baudRate: 9600,
      dataBits: 7,
      parity: 'even',
    });
    expect(
      parseP1Settings({ kind: 'dsmr-p1', port: '/dev/ttyAMA0', legacySerial: true, baudRate: 19_200 }).endpoint,
    ).toMatchObject({
      baudRate: 19_200,
      dataBits: 7,
    });
  });

  it('takes a reporting interval of 1 to 900 s, and forwards every telegram without one', () => {
    expect(parseP1Settings({ kind: 'dsmr-p1', port: '/dev/ttyUSB0', intervalSeconds: 10 }).intervalSeconds).toBe(10);
    expect(parseP1Settings({ kind: 'dsmr-p1', port: 'tcp://meter:23', intervalSeconds: 900 }).intervalSeconds).toBe(
      900,
    );
    expect(parseP1Settings({ kind: 'dsmr-p1', port: 'tcp://meter:23' })).not.toHaveProperty('intervalSeconds');
  });

  it('reads tcp://host:port for P1-to-Ethernet dongles, IPv6 included', () => {
    const settings = parseP1Settings({
      kind: 'dsmr-p1',
      port: 'tcp://192.168.1.50:8088',
      reconnectMinMs: 50,
      reconnectMaxMs: 400,
    });
    expect(settings.endpoint).toEqual({ kind: 'tcp', host: '192.168.1.50', port: 8088 });
    expect(settings.reconnect).toEqual({ minMs: 50, maxMs: 400 });
    expect(parseP1Settings({ kind: 'dsmr-p1', port: 'tcp://[::1]:23' }).endpoint).toEqual({
      kind: 'tcp',
      host: '::1',
      port: 23,
    });
  });

  it.each([
    [
      { kind: 'dsmr-p1' },
      'dsmr-p1 adapter: port must be a serial device such as "/dev/ttyUSB0" or "tcp://host:port" (got nothing)',
    ],
    [
      { kind: 'dsmr-p1', port: '' },
      'dsmr-p1 adapter: port must be a serial device such as "/dev/ttyUSB0" or "tcp://host:port" (got "")',
    ],
    [
      { kind: 'dsmr-p1', port: 'tcp://meter' },
      'dsmr-p1 adapter: port must be tcp://host:port with nothing else (got "tcp://meter")',
    ],
    [
      { kind: 'dsmr-p1', port: 'tcp://meter:0' },
      'dsmr-p1 adapter: port must be tcp://host:port with nothing else (got "tcp://meter:0")',
    ],
    [
      { kind: 'dsmr-p1', port: 'tcp://meter:23/p1' },
      'dsmr-p1 adapter: port must be tcp://host:port with nothing else (got "tcp://meter:23/p1")',
    ],
    [
      { kind: 'dsmr-p1', port: 'udp://meter:23' },
      'dsmr-p1 adapter: port must be a serial device such as "/dev/ttyUSB0" or "tcp://host:port" (got "udp://meter:23")',
    ],
    [
      { kind: 'dsmr-p1', port: 'tcp://meter:23', baudRate: 9600 },
      'dsmr-p1 adapter: baudRate and legacySerial apply to serial ports; set them on the tcp:// dongle itself',
    ],
    [
      { kind: 'dsmr-p1', port: '/dev/ttyUSB0', baudRate: '115200' },
      'dsmr-p1 adapter: baudRate must be an integer from 300 to 4000000 (got "115200")',
    ],
    [
      { kind: 'dsmr-p1', port: '/dev/ttyUSB0', legacySerial: 'yes' },
      'dsmr-p1 adapter: legacySerial must be true (DSMR 2.2/3.0: 9600 baud 7E1) or false (got "yes")',
    ],
    [
      { kind: 'dsmr-p1', port: '/dev/ttyUSB0', reconnectMinMs: 500, reconnectMaxMs: 100 },
      'dsmr-p1 adapter: reconnectMaxMs must be an integer from 500 to 3600000 (got 100)',
    ],
    [
      { kind: 'dsmr-p1', port: '/dev/ttyUSB0', baud: 9600 },
      'dsmr-p1 adapter: unknown field(s) baud; known: kind, port, baudRate, legacySerial, reconnectMinMs, reconnectMaxMs, idleTimeoutMs, intervalSeconds',
    ],
    [
      { kind: 'dsmr-p1', port: '/dev/ttyUSB0', intervalSeconds: 0 },
      'dsmr-p1 adapter: intervalSeconds must be an integer from 1 to 900 (got 0)',
    ],
    [
      { kind: 'dsmr-p1', port: 'tcp://meter:23', intervalSeconds: 2.5 },
      'dsmr-p1 adapter: intervalSeconds must be an integer from 1 to 900 (got 2.5)',
    ],
    [{ kind: 'p1', port: '/dev/ttyUSB0' }, 'dsmr-p1 adapter: kind must be "dsmr-p1" (got "p1")'],
  ])('refuses %j in one line', (settings, message) => {
    expect(() => parseP1Settings(settings)).toThrow(new DsmrP1SettingsError(message));
  });
});

describe('createDsmrP1Source', () => {
  it('builds a reader named dsmr-p1 without opening anything', () => {
    expect(createDsmrP1Source({ kind: 'dsmr-p1', port: 'tcp://127.0.0.1:1' }, 'dsmr', { gatewayId: 'gw-1' }).name).toBe(
      'dsmr-p1',
    );
  });

  it('refuses a gateway whose network type is not dsmr', () => {
    expect(() =>
      createDsmrP1Source({ kind: 'dsmr-p1', port: '/dev/ttyUSB0' }, 'modbus', { gatewayId: 'gw-1' }),
    ).toThrow('dsmr-p1 adapter: the gateway\'s networkType must be "dsmr" (got "modbus")');
  });
});

describe('describeEndpoint', () => {
  it('names the port and its framing for logs', () => {
    expect(
      describeEndpoint({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, dataBits: 7, parity: 'even' }),
    ).toBe('/dev/ttyUSB0 9600 7E1');
    expect(describeEndpoint({ kind: 'tcp', host: '::1', port: 23 })).toBe('tcp://[::1]:23');
  });
});
