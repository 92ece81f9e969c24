import { brokerLabel, parseZigbee2MqttSettings, Zigbee2MqttSettingsError } from './zigbee2mqtt-settings.js';

function errorOf(settings: Record<string, unknown>, networkType = 'zigbee2mqtt'): Zigbee2MqttSettingsError {
  try {
    parseZigbee2MqttSettings(settings, networkType);
  } catch (error) {
    if (error instanceof Zigbee2MqttSettingsError) return error;
    throw error;
  }
  throw new Error('expected the settings to be refused');
}

describe('parseZigbee2MqttSettings', () => {
  it('defaults the base topic and keeps the optional fields that are set', () => {
    expect(parseZigbee2MqttSettings({ kind: 'zigbee2mqtt', url: 'mqtt://127.0.0.1:1883' }, 'zigbee2mqtt')).toEqual({
      url: 'mqtt://127.0.0.1:1883',
      baseTopic: 'zigbee2mqtt',
    });
    expect(
      parseZigbee2MqttSettings(
        {
          kind: 'zigbee2mqtt',
          url: 'mqtts://broker.lan:8883',
          baseTopic: 'home/z2m',
          username: 'agent',
          password: 's3cret',
          clientId: 'gw-1',
        },
        'zigbee2mqtt',
      ),
    ).toEqual({
      url: 'mqtts://broker.lan:8883',
      baseTopic: 'home/z2m',
      username: 'agent',
      password: 's3cret',
      clientId: 'gw-1',
    });
  });

  it.each([
    [{ kind: 'zigbee2mqtt' }, /url must be a broker URL/],
    [{ kind: 'zigbee2mqtt', url: 'not a url' }, /url must be a broker URL/],
    [{ kind: 'zigbee2mqtt', url: 'http://127.0.0.1:1883' }, /url must be an mqtt:\/\//],
    [{ kind: 'zigbee2mqtt', url: 'mqtt://agent:pw@127.0.0.1' }, /url must be free of credentials/],
    [
      { kind: 'zigbee2mqtt', url: 'mqtt://127.0.0.1', baseTopic: 'zigbee2mqtt/#' },
      /baseTopic must be a topic without wildcards/,
    ],
    [{ kind: 'zigbee2mqtt', url: 'mqtt://127.0.0.1', baseTopic: 'zigbee2mqtt/' }, /baseTopic/],
    [{ kind: 'zigbee2mqtt', url: 'mqtt://127.0.0.1', baseTopic: '' }, /baseTopic/],
    [{ kind: 'zigbee2mqtt', url: 'mqtt://127.0.0.1', username: 7 }, /username must be a non-empty string/],
    [{ kind: 'zigbee2mqtt', url: 'mqtt://127.0.0.1', password: 'pw' }, /password is set but username is missing/],
    [{ kind: 'zigbee2mqtt', url: 'mqtt://127.0.0.1', port: 1883 }, /unknown field\(s\) port/],
    [{ kind: 'modbus', url: 'mqtt://127.0.0.1' }, /kind must be "zigbee2mqtt"/],
  ])('refuses %j in one line', (settings, pattern) => {
    const error = errorOf(settings);
    expect(error.message).toMatch(pattern);
    expect(error.message).toMatch(/^zigbee2mqtt adapter: /);
    expect(error.message).not.toContain('\n');
  });

  it('refuses another network type', () => {
    expect(errorOf({ kind: 'zigbee2mqtt', url: 'mqtt://127.0.0.1' }, 'zigbee').message).toMatch(
      /needs networkType "zigbee2mqtt"/,
    );
  });

  it('never repeats a password in an error', () => {
    expect(
      errorOf({ kind: 'zigbee2mqtt', url: 'mqtt://127.0.0.1', username: 'a', password: 'x'.repeat(70_000) }).message,
    ).toContain('[redacted]');
    expect(errorOf({ kind: 'zigbee2mqtt', url: 'mqtt://agent:hunter2@127.0.0.1' }).message).not.toContain('hunter2');
  });

  it('labels the broker without credentials', () => {
    expect(brokerLabel('mqtts://broker.lan:8883/x')).toBe('mqtts://broker.lan:8883');
  });
});
