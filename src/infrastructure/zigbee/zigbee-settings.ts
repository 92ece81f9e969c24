import { randomBytes } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import type { VirtualDeviceSpec } from './virtual-coordinator.adapter.js';
import { isVirtualProfileName, VIRTUAL_DEVICE_PROFILES } from './virtual-device-profiles.js';

export const SERIAL_ADAPTERS = ['zstack', 'ember', 'deconz', 'zigate', 'zboss'] as const;
export type SerialAdapter = (typeof SERIAL_ADAPTERS)[number];

export interface ZigbeeSettings {
  /** herdsman's device database (JSON lines); the coordinator backup is written beside it. */
  readonly databasePath: string;
  /** A real coordinator: `/dev/ttyUSB0` or `tcp://host:port`. */
  readonly serialPort?: { readonly path: string; readonly adapter?: SerialAdapter; readonly baudRate?: number };
  /** The virtual coordinator, for tests and the demo. */
  readonly virtual?: {
    readonly devices: readonly VirtualDeviceSpec[];
    /** Joining is opened this long at start so the devices pair by themselves; 0 keeps it closed. */
    readonly permitJoinSeconds: number;
    /** Every this many seconds the devices' measurements move on (loads, meters, room temperature); 0 keeps them still. */
    readonly simulateSeconds: number;
  };
  readonly panId: number;
  readonly channel: number;
  readonly networkKey: readonly number[];
  /** Where firmware images for OTA updates come from; without it every firmware update is "not supported". */
  readonly ota?: OtaSettings;
}

export interface OtaSettings {
  /** A local OTA index (JSON array, see docs/protocols.md), absolute; its images are local files too. */
  readonly indexPath: string;
  /** Largest image block sent in one imageBlockResponse (the device may ask for less). */
  readonly blockSize: number;
  /** Pause between two block responses, for devices that cannot take them faster. */
  readonly responseDelayMs: number;
  /** How long the device may stay silent between two block requests before the update fails. */
  readonly requestTimeoutMs: number;
}

const DEFAULT_OTA_BLOCK_SIZE = 50;
const DEFAULT_OTA_RESPONSE_DELAY_MS = 250;
const DEFAULT_OTA_REQUEST_TIMEOUT_MS = 150_000;

const DEFAULT_PAN_ID = 0x1a62;
const DEFAULT_CHANNEL = 11;
const DEFAULT_VIRTUAL_PERMIT_JOIN_SECONDS = 60;
const DEFAULT_VIRTUAL_SIMULATE_SECONDS = 10;

export class ZigbeeSettingsError extends Error {}

function fail(field: string, expected: string, got: unknown): never {
  throw new ZigbeeSettingsError(`zigbee adapter setting "${field}" must be ${expected}, got ${JSON.stringify(got)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integerIn(value: unknown, field: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    fail(field, `an integer ${min}..${max}`, value);
  return value;
}

function parseNetworkKey(value: unknown): number[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && /^[0-9a-fA-F]{32}$/.test(value)) return [...Buffer.from(value, 'hex')];
  if (Array.isArray(value) && value.length === 16 && value.every((b) => Number.isInteger(b) && b >= 0 && b <= 255))
    return value as number[];
  fail('networkKey', '32 hex digits or 16 bytes', '[redacted]');
}

function parseSerialPort(value: unknown): ZigbeeSettings['serialPort'] {
  if (!isRecord(value) || typeof value.path !== 'string' || value.path === '')
    fail('serialPort', '{ path: "/dev/ttyUSB0" | "tcp://host:port", adapter? }', value);
  const adapter = value.adapter;
  if (adapter !== undefined && !(SERIAL_ADAPTERS as readonly unknown[]).includes(adapter))
    fail('serialPort.adapter', SERIAL_ADAPTERS.join(' | '), adapter);
  const baudRate =
    value.baudRate === undefined
      ? undefined
      : integerIn(value.baudRate, 'serialPort.baudRate', 1200, 4_000_000, 115200);
  return {
    path: value.path,
    ...(adapter !== undefined ? { adapter: adapter as SerialAdapter } : {}),
    ...(baudRate !== undefined ? { baudRate } : {}),
  };
}

function parseDevice(value: unknown, index: number): VirtualDeviceSpec {
  const names = Object.keys(VIRTUAL_DEVICE_PROFILES).join(' | ');
  if (isVirtualProfileName(value)) return { profile: value };
  if (!isRecord(value) || !isVirtualProfileName(value.profile))
    fail(`virtual.devices[${index}]`, `a profile name (${names}) or { profile, ieee? }`, value);
  if (value.ieee !== undefined && !(typeof value.ieee === 'string' && /^0x[0-9a-fA-F]{16}$/.test(value.ieee))) {
    fail(`virtual.devices[${index}].ieee`, 'an IEEE address like 0x842e14fffe5b1a01', value.ieee);
  }
  return { profile: value.profile, ...(typeof value.ieee === 'string' ? { ieee: value.ieee } : {}) };
}

function parseVirtual(value: unknown): ZigbeeSettings['virtual'] {
  if (!isRecord(value) || !Array.isArray(value.devices))
    fail('virtual', '{ devices: [profile, ...], permitJoinSeconds?, simulateSeconds? }', value);
  return {
    devices: value.devices.map(parseDevice),
    permitJoinSeconds: integerIn(
      value.permitJoinSeconds,
      'virtual.permitJoinSeconds',
      0,
      254,
      DEFAULT_VIRTUAL_PERMIT_JOIN_SECONDS,
    ),
    simulateSeconds: integerIn(
      value.simulateSeconds,
      'virtual.simulateSeconds',
      0,
      3600,
      DEFAULT_VIRTUAL_SIMULATE_SECONDS,
    ),
  };
}

function parseOta(value: unknown): OtaSettings {
  if (!isRecord(value) || typeof value.indexPath !== 'string' || value.indexPath === '')
    fail('ota', '{ indexPath: "<local OTA index JSON>", blockSize?, responseDelayMs?, requestTimeoutMs? }', value);
  // The gateway fetches nothing from the internet on its own: index and images are files an operator put there.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value.indexPath))
    fail('ota.indexPath', 'a local file path (the gateway downloads no OTA index)', value.indexPath);
  return {
    indexPath: isAbsolute(value.indexPath) ? value.indexPath : resolve(value.indexPath),
    blockSize: integerIn(value.blockSize, 'ota.blockSize', 8, 223, DEFAULT_OTA_BLOCK_SIZE),
    responseDelayMs: integerIn(value.responseDelayMs, 'ota.responseDelayMs', 0, 10_000, DEFAULT_OTA_RESPONSE_DELAY_MS),
    requestTimeoutMs: integerIn(
      value.requestTimeoutMs,
      'ota.requestTimeoutMs',
      1000,
      3_600_000,
      DEFAULT_OTA_REQUEST_TIMEOUT_MS,
    ),
  };
}

/** Reads the `adapter` object of gateway.json for `kind: "zigbee"`; throws a one-line error for bad input. */
export function parseZigbeeSettings(settings: Readonly<Record<string, unknown>>): ZigbeeSettings {
  if (typeof settings.databasePath !== 'string' || settings.databasePath === '')
    fail('databasePath', 'a file path', settings.databasePath);
  if ((settings.serialPort === undefined) === (settings.virtual === undefined)) {
    throw new ZigbeeSettingsError(
      'zigbee adapter settings need exactly one of "serialPort" (a real coordinator) or "virtual"',
    );
  }
  const networkKey = parseNetworkKey(settings.networkKey);
  const serialPort = settings.serialPort === undefined ? undefined : parseSerialPort(settings.serialPort);
  // A real network keeps its key for life; a virtual one is formed anew at every start, so any key will do.
  if (serialPort && !networkKey)
    throw new ZigbeeSettingsError('zigbee adapter setting "networkKey" (32 hex digits) is required with a serialPort');
  return {
    databasePath: settings.databasePath,
    ...(serialPort ? { serialPort } : {}),
    ...(settings.virtual !== undefined ? { virtual: parseVirtual(settings.virtual) } : {}),
    panId: integerIn(settings.panId, 'panId', 1, 0xfffe, DEFAULT_PAN_ID),
    channel: integerIn(settings.channel, 'channel', 11, 26, DEFAULT_CHANNEL),
    networkKey: networkKey ?? [...randomBytes(16)],
    ...(settings.ota !== undefined ? { ota: parseOta(settings.ota) } : {}),
  };
}
