import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import { rawReadingsFrom } from './raw-chunks.js';
import { epochMs } from './readings-writes.sql.js';

/** Readers of the readings tables for specs, with times as ISO strings and numbers as numbers on pg and PGlite. */

const iso = (ms: unknown): string => new Date(Number(ms)).toISOString();
const numberOrNull = (value: unknown): number | null => (value === null ? null : Number(value));

export interface BucketRowView {
  readonly sensorId: string;
  readonly width: string;
  readonly start: string;
  readonly quantity: string;
  readonly unit: string;
  readonly samples: number;
  readonly sum: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly delta: number | null;
}

export async function bucketRows(db: SqlExecutor, where = 'true'): Promise<BucketRowView[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT sensor_id, bucket_width, ${epochMs('bucket_start')} AS start_ms, quantity, unit, sample_count, value_sum, value_min, value_max, delta
       FROM readings_buckets WHERE ${where} ORDER BY sensor_id, bucket_width, bucket_start`,
  );
  return rows.map((r) => ({
    sensorId: String(r.sensor_id),
    width: String(r.bucket_width),
    start: iso(r.start_ms),
    quantity: String(r.quantity),
    unit: String(r.unit),
    samples: Number(r.sample_count),
    sum: numberOrNull(r.value_sum),
    min: numberOrNull(r.value_min),
    max: numberOrNull(r.value_max),
    delta: numberOrNull(r.delta),
  }));
}

export interface LatestRowView {
  readonly sensorId: string;
  readonly nodeId: string;
  readonly gatewayId: string;
  readonly quantity: string;
  readonly unit: string;
  readonly value: number;
  readonly measuredAt: string;
  readonly receivedAt: string;
  readonly phase: string | null;
  readonly tariff: number | null;
  readonly source: unknown;
}

export async function latestRows(db: SqlExecutor): Promise<LatestRowView[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT sensor_id, node_id, gateway_id, quantity, unit, value, ${epochMs('measured_at')} AS measured_ms,
            ${epochMs('received_at')} AS received_ms, phase, tariff, source::text AS source
       FROM readings_latest ORDER BY sensor_id`,
  );
  return rows.map((r) => ({
    sensorId: String(r.sensor_id),
    nodeId: String(r.node_id),
    gatewayId: String(r.gateway_id),
    quantity: String(r.quantity),
    unit: String(r.unit),
    value: Number(r.value),
    measuredAt: iso(r.measured_ms),
    receivedAt: iso(r.received_ms),
    phase: r.phase === null ? null : String(r.phase),
    tariff: numberOrNull(r.tariff),
    source: JSON.parse(String(r.source)) as unknown,
  }));
}

export async function rawRows(db: SqlExecutor): Promise<{ sensorId: string; measuredAt: string; value: number; gatewayId: string }[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT c.sensor_id, u.ms::float8 AS measured_ms, u.value, c.gateway_id FROM ${rawReadingsFrom('readings_raw_chunks')}
      ORDER BY c.sensor_id, u.ms, u.value`,
  );
  return rows.map((r) => ({ sensorId: String(r.sensor_id), measuredAt: iso(r.measured_ms), value: Number(r.value), gatewayId: String(r.gateway_id) }));
}
