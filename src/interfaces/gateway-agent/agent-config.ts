import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ServerEndpoint } from './server-endpoints.js';

export const NETWORK_TYPES = ['zigbee', 'zigbee2mqtt', 'dsmr', 'modbus'] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];

/** gateway.json, with paths resolved against the file's directory. */
export interface AgentConfig {
  /**
   * Where the server nodes listen, in the order they are tried: `server` in the file is one endpoint, `servers` a
   * list; a host name may resolve to several addresses, each of them tried.
   */
  readonly servers: readonly ServerEndpoint[];
  readonly gatewayId: string;
  readonly keyFile: string;
  readonly networkType: NetworkType;
  readonly outbox: { readonly dir: string; readonly maxBytes: number };
  /** Where the driver keeps settings the server changed, so a restart keeps them. */
  readonly stateDir: string;
  /** Driver settings; `kind` picks a registered FrameSource. */
  readonly adapter?: Readonly<Record<string, unknown>> & { readonly kind: string };
  /** How long payloads are gathered into one frame (one fsync per frame batch). */
  readonly batchIntervalMs: number;
}

export class AgentConfigError extends Error {
  override readonly name = 'AgentConfigError';
}

const DEFAULT_OUTBOX_BYTES = 256 * 1024 * 1024;
const MIN_OUTBOX_BYTES = 1024 * 1024;
const KNOWN_KEYS = new Set([
  'server',
  'servers',
  'gatewayId',
  'keyFile',
  'networkType',
  'outbox',
  'stateDir',
  'adapter',
  'batchIntervalMs',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(field: string, expected: string, value: unknown): never {
  throw new AgentConfigError(
    `gateway config: ${field} must be ${expected} (got ${JSON.stringify(value) ?? 'nothing'})`,
  );
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(field, 'a non-empty string', value);
  return value;
}

function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    fail(field, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

const MAX_SERVERS = 64;

function endpoint(value: unknown, field: string): ServerEndpoint {
  if (!isRecord(value)) fail(field, 'an object { host, port }', value);
  return { host: text(value.host, `${field}.host`), port: integer(value.port, `${field}.port`, 1, 65535) };
}

/** `server` (one endpoint) or `servers` (a list), not both. */
function serversOf(value: Record<string, unknown>): ServerEndpoint[] {
  if (value.server !== undefined && value.servers !== undefined)
    throw new AgentConfigError('gateway config: give either server or servers, not both');
  if (value.servers === undefined) return [endpoint(value.server, 'server')];
  const list = value.servers;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_SERVERS)
    fail('servers', `a list of 1 to ${MAX_SERVERS} objects { host, port }`, list);
  return list.map((item, i) => endpoint(item, `servers[${i}]`));
}

/** Validates a parsed gateway.json; every problem is one line naming the field. */
export function parseAgentConfig(value: unknown, baseDir: string): AgentConfig {
  if (!isRecord(value)) fail('the file', 'a JSON object', value);
  const unknown = Object.keys(value).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length > 0) throw new AgentConfigError(`gateway config: unknown field(s) ${unknown.join(', ')}`);
  const servers = serversOf(value);
  const outbox = value.outbox ?? {};
  if (!isRecord(outbox)) fail('outbox', 'an object { dir, maxBytes }', outbox);
  const networkType = value.networkType;
  if (typeof networkType !== 'string' || !(NETWORK_TYPES as readonly string[]).includes(networkType)) {
    fail('networkType', `one of ${NETWORK_TYPES.join(', ')}`, networkType);
  }
  const adapter = value.adapter;
  if (adapter !== undefined && !(isRecord(adapter) && typeof adapter.kind === 'string' && adapter.kind !== '')) {
    fail('adapter', 'an object with a string "kind"', adapter);
  }
  const gatewayId = text(value.gatewayId, 'gatewayId');
  return {
    servers,
    gatewayId,
    keyFile: resolve(baseDir, text(value.keyFile, 'keyFile')),
    networkType: networkType as NetworkType,
    outbox: {
      dir: resolve(baseDir, outbox.dir === undefined ? `outbox-${gatewayId}` : text(outbox.dir, 'outbox.dir')),
      maxBytes:
        outbox.maxBytes === undefined
          ? DEFAULT_OUTBOX_BYTES
          : integer(outbox.maxBytes, 'outbox.maxBytes', MIN_OUTBOX_BYTES, 2 ** 40),
    },
    stateDir: resolve(baseDir, value.stateDir === undefined ? `state-${gatewayId}` : text(value.stateDir, 'stateDir')),
    ...(adapter !== undefined ? { adapter: adapter as AgentConfig['adapter'] & object } : {}),
    batchIntervalMs:
      value.batchIntervalMs === undefined ? 1000 : integer(value.batchIntervalMs, 'batchIntervalMs', 1, 60_000),
  };
}

export async function loadAgentConfig(path: string): Promise<AgentConfig> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new AgentConfigError(`cannot read gateway config ${path}: ${(error as Error).message}`);
  }
  return parseAgentConfig(parsed, dirname(resolve(path)));
}

/** The network key: 64 hex characters (whitespace around them ignored). */
export async function readNetworkKey(path: string): Promise<{ key: Buffer; worldReadable: boolean }> {
  let content: string;
  try {
    content = (await readFile(path, 'utf8')).trim();
  } catch (error) {
    throw new AgentConfigError(
      `cannot read the network key file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  if (!/^[0-9a-fA-F]{64}$/.test(content)) {
    // Never echo the content: it may be a mistyped key.
    throw new AgentConfigError(`the network key file ${path} must hold exactly 64 hex characters (a 256-bit key)`);
  }
  const mode = (await stat(path)).mode;
  return { key: Buffer.from(content, 'hex'), worldReadable: (mode & 0o077) !== 0 };
}
