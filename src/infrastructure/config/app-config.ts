import { resolve } from 'node:path';

/** A bad environment variable. The message is one line naming the variable, its value and what is allowed. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const STORE_MODES = ['embedded', 'postgres', 'eventstoredb'] as const;
export type StoreMode = (typeof STORE_MODES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  readonly store: StoreMode;
  /** Where read models live: Postgres when a DATABASE_URL is in play for the store, otherwise PGlite in dataDir. */
  readonly readModelStore: 'postgres' | 'embedded';
  readonly databaseUrl?: string;
  readonly eventStoreUrl?: string;
  /** Absolute. */
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly http: 'https' | 'http';
  /** Both set or both absent; absent means a self-signed pair under dataDir. */
  readonly tlsCertPath?: string;
  readonly tlsKeyPath?: string;
  readonly logLevel: LogLevel;
  readonly demo: boolean;
  readonly adminToken?: string;
  /** Key-vault master key, 64 hex characters. */
  readonly masterKey?: string;
  /** HS256 signing key for access tokens, at least 32 bytes; absent: `<dataDir>/jwt.key`, generated once. */
  readonly jwtSecret?: string;
  /** Token buckets per authenticated principal and per client address; null: no rate limit. */
  readonly rateLimit: RateLimitConfig | null;
  /** Whole days of series JSON the API keeps in memory, in MiB (WATTLOG_SERIES_MEMORY_MIB); 0 keeps none. */
  readonly seriesMemoryMiB: number;
  /**
   * Partitions of each partitionable projection (readings), spread over the nodes (WATTLOG_PROJECTION_PARTITIONS,
   * default 1). Changing it needs `wattlog rebuild` of those projections (docs/scaling.md).
   */
  readonly projectionPartitions: number;
}

export interface RateLimitConfig {
  readonly principal: { readonly ratePerSecond: number; readonly burst: number };
  readonly anonymous: { readonly ratePerSecond: number; readonly burst: number };
}

export const RATE_LIMIT_DEFAULTS: RateLimitConfig = {
  principal: { ratePerSecond: 100, burst: 500 },
  anonymous: { ratePerSecond: 10, burst: 50 },
};

const ADMIN_TOKEN_MIN_LENGTH = 32;

/** Empty counts as unset, so `FOO=` in a compose file or .env behaves like leaving FOO out. */
function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Hides a URL's password so the error line is safe to log. */
function shown(value: string): string {
  return JSON.stringify(value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@/]*@/i, '$1***@'));
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(
      `${name}=${shown(value)} is not allowed; use one of: ${allowed.join(', ')} (default ${fallback})`,
    );
  }
  return value as T;
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: readonly string[], example: string): string | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  let parses = true;
  try {
    new URL(value);
  } catch {
    parses = false;
  }
  if (!parses || scheme === undefined || !protocols.includes(`${scheme}:`)) {
    const schemes = protocols.map((p) => `${p}//`).join(' or ');
    throw new ConfigError(
      `${name}=${shown(value)} is not allowed; expected a URL starting with ${schemes}, e.g. ${example}`,
    );
  }
  return value;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d{1,5}$/.test(value) || n < 1 || n > 65535) {
    throw new ConfigError(
      `${name}=${shown(value)} is not allowed; expected a port number from 1 to 65535 (default ${fallback})`,
    );
  }
  return n;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0) || n > 1_000_000_000) {
    throw new ConfigError(`${name}=${shown(value)} is not allowed; expected a positive number (default ${fallback})`);
  }
  return n;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d{1,9}$/.test(value) || n > max) {
    throw new ConfigError(
      `${name}=${shown(value)} is not allowed; expected a whole number from 0 to ${max} (default ${fallback})`,
    );
  }
  return n;
}

/** WATTLOG_RATE_LIMIT* alone, for processes that start a server without the rest of the configuration (benchmarks). */
export function loadRateLimit(env: NodeJS.ProcessEnv): RateLimitConfig | null {
  if (oneOf(env, 'WATTLOG_RATE_LIMIT', ['on', 'off'] as const, 'on') === 'off') return null;
  const { principal, anonymous } = RATE_LIMIT_DEFAULTS;
  const burst = (name: string, fallback: number): number => {
    const n = positive(env, name, fallback);
    if (!Number.isInteger(n))
      throw new ConfigError(
        `${name}=${shown(String(n))} is not allowed; expected a whole number of requests (default ${fallback})`,
      );
    return n;
  };
  return {
    principal: {
      ratePerSecond: positive(env, 'WATTLOG_RATE_LIMIT_RPS', principal.ratePerSecond),
      burst: burst('WATTLOG_RATE_LIMIT_BURST', principal.burst),
    },
    anonymous: {
      ratePerSecond: positive(env, 'WATTLOG_RATE_LIMIT_ANON_RPS', anonymous.ratePerSecond),
      burst: burst('WATTLOG_RATE_LIMIT_ANON_BURST', anonymous.burst),
    },
  };
}

function host(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (!/^[A-Za-z0-9.:_-]+$/.test(value)) {
    throw new ConfigError(
      `${name}=${shown(value)} is not allowed; expected an IP address or host name such as 127.0.0.1 or :: (default ${fallback})`,
    );
  }
  return value;
}

function missing(name: string, because: string, example: string): ConfigError {
  return new ConfigError(`${name} is not set; it is required when ${because}, e.g. ${name}=${example}`);
}

/** Reads configuration from the environment; any bad value throws a ConfigError with one clear line. */
/** WATTLOG_PROJECTION_PARTITIONS: 1 to 64, default 1; the server and `wattlog rebuild` read the same value. */
export function projectionPartitions(env: NodeJS.ProcessEnv): number {
  return Math.max(1, wholeNumber(env, 'WATTLOG_PROJECTION_PARTITIONS', 1, 64));
}

export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const store = oneOf(env, 'WATTLOG_STORE', STORE_MODES, 'embedded');

  const pgExample = 'postgres://user@127.0.0.1:5432/wattlog';
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], pgExample);
  if (store === 'postgres' && databaseUrl === undefined)
    throw missing('DATABASE_URL', 'WATTLOG_STORE=postgres', pgExample);

  const esdbExample = 'esdb://127.0.0.1:2113?tls=false';
  const eventStoreUrl = url(env, 'EVENTSTORE_URL', ['esdb:', 'esdb+discover:'], esdbExample);
  if (store === 'eventstoredb' && eventStoreUrl === undefined) {
    throw missing('EVENTSTORE_URL', 'WATTLOG_STORE=eventstoredb', esdbExample);
  }

  const http = oneOf(env, 'WATTLOG_HTTP', ['https', 'http'] as const, 'https');
  const tlsCertPath = read(env, 'WATTLOG_TLS_CERT');
  const tlsKeyPath = read(env, 'WATTLOG_TLS_KEY');
  if ((tlsCertPath === undefined) !== (tlsKeyPath === undefined)) {
    const [set, unset] =
      tlsCertPath === undefined ? ['WATTLOG_TLS_KEY', 'WATTLOG_TLS_CERT'] : ['WATTLOG_TLS_CERT', 'WATTLOG_TLS_KEY'];
    throw new ConfigError(
      `${unset} is not set but ${set} is; set both (PEM file paths) or neither for a generated self-signed pair`,
    );
  }
  if (http === 'http' && tlsCertPath !== undefined) {
    throw new ConfigError(
      'WATTLOG_TLS_CERT/WATTLOG_TLS_KEY are set but WATTLOG_HTTP="http" serves plain HTTP; unset them or use WATTLOG_HTTP=https',
    );
  }

  const adminToken = read(env, 'WATTLOG_ADMIN_TOKEN');
  if (adminToken !== undefined && adminToken.length < ADMIN_TOKEN_MIN_LENGTH) {
    // The value itself is a secret, so only its length is shown.
    throw new ConfigError(
      `WATTLOG_ADMIN_TOKEN is ${adminToken.length} characters; it must be at least ${ADMIN_TOKEN_MIN_LENGTH} (or unset to generate one)`,
    );
  }

  const masterKey = read(env, 'WATTLOG_MASTER_KEY');
  if (masterKey !== undefined && !/^[0-9a-fA-F]{64}$/.test(masterKey)) {
    throw new ConfigError(
      `WATTLOG_MASTER_KEY must be 64 hex characters (32 bytes), got ${masterKey.length} characters (or unset to generate one into the data directory)`,
    );
  }

  const jwtSecret = read(env, 'WATTLOG_JWT_SECRET');
  if (jwtSecret !== undefined && Buffer.byteLength(jwtSecret, 'utf8') < 32) {
    throw new ConfigError(
      `WATTLOG_JWT_SECRET is ${Buffer.byteLength(jwtSecret, 'utf8')} bytes; it must be at least 32 (or unset to generate one into the data directory)`,
    );
  }

  return {
    store,
    readModelStore: databaseUrl !== undefined && store !== 'embedded' ? 'postgres' : 'embedded',
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
    ...(eventStoreUrl !== undefined ? { eventStoreUrl } : {}),
    dataDir: resolve(read(env, 'WATTLOG_DATA_DIR') ?? './data'),
    host: host(env, 'WATTLOG_HOST', '0.0.0.0'),
    port: port(env, 'PORT', 3000),
    http,
    ...(tlsCertPath !== undefined && tlsKeyPath !== undefined ? { tlsCertPath, tlsKeyPath } : {}),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    demo: oneOf(env, 'WATTLOG_DEMO', ['on', 'off'] as const, 'on') === 'on',
    ...(adminToken !== undefined ? { adminToken } : {}),
    ...(masterKey !== undefined ? { masterKey } : {}),
    ...(jwtSecret !== undefined ? { jwtSecret } : {}),
    rateLimit: loadRateLimit(env),
    seriesMemoryMiB: wholeNumber(env, 'WATTLOG_SERIES_MEMORY_MIB', 64, 65_536),
    projectionPartitions: projectionPartitions(env),
  };
}
