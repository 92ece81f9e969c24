import { REPORTING_INTERVAL_LIMITS } from './telegram-throttle.js';

/** Where the P1 bytes come from: a serial port (USB P1 cable) or a P1-to-Ethernet dongle. */
export type P1Endpoint =
  | {
      readonly kind: 'serial';
      readonly path: string;
      readonly baudRate: number;
      /** DSMR 2.2/3.0 meters talk 9600 baud 7E1; DSMR 4+ and e-MUCS 115200 baud 8N1. */
      readonly dataBits: 7 | 8;
      readonly parity: 'even' | 'none';
    }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number };

export interface P1ReaderSettings {
  readonly endpoint: P1Endpoint;
  /** Reconnect delay doubles from min to max after each failure, and starts over once telegrams flow again. */
  readonly reconnect: { readonly minMs: number; readonly maxMs: number };
  /** A meter sends every 1–10 s; this long without a byte means a dead link (half-open TCP, hung adapter). */
  readonly idleTimeoutMs: number;
  /** At most one telegram per this many seconds (the newest valid one); absent forwards every telegram. */
  readonly intervalSeconds?: number;
}

export class DsmrP1SettingsError extends Error {
  override readonly name = 'DsmrP1SettingsError';
}

const KNOWN_KEYS = new Set([
  'kind',
  'port',
  'baudRate',
  'legacySerial',
  'reconnectMinMs',
  'reconnectMaxMs',
  'idleTimeoutMs',
  'intervalSeconds',
]);
const PORT_EXAMPLE = 'a serial device such as "/dev/ttyUSB0" or "tcp://host:port"';

function fail(field: string, expected: string, value: unknown): never {
  throw new DsmrP1SettingsError(
    `dsmr-p1 adapter: ${field} must be ${expected} (got ${JSON.stringify(value) ?? 'nothing'})`,
  );
}

function integer(
  settings: Readonly<Record<string, unknown>>,
  field: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = settings[field] ?? fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    fail(field, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

function tcpEndpoint(value: string): P1Endpoint {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail('port', `${PORT_EXAMPLE} (tcp:// needs a host and a port)`, value);
  }
  const port = Number(url.port);
  const pathless = (url.pathname === '' || url.pathname === '/') && url.search === '' && url.hash === '';
  if (url.hostname === '' || !(port >= 1 && port <= 65_535) || !pathless || url.username !== '') {
    fail('port', 'tcp://host:port with nothing else', value);
  }
  return { kind: 'tcp', host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port };
}

/** Validates gateway.json's `adapter` for kind `dsmr-p1`; every problem is one line naming the field. */
export function parseP1Settings(settings: Readonly<Record<string, unknown>>): P1ReaderSettings {
  const unknown = Object.keys(settings).filter((key) => !KNOWN_KEYS.has(key));
  if (unknown.length > 0) {
    throw new DsmrP1SettingsError(
      `dsmr-p1 adapter: unknown field(s) ${unknown.join(', ')}; known: ${[...KNOWN_KEYS].join(', ')}`,
    );
  }
  if (settings.kind !== 'dsmr-p1') fail('kind', '"dsmr-p1"', settings.kind);
  const port = settings.port;
  if (typeof port !== 'string' || port.trim() === '') fail('port', PORT_EXAMPLE, port);
  const legacy = settings.legacySerial ?? false;
  if (typeof legacy !== 'boolean') fail('legacySerial', 'true (DSMR 2.2/3.0: 9600 baud 7E1) or false', legacy);
  const reconnectMinMs = integer(settings, 'reconnectMinMs', 1000, 10, 600_000);
  const reconnect = {
    minMs: reconnectMinMs,
    maxMs: integer(settings, 'reconnectMaxMs', 30_000, reconnectMinMs, 3_600_000),
  };
  const idleTimeoutMs = integer(settings, 'idleTimeoutMs', 60_000, 1000, 3_600_000);
  const { minSeconds, maxSeconds } = REPORTING_INTERVAL_LIMITS;
  const common = {
    reconnect,
    idleTimeoutMs,
    ...(settings.intervalSeconds === undefined
      ? {}
      : { intervalSeconds: integer(settings, 'intervalSeconds', minSeconds, minSeconds, maxSeconds) }),
  };
  if (/^tcp:/i.test(port)) {
    if (settings.baudRate !== undefined || settings.legacySerial !== undefined) {
      throw new DsmrP1SettingsError(
        'dsmr-p1 adapter: baudRate and legacySerial apply to serial ports; set them on the tcp:// dongle itself',
      );
    }
    return { endpoint: tcpEndpoint(port), ...common };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(port)) fail('port', PORT_EXAMPLE, port);
  const baudRate = integer(settings, 'baudRate', legacy ? 9600 : 115_200, 300, 4_000_000);
  const endpoint: P1Endpoint = legacy
    ? { kind: 'serial', path: port, baudRate, dataBits: 7, parity: 'even' }
    : { kind: 'serial', path: port, baudRate, dataBits: 8, parity: 'none' };
  return { endpoint, ...common };
}

/** For logs: the port as configured. */
export function describeEndpoint(endpoint: P1Endpoint): string {
  switch (endpoint.kind) {
    case 'serial':
      return `${endpoint.path} ${endpoint.baudRate} ${endpoint.dataBits}${endpoint.parity === 'even' ? 'E' : 'N'}1`;
    case 'tcp':
      return `tcp://${endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host}:${endpoint.port}`;
    default: {
      const unknownKind: never = endpoint;
      return unknownKind;
    }
  }
}
