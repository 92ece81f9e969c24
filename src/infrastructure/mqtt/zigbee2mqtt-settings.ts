import { DEFAULT_BASE_TOPIC } from '../../domain/metering/protocols/zigbee2mqtt/zigbee2mqtt-topic.js';

/** The `adapter` object of gateway.json for a zigbee2mqtt network. */
export interface Zigbee2MqttSettings {
  readonly url: string;
  /** zigbee2mqtt's `mqtt.base_topic`. */
  readonly baseTopic: string;
  readonly username?: string;
  readonly password?: string;
  readonly clientId?: string;
}

export class Zigbee2MqttSettingsError extends Error {
  override readonly name = 'Zigbee2MqttSettingsError';
}

const KNOWN_KEYS = new Set(['kind', 'url', 'baseTopic', 'username', 'password', 'clientId']);
const URL_PROTOCOLS = new Set(['mqtt:', 'mqtts:', 'ws:', 'wss:']);
/** MQTT strings are length-prefixed with 16 bits. */
const MAX_MQTT_STRING = 65_535;

function fail(field: string, expected: string, value: unknown): never {
  const shown = field === 'password' ? '[redacted]' : (JSON.stringify(value) ?? 'nothing');
  throw new Zigbee2MqttSettingsError(`zigbee2mqtt adapter: ${field} must be ${expected} (got ${shown})`);
}

function optionalText(settings: Readonly<Record<string, unknown>>, field: string): string | undefined {
  const value = settings[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > MAX_MQTT_STRING)
    fail(field, 'a non-empty string', value);
  return value;
}

function brokerUrl(value: unknown): string {
  if (typeof value !== 'string') fail('url', 'a broker URL such as mqtt://127.0.0.1:1883', value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail('url', 'a broker URL such as mqtt://127.0.0.1:1883', value);
  }
  if (!URL_PROTOCOLS.has(url.protocol) || url.hostname === '')
    fail('url', 'an mqtt://, mqtts://, ws:// or wss:// URL with a host', value);
  // Credentials inside the URL would end up in logs; they have their own fields.
  if (url.username !== '' || url.password !== '')
    fail('url', 'free of credentials (use username and password)', `${url.protocol}//…@${url.host}`);
  return value;
}

function baseTopicOf(value: unknown): string {
  if (value === undefined) return DEFAULT_BASE_TOPIC;
  if (
    typeof value !== 'string' ||
    value === '' ||
    /[+#\0]/.test(value) ||
    value.startsWith('/') ||
    value.endsWith('/') ||
    value.includes('//')
  ) {
    fail('baseTopic', 'a topic without wildcards or empty levels, like "zigbee2mqtt"', value);
  }
  return value;
}

/** Validates the driver settings; every problem is one line naming the field. */
export function parseZigbee2MqttSettings(
  settings: Readonly<Record<string, unknown>>,
  networkType: string,
): Zigbee2MqttSettings {
  if (settings.kind !== 'zigbee2mqtt') fail('kind', '"zigbee2mqtt"', settings.kind);
  if (networkType !== 'zigbee2mqtt') {
    throw new Zigbee2MqttSettingsError(
      `zigbee2mqtt adapter: needs networkType "zigbee2mqtt" (got ${JSON.stringify(networkType)})`,
    );
  }
  const unknown = Object.keys(settings).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length > 0)
    throw new Zigbee2MqttSettingsError(`zigbee2mqtt adapter: unknown field(s) ${unknown.join(', ')}`);
  const username = optionalText(settings, 'username');
  const password = optionalText(settings, 'password');
  if (password !== undefined && username === undefined) {
    throw new Zigbee2MqttSettingsError('zigbee2mqtt adapter: password is set but username is missing');
  }
  const clientId = optionalText(settings, 'clientId');
  return {
    url: brokerUrl(settings.url),
    baseTopic: baseTopicOf(settings.baseTopic),
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(clientId !== undefined ? { clientId } : {}),
  };
}

/** The broker as it may appear in logs: never credentials. */
export function brokerLabel(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}
