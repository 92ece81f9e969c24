import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { SqlExecutor } from '../../../application/ports/read-model-db.port.js';
import { RAW_CHUNK_COLUMNS, rawChunkRows, rawChunks } from '../../../application/metering/readings-projections/raw-chunks.js';
import { READINGS_RAW_TABLE } from '../../../application/metering/readings-projections/readings-writes.sql.js';
import type { CanonicalReading } from '../../../domain/metering/canonical-reading.js';
import { readModelMigrations } from '../../../infrastructure/postgres/read-model.migrations.js';
import type { SqlDatabase } from '../../../infrastructure/postgres/sql-database.js';
import { ensureHttpsCredentials } from '../../../infrastructure/tls/self-signed-certificate.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

/*
 * Test support for the readings API: the read-model tables as the schema contract fixes them, and rows written
 * straight into them, so the queries are tested independently of the projections that fill the tables in production.
 */

const READINGS_DDL = `
CREATE TABLE readings_latest (
  sensor_id text PRIMARY KEY, node_id text NOT NULL, gateway_id text NOT NULL, quantity text NOT NULL, unit text NOT NULL,
  value double precision NOT NULL, measured_at timestamptz NOT NULL, received_at timestamptz NOT NULL,
  phase text, tariff smallint, source jsonb NOT NULL
);
CREATE TABLE readings_raw_chunks (
  sensor_id text NOT NULL, bucket_start timestamptz NOT NULL, batch bigint NOT NULL, gateway_id text NOT NULL,
  measured_ms bigint[] NOT NULL, value double precision[] NOT NULL, PRIMARY KEY (sensor_id, bucket_start, batch, gateway_id)
);
CREATE TABLE readings_buckets (
  sensor_id text NOT NULL, bucket_width text NOT NULL, bucket_start timestamptz NOT NULL, quantity text NOT NULL,
  unit text NOT NULL, sample_count integer NOT NULL, value_sum double precision, value_min double precision,
  value_max double precision, delta double precision, PRIMARY KEY (sensor_id, bucket_width, bucket_start)
);
CREATE TABLE nodes (
  node_id text PRIMARY KEY, gateway_id text NOT NULL, protocol text, model text, vendor text, firmware text,
  status text NOT NULL, link_quality integer, availability text, joined_at timestamptz, interviewed_at timestamptz,
  left_at timestamptz, last_seen_at timestamptz
);
CREATE INDEX nodes_gateway_idx ON nodes (gateway_id, node_id);
`;

/** Creates the readings tables unless the read-model migrations (version 5) already did. */
export async function ensureReadingsReadModel(db: SqlDatabase): Promise<void> {
  if (readModelMigrations.migrations.some((m) => m.version === 5)) return;
  await db.transaction((tx) => tx.exec(READINGS_DDL));
}

export function aReading(overrides: Partial<CanonicalReading> & Pick<CanonicalReading, 'sensorId'>): CanonicalReading {
  return {
    nodeId: overrides.sensorId.split('/')[0] ?? overrides.sensorId,
    gatewayId: 'gw-1',
    quantity: 'power',
    unit: 'W',
    value: 100,
    measuredAt: '2025-03-01T12:00:00.000Z',
    receivedAt: '2025-03-01T12:00:01.000Z',
    source: { protocol: 'zigbee2mqtt', field: 'power' },
    ...overrides,
  };
}

export async function insertLatest(db: SqlExecutor, readings: readonly CanonicalReading[]): Promise<void> {
  for (const r of readings) {
    await db.query(
      `INSERT INTO readings_latest (sensor_id, node_id, gateway_id, quantity, unit, value, measured_at, received_at, phase, tariff, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::timestamptz, $9, $10, $11::jsonb)`,
      [r.sensorId, r.nodeId, r.gatewayId, r.quantity, r.unit, r.value, r.measuredAt, r.receivedAt, r.phase ?? null, r.tariff ?? null, JSON.stringify(r.source)],
    );
  }
}

export interface RawRow {
  readonly sensorId: string;
  readonly measuredAt: string;
  readonly value: number;
  readonly gatewayId?: string;
}

let rawBatch = 0;

/** Rows as the projection stores them: each call is one batch, cut into chunks per sensor and quarter hour. */
export async function insertRaw(db: SqlExecutor, rows: readonly RawRow[]): Promise<void> {
  const readings = rows.map((r) => ({ ...aReading({ sensorId: r.sensorId, gatewayId: r.gatewayId ?? 'gw-1', value: r.value }), measuredMs: Date.parse(r.measuredAt) }));
  readings.sort((a, b) => a.sensorId.localeCompare(b.sensorId) || a.measuredMs - b.measuredMs || a.value - b.value);
  await db.insertRows(READINGS_RAW_TABLE, RAW_CHUNK_COLUMNS, rawChunkRows(rawChunks([readings]), ++rawBatch));
}

export interface BucketRow {
  readonly sensorId: string;
  readonly width: '15m' | '1h' | '1d';
  readonly start: string;
  readonly quantity: string;
  readonly unit: string;
  readonly count: number;
  readonly sum?: number;
  readonly min?: number;
  readonly max?: number;
  readonly delta?: number;
}

export async function insertBuckets(db: SqlExecutor, rows: readonly BucketRow[]): Promise<void> {
  await db.insertRows(
    'readings_buckets',
    ['sensor_id', 'bucket_width', 'bucket_start', 'quantity', 'unit', 'sample_count', 'value_sum', 'value_min', 'value_max', 'delta'],
    rows.map((r) => [r.sensorId, r.width, r.start, r.quantity, r.unit, r.count, r.sum ?? null, r.min ?? null, r.max ?? null, r.delta ?? null]),
  );
}

export interface NodeRow {
  readonly nodeId: string;
  readonly gatewayId: string;
  readonly status: 'joined' | 'interviewed' | 'left';
  readonly protocol?: string;
  readonly model?: string;
  readonly vendor?: string;
  readonly firmware?: string;
  readonly linkQuality?: number;
  readonly availability?: 'online' | 'offline';
  readonly joinedAt?: string;
  readonly interviewedAt?: string;
  readonly leftAt?: string;
  readonly lastSeenAt?: string;
}

export async function insertNodes(db: SqlExecutor, rows: readonly NodeRow[]): Promise<void> {
  await db.insertRows(
    'nodes',
    ['node_id', 'gateway_id', 'protocol', 'model', 'vendor', 'firmware', 'status', 'link_quality', 'availability', 'joined_at', 'interviewed_at', 'left_at', 'last_seen_at'],
    rows.map((n) => [
      n.nodeId, n.gatewayId, n.protocol ?? null, n.model ?? null, n.vendor ?? null, n.firmware ?? null, n.status, n.linkQuality ?? null,
      n.availability ?? null, n.joinedAt ?? null, n.interviewedAt ?? null, n.leftAt ?? null, n.lastSeenAt ?? null,
    ]),
  );
}

export interface ReadingsApi {
  readonly server: RunningServer;
  /** PEM of the server's self-signed certificate when started with TLS. */
  readonly ca: string | null;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** A real server (embedded storage on 127.0.0.1; plain HTTP unless `tls`) with the readings tables in place. */
export async function startReadingsApi(token: string, label: string, options: { tls?: boolean } = {}): Promise<ReadingsApi> {
  const dataDir = mkdtempSync(join(tmpdir(), `wattlog-${label}-`));
  const logger = pino({ level: 'silent' });
  const tls = options.tls ? await ensureHttpsCredentials({ dataDir }, logger) : null;
  const server = await startHttpServer(
    { storage: { store: 'embedded', dataDir }, host: '127.0.0.1', port: 0, tls, adminToken: token },
    logger,
  );
  await ensureReadingsReadModel(server.storage.readModels);
  return {
    server,
    ca: tls?.cert ?? null,
    get: (path, headers = {}) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } }),
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
