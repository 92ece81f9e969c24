import { parseZigbeeSettings } from './zigbee-settings.js';

describe('parseZigbeeSettings', () => {
  it('reads a real coordinator with its network key', () => {
    const settings = parseZigbeeSettings({
      kind: 'zigbee',
      databasePath: 'data/zigbee/database.db',
      serialPort: { path: 'tcp://127.0.0.1:6638', adapter: 'zstack' },
      networkKey: '0102030405060708090a0b0c0d0e0f10',
      channel: 15,
    });
    expect(settings).toEqual({
      databasePath: 'data/zigbee/database.db',
      serialPort: { path: 'tcp://127.0.0.1:6638', adapter: 'zstack' },
      panId: 0x1a62,
      channel: 15,
      networkKey: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
    });
  });

  it('reads a virtual network with defaults and a random key', () => {
    const settings = parseZigbeeSettings({
      databasePath: 'db',
      virtual: { devices: ['tuya-ts011f', { profile: 'tuya-ts011f', ieee: '0xa4c1387f1c2d3e02' }] },
    });
    expect(settings.virtual).toEqual({
      devices: [{ profile: 'tuya-ts011f' }, { profile: 'tuya-ts011f', ieee: '0xa4c1387f1c2d3e02' }],
      permitJoinSeconds: 60,
      simulateSeconds: 10,
    });
    expect(settings.networkKey).toHaveLength(16);
    expect(parseZigbeeSettings({ databasePath: 'db', virtual: { devices: [] } }).networkKey).not.toEqual(
      settings.networkKey,
    );
  });

  it('reads an OTA image source: a local index, resolved to an absolute path, with the block pacing', () => {
    expect(
      parseZigbeeSettings({ databasePath: 'db', virtual: { devices: [] }, ota: { indexPath: '/srv/ota/index.json' } })
        .ota,
    ).toEqual({
      indexPath: '/srv/ota/index.json',
      blockSize: 50,
      responseDelayMs: 250,
      requestTimeoutMs: 150_000,
    });
    const relative = parseZigbeeSettings({
      databasePath: 'db',
      virtual: { devices: [] },
      ota: { indexPath: 'ota/index.json', blockSize: 64, responseDelayMs: 0 },
    }).ota;
    expect(relative).toMatchObject({ indexPath: `${process.cwd()}/ota/index.json`, blockSize: 64, responseDelayMs: 0 });
    expect(parseZigbeeSettings({ databasePath: 'db', virtual: { devices: [] } }).ota).toBeUndefined();
  });

  it.each([
    [{ virtual: { devices: [] } }, '"databasePath" must be a file path'],
    [{ databasePath: 'db' }, 'exactly one of "serialPort" (a real coordinator) or "virtual"'],
    [{ databasePath: 'db', virtual: { devices: [] }, serialPort: { path: '/dev/ttyUSB0' } }, 'exactly one of'],
    [
      { databasePath: 'db', serialPort: { path: '/dev/ttyUSB0' } },
      '"networkKey" (32 hex digits) is required with a serialPort',
    ],
    [
      { databasePath: 'db', serialPort: { path: '/dev/ttyUSB0', adapter: 'ezsp' }, networkKey: '00'.repeat(16) },
      '"serialPort.adapter" must be zstack | ember',
    ],
    [
      { databasePath: 'db', serialPort: { path: '/dev/ttyUSB0' }, networkKey: 'secret' },
      '"networkKey" must be 32 hex digits or 16 bytes, got "[redacted]"',
    ],
    [
      { databasePath: 'db', virtual: { devices: ['hue-bulb'] } },
      '"virtual.devices[0]" must be a profile name (ikea-inspelning |',
    ],
    [{ databasePath: 'db', virtual: { devices: [] }, channel: 27 }, '"channel" must be an integer 11..26, got 27'],
    [{ databasePath: 'db', virtual: { devices: [] }, ota: {} }, '"ota" must be { indexPath: "<local OTA index JSON>"'],
    [
      { databasePath: 'db', virtual: { devices: [] }, ota: { indexPath: 'https://example.org/index.json' } },
      '"ota.indexPath" must be a local file path (the gateway downloads no OTA index)',
    ],
    [
      { databasePath: 'db', virtual: { devices: [] }, ota: { indexPath: 'i.json', blockSize: 500 } },
      '"ota.blockSize" must be an integer 8..223, got 500',
    ],
  ])('refuses %j in one line', (settings, message) => {
    expect(() => parseZigbeeSettings(settings)).toThrow(message);
  });
});
