import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { LateCounter } from './readings-batch-plan.js';
import { BUCKET_WIDTHS, bucketKey, bucketStartMs, bucketWidthMs, type BucketWidth } from './reading-buckets.js';
import { epochMs } from './readings-writes.sql.js';

interface RecomputeTarget {
  readonly sensorId: string;
  readonly width: BucketWidth;
  readonly startMs: number;
  readonly quantity: string;
  readonly unit: string;
}

/**
 * The first stored reading after each late reading (the batch's rows already in readings_raw): its pair changed, so
 * its bucket's consumption did. One index probe per late reading.
 */
async function successorTimes(tx: SqlExecutor, rawTable: string, counters: readonly LateCounter[]): Promise<Map<string, number[]>> {
  const sensorIds: string[] = [];
  const times: string[] = [];
  for (const counter of counters) {
    for (const reading of counter.late) {
      sensorIds.push(counter.sensorId);
      times.push(reading.measuredAt);
    }
  }
  const rows = await tx.query<{ sensor_id: string; next_ms: number }>(
    `SELECT t.sensor_id, ${epochMs('n.measured_at')} AS next_ms
       FROM unnest($1::text[], $2::timestamptz[]) AS t(sensor_id, measured_at)
       CROSS JOIN LATERAL (
         SELECT r.measured_at FROM ${rawTable} r
          WHERE r.sensor_id = t.sensor_id AND r.measured_at > t.measured_at
          ORDER BY r.measured_at LIMIT 1
       ) n`,
    [sensorIds, times],
  );
  const bySensor = new Map<string, number[]>();
  for (const row of rows) {
    const list = bySensor.get(row.sensor_id) ?? [];
    list.push(Number(row.next_ms));
    bySensor.set(row.sensor_id, list);
  }
  return bySensor;
}

function targetsOf(counters: readonly LateCounter[], successors: ReadonlyMap<string, readonly number[]>): Map<BucketWidth, RecomputeTarget[]> {
  const targets = new Map<string, RecomputeTarget>();
  for (const counter of counters) {
    const times = [...counter.readings.map((r) => r.measuredMs), ...(successors.get(counter.sensorId) ?? [])];
    for (const measuredMs of times) {
      for (const width of BUCKET_WIDTHS) {
        const startMs = bucketStartMs(measuredMs, width);
        const key = bucketKey(counter.sensorId, width, startMs);
        if (!targets.has(key)) targets.set(key, { sensorId: counter.sensorId, width, startMs, quantity: counter.quantity, unit: counter.unit });
      }
    }
  }
  const byWidth = new Map<BucketWidth, RecomputeTarget[]>(BUCKET_WIDTHS.map((w) => [w, []]));
  for (const target of targets.values()) byWidth.get(target.width)!.push(target);
  return byWidth;
}

/** unnest() arguments for a list of targets: sensor, width, start, end, quantity, unit. */
function targetParams(targets: readonly RecomputeTarget[]): unknown[] {
  return [
    targets.map((t) => t.sensorId),
    targets.map((t) => t.width),
    targets.map((t) => new Date(t.startMs).toISOString()),
    targets.map((t) => new Date(t.startMs + bucketWidthMs(t.width)).toISOString()),
    targets.map((t) => t.quantity),
    targets.map((t) => t.unit),
  ];
}

const TARGETS = `unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[])
         AS t(sensor_id, bucket_width, bucket_start, bucket_end, quantity, unit)`;

/** The finest buckets, from the readings inside each plus the one reading before it. */
function fromReadings(buckets: string, raw: string): string {
  return `INSERT INTO ${buckets} AS cur (sensor_id, bucket_width, bucket_start, quantity, unit, sample_count, delta)
     SELECT t.sensor_id, t.bucket_width, t.bucket_start, t.quantity, t.unit, agg.samples, agg.delta
       FROM ${TARGETS}
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE w.measured_at >= t.bucket_start)::int AS samples,
                coalesce(sum(w.value - w.previous) FILTER (WHERE w.measured_at >= t.bucket_start AND w.value >= w.previous), 0)::float8 AS delta
           FROM (
             SELECT s.measured_at, s.value, lag(s.value) OVER (ORDER BY s.measured_at, s.value) AS previous
               FROM (
                 (SELECT r.measured_at, r.value FROM ${raw} r
                   WHERE r.sensor_id = t.sensor_id AND r.measured_at < t.bucket_start
                   ORDER BY r.measured_at DESC, r.value DESC LIMIT 1)
                 UNION ALL
                 (SELECT r.measured_at, r.value FROM ${raw} r
                   WHERE r.sensor_id = t.sensor_id AND r.measured_at >= t.bucket_start AND r.measured_at < t.bucket_end)
               ) s
           ) w
       ) agg
      WHERE agg.samples > 0
     ON CONFLICT (sensor_id, bucket_width, bucket_start) DO UPDATE SET sample_count = excluded.sample_count, delta = excluded.delta`;
}

/** A wider bucket as the sum of the narrower ones inside it: each pair's consumption lies in exactly one of them. */
function fromNarrower(buckets: string, narrower: BucketWidth): string {
  return `INSERT INTO ${buckets} AS cur (sensor_id, bucket_width, bucket_start, quantity, unit, sample_count, delta)
     SELECT t.sensor_id, t.bucket_width, t.bucket_start, t.quantity, t.unit, sum(n.sample_count)::int, sum(n.delta)
       FROM ${TARGETS}
       JOIN ${buckets} n ON n.sensor_id = t.sensor_id AND n.bucket_width = '${narrower}'
                        AND n.bucket_start >= t.bucket_start AND n.bucket_start < t.bucket_end
      GROUP BY t.sensor_id, t.bucket_width, t.bucket_start, t.quantity, t.unit
     ON CONFLICT (sensor_id, bucket_width, bucket_start) DO UPDATE SET sample_count = excluded.sample_count, delta = excluded.delta`;
}

/**
 * Recomputes the consumption and sample count of every bucket a late counter reading touched: its own bucket and
 * its successor's. 15-minute buckets are rebuilt from readings_raw with the same rule as the in-order path (a rise
 * counts, a fall starts a new segment), so the result does not depend on the order the readings arrived in; hours
 * and days are then summed from the buckets inside them rather than from a day of raw readings.
 */
export async function recomputeLateCounterBuckets(
  tx: SqlExecutor,
  tables: { readonly raw: string; readonly buckets: string },
  counters: readonly LateCounter[],
): Promise<void> {
  if (counters.length === 0) return;
  const targets = targetsOf(counters, await successorTimes(tx, tables.raw, counters));
  let narrower: BucketWidth | undefined;
  for (const width of BUCKET_WIDTHS) {
    const sql = narrower === undefined ? fromReadings(tables.buckets, tables.raw) : fromNarrower(tables.buckets, narrower);
    await tx.query(sql, targetParams(targets.get(width) ?? []));
    narrower = width;
  }
}
