import { isModbusDeviceName } from '../../domain/metering/protocols/modbus/modbus-payload.js';
import { registerMapNamed, registerMapNames } from '../../domain/metering/protocols/modbus/register-maps.js';
import type { RegisterMap } from '../../domain/metering/protocols/modbus/register-map.js';

/** The `adapter` object of gateway.json for a Modbus TCP meter, defaults filled in. */
export interface ModbusTcpSettings {
  readonly kind: 'modbus-tcp';
  readonly host: string;
  readonly port: number;
  readonly unitId: number;
  readonly map: RegisterMap;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  /** Names the meter in node ids; defaults to `host:port`. */
  readonly device: string;
}

export class ModbusSettingsError extends Error {
  override readonly name = 'ModbusSettingsError';
}

export const POLL_INTERVAL_LIMITS = { min: 100, max: 86_400_000 } as const;
const KNOWN_KEYS = new Set(['kind', 'host', 'port', 'unitId', 'map', 'intervalMs', 'timeoutMs', 'device']);

function fail(field: string, expected: string, value: unknown): never {
  throw new ModbusSettingsError(
    `modbus-tcp adapter: ${field} must be ${expected} (got ${JSON.stringify(value) ?? 'nothing'})`,
  );
}

function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    fail(field, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

function optionalInteger(value: unknown, field: string, fallback: number, min: number, max: number): number {
  return value === undefined ? fallback : integer(value, field, min, max);
}

/** Checks a poll interval, whether it comes from gateway.json or from a remote configuration change. */
export function checkPollInterval(value: unknown, field = 'intervalMs'): number {
  return integer(value, field, POLL_INTERVAL_LIMITS.min, POLL_INTERVAL_LIMITS.max);
}

/** Every problem is one line naming the field. */
export function parseModbusTcpSettings(settings: Readonly<Record<string, unknown>>): ModbusTcpSettings {
  const unknown = Object.keys(settings).filter((key) => !KNOWN_KEYS.has(key));
  if (unknown.length > 0) {
    throw new ModbusSettingsError(
      `modbus-tcp adapter: unknown setting(s) ${unknown.join(', ')}; known: ${[...KNOWN_KEYS].join(', ')}`,
    );
  }
  if (settings.kind !== 'modbus-tcp') fail('kind', '"modbus-tcp"', settings.kind);
  const host = settings.host;
  if (typeof host !== 'string' || host.trim() === '' || /\s/.test(host))
    fail('host', 'a host name or IP address', host);
  const mapName = settings.map;
  const map = typeof mapName === 'string' ? registerMapNamed(mapName) : undefined;
  if (!map) fail('map', `one of ${registerMapNames().join(', ')}`, mapName);
  const port = optionalInteger(settings.port, 'port', 502, 1, 65535);
  const device = settings.device ?? `${host}:${port}`;
  if (!isModbusDeviceName(device)) fail('device', '1-128 characters without "/" or whitespace', device);
  return {
    kind: 'modbus-tcp',
    host,
    port,
    unitId: optionalInteger(settings.unitId, 'unitId', 1, 0, 255),
    map,
    intervalMs: settings.intervalMs === undefined ? 10_000 : checkPollInterval(settings.intervalMs),
    timeoutMs: optionalInteger(settings.timeoutMs, 'timeoutMs', 2000, 50, 60_000),
    device,
  };
}
