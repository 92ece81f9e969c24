import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { ProjectedReading } from './batch-readings.js';
import { RAW_CHUNK_COLUMNS, rawChunkRows, rawChunks, rawReadingsFrom } from './raw-chunks.js';
import { bucketStartMs } from './reading-buckets.js';
import type { BucketIncrement, CounterPoint } from './readings-batch-plan.js';

import {
  READINGS_BUCKETS_TABLE,
  READINGS_DAY_JSON_TABLE,
  READINGS_LATEST_TABLE,
  READINGS_RAW_TABLE,
} from './readings.tables.js';

export { READINGS_BUCKETS_TABLE, READINGS_DAY_JSON_TABLE, READINGS_LATEST_TABLE, READINGS_RAW_TABLE };

/**
 * Every change of a bucket row takes a fresh revision: the column's default draws it from a sequence, and `excluded`
 * holds the defaults of the row that was about to be inserted. A day's 1d row changes with any bucket of the day, so
 * its revision tells whether a rendered day (readings_day_json) is still the day.
 */
export const BUMP_REVISION = 'revision = excluded.revision';

/** Epoch milliseconds of a timestamptz column, the same JS number from pg and PGlite. */
export function epochMs(column: string): string {
  return `(extract(epoch FROM ${column}) * 1000)::float8`;
}

/** The stored latest reading of each sensor the batch touches: where its new readings chain from. */
export async function selectLatestPoints(
  tx: SqlExecutor,
  table: string,
  sensorIds: readonly string[],
): Promise<Map<string, CounterPoint>> {
  if (sensorIds.length === 0) return new Map();
  const rows = await tx.query<{ sensor_id: string; measured_ms: number; value: number }>(
    `SELECT sensor_id, ${epochMs('measured_at')} AS measured_ms, value FROM ${table} WHERE sensor_id = ANY($1::text[])`,
    [sensorIds],
  );
  return new Map(rows.map((r) => [r.sensor_id, { measuredMs: Number(r.measured_ms), value: Number(r.value) }]));
}

/**
 * Which of `candidates` the chunks already hold (same sensor, instant and value). Each candidate only looks into the
 * chunks of its own 15-minute bucket, and the array test skips chunks without its instant before any unnest.
 */
export async function alreadyStored(
  tx: SqlExecutor,
  table: string,
  candidates: readonly ProjectedReading[],
): Promise<Set<ProjectedReading>> {
  if (candidates.length === 0) return new Set();
  const rows = await tx.query<{ i: string | number }>(
    `SELECT t.i FROM unnest($1::text[], $2::timestamptz[], $3::bigint[], $4::float8[]) WITH ORDINALITY AS t(sensor_id, bucket_start, ms, value, i)
      WHERE EXISTS (SELECT 1 FROM ${rawReadingsFrom(table)}
                     WHERE c.sensor_id = t.sensor_id AND c.bucket_start = t.bucket_start AND t.ms = ANY(c.measured_ms)
                       AND u.ms = t.ms AND u.value = t.value)`,
    [
      candidates.map((r) => r.sensorId),
      candidates.map((r) => new Date(bucketStartMs(r.measuredMs, '15m')).toISOString()),
      candidates.map((r) => r.measuredMs),
      candidates.map((r) => r.value),
    ],
  );
  return new Set(rows.map((row) => candidates[Number(row.i) - 1]!));
}

/** COPY of the readings as chunks, given as lists (e.g. per sensor) so that the caller need not concatenate them first. */
export async function copyRawReadings(
  tx: SqlExecutor,
  table: string,
  readings: Iterable<readonly ProjectedReading[]>,
  batch: number,
): Promise<void> {
  const rows = rawChunkRows(rawChunks(readings), batch);
  if (rows.length === 0) return;
  await tx.insertRows(table, RAW_CHUNK_COLUMNS, rows);
}

/**
 * One statement for the whole batch. A row only moves forward in (measured_at, value): a late reading never replaces
 * a newer one, and the value decides between two readings of the same instant whatever order they arrive in.
 */
export async function upsertLatest(
  tx: SqlExecutor,
  table: string,
  readings: readonly ProjectedReading[],
): Promise<void> {
  if (readings.length === 0) return;
  await tx.query(
    `INSERT INTO ${table} AS cur (sensor_id, node_id, gateway_id, quantity, unit, value, measured_at, received_at, phase, tariff, source)
     SELECT sensor_id, node_id, gateway_id, quantity, unit, value, measured_at, received_at, phase, tariff, source::jsonb
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::timestamptz[], $8::timestamptz[],
                   $9::text[], $10::smallint[], $11::text[])
         AS x(sensor_id, node_id, gateway_id, quantity, unit, value, measured_at, received_at, phase, tariff, source)
     ON CONFLICT (sensor_id) DO UPDATE SET
       node_id = excluded.node_id, gateway_id = excluded.gateway_id, quantity = excluded.quantity, unit = excluded.unit,
       value = excluded.value, measured_at = excluded.measured_at, received_at = excluded.received_at,
       phase = excluded.phase, tariff = excluded.tariff, source = excluded.source
     WHERE (cur.measured_at, cur.value) < (excluded.measured_at, excluded.value)`,
    [
      readings.map((r) => r.sensorId),
      readings.map((r) => r.nodeId),
      readings.map((r) => r.gatewayId),
      readings.map((r) => r.quantity),
      readings.map((r) => r.unit),
      readings.map((r) => r.value),
      readings.map((r) => r.measuredAt),
      readings.map((r) => r.receivedAt),
      readings.map((r) => r.phase ?? null),
      readings.map((r) => r.tariff ?? null),
      readings.map((r) => JSON.stringify(r.source ?? {})),
    ],
  );
}

/** Adds the batch's increments to the stored buckets: counts, sums and deltas add up, minimum and maximum widen. */
export async function mergeBuckets(
  tx: SqlExecutor,
  table: string,
  increments: readonly BucketIncrement[],
): Promise<void> {
  if (increments.length === 0) return;
  await tx.query(
    `INSERT INTO ${table} AS cur (sensor_id, bucket_width, bucket_start, quantity, unit, sample_count, value_sum, value_min, value_max, delta)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::int[],
                          $7::float8[], $8::float8[], $9::float8[], $10::float8[])
     ON CONFLICT (sensor_id, bucket_width, bucket_start) DO UPDATE SET
       sample_count = cur.sample_count + excluded.sample_count,
       value_sum = cur.value_sum + excluded.value_sum,
       value_min = least(cur.value_min, excluded.value_min),
       value_max = greatest(cur.value_max, excluded.value_max),
       delta = cur.delta + excluded.delta,
       ${BUMP_REVISION}`,
    [
      increments.map((b) => b.sensorId),
      increments.map((b) => b.width),
      increments.map((b) => new Date(b.startMs).toISOString()),
      increments.map((b) => b.quantity),
      increments.map((b) => b.unit),
      increments.map((b) => b.sampleCount),
      increments.map((b) => b.valueSum),
      increments.map((b) => b.valueMin),
      increments.map((b) => b.valueMax),
      increments.map((b) => b.delta),
    ],
  );
}
