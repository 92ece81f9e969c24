import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { LateCounter } from './readings-batch-plan.js';
import { BUCKET_WIDTHS, bucketKey, bucketStartMs, bucketWidthMs, type BucketWidth } from './reading-buckets.js';
import { rawReadingsFrom } from './raw-chunks.js';
import { BUMP_REVISION } from './readings.sql.js';

interface RecomputeTarget {
  readonly sensorId: string;
  readonly width: BucketWidth;
  readonly startMs: number;
  readonly quantity: string;
  readonly unit: string;
}

/**
 * The first stored reading after each late reading (the batch's rows already stored): its pair changed, so its
 * bucket's consumption did. It lies later in the late reading's own quarter hour or else is the earliest reading of
 * the sensor's next stored quarter hour; both are key look-ups.
 */
async function successorTimes(
  tx: SqlExecutor,
  rawTable: string,
  counters: readonly LateCounter[],
): Promise<Map<string, number[]>> {
  const sensorIds: string[] = [];
  const times: number[] = [];
  const buckets: string[] = [];
  for (const counter of counters) {
    for (const reading of counter.late) {
      sensorIds.push(counter.sensorId);
      times.push(reading.measuredMs);
      buckets.push(new Date(bucketStartMs(reading.measuredMs, '15m')).toISOString());
    }
  }
  const rows = await tx.query<{ sensor_id: string; next_ms: number | null }>(
    `SELECT t.sensor_id, coalesce(
         (SELECT min(u.ms) FROM ${rawReadingsFrom(rawTable)}
           WHERE c.sensor_id = t.sensor_id AND c.bucket_start = t.bucket_start AND u.ms > t.ms),
         (SELECT min(u.ms) FROM ${rawReadingsFrom(rawTable)}
           WHERE c.sensor_id = t.sensor_id
             AND c.bucket_start = (SELECT min(n.bucket_start) FROM ${rawTable} n WHERE n.sensor_id = t.sensor_id AND n.bucket_start > t.bucket_start))
       )::float8 AS next_ms
       FROM unnest($1::text[], $2::bigint[], $3::timestamptz[]) AS t(sensor_id, ms, bucket_start)`,
    [sensorIds, times, buckets],
  );
  const bySensor = new Map<string, number[]>();
  for (const row of rows) {
    if (row.next_ms === null) continue;
    const list = bySensor.get(row.sensor_id) ?? [];
    list.push(Number(row.next_ms));
    bySensor.set(row.sensor_id, list);
  }
  return bySensor;
}

function targetsOf(
  counters: readonly LateCounter[],
  successors: ReadonlyMap<string, readonly number[]>,
): Map<BucketWidth, RecomputeTarget[]> {
  const targets = new Map<string, RecomputeTarget>();
  for (const counter of counters) {
    const times = [...counter.readings.map((r) => r.measuredMs), ...(successors.get(counter.sensorId) ?? [])];
    for (const measuredMs of times) {
      for (const width of BUCKET_WIDTHS) {
        const startMs = bucketStartMs(measuredMs, width);
        const key = bucketKey(counter.sensorId, width, startMs);
        if (!targets.has(key))
          targets.set(key, {
            sensorId: counter.sensorId,
            width,
            startMs,
            quantity: counter.quantity,
            unit: counter.unit,
          });
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

/**
 * The finest buckets, from the readings inside each plus the one reading before it: the newest reading of the
 * sensor's previous stored quarter hour. Targets here are always 15-minute buckets, which chunks never cross.
 */
function fromReadings(buckets: string, raw: string): string {
  return `INSERT INTO ${buckets} AS cur (sensor_id, bucket_width, bucket_start, quantity, unit, sample_count, delta)
     SELECT t.sensor_id, t.bucket_width, t.bucket_start, t.quantity, t.unit, agg.samples, agg.delta
       FROM ${TARGETS}
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE w.inside)::int AS samples,
                coalesce(sum(w.value - w.previous) FILTER (WHERE w.inside AND w.value >= w.previous), 0)::float8 AS delta
           FROM (
             SELECT s.inside, s.value, lag(s.value) OVER (ORDER BY s.ms, s.value) AS previous
               FROM (
                 (SELECT false AS inside, u.ms, u.value FROM ${rawReadingsFrom(raw)}
                   WHERE c.sensor_id = t.sensor_id
                     AND c.bucket_start = (SELECT max(p.bucket_start) FROM ${raw} p WHERE p.sensor_id = t.sensor_id AND p.bucket_start < t.bucket_start)
                   ORDER BY u.ms DESC, u.value DESC LIMIT 1)
                 UNION ALL
                 (SELECT true AS inside, u.ms, u.value FROM ${rawReadingsFrom(raw)}
                   WHERE c.sensor_id = t.sensor_id AND c.bucket_start = t.bucket_start)
               ) s
           ) w
       ) agg
      WHERE agg.samples > 0
     ON CONFLICT (sensor_id, bucket_width, bucket_start) DO UPDATE SET sample_count = excluded.sample_count, delta = excluded.delta, ${BUMP_REVISION}`;
}

/** A wider bucket as the sum of the narrower ones inside it: each pair's consumption lies in exactly one of them. */
function fromNarrower(buckets: string, narrower: BucketWidth): string {
  return `INSERT INTO ${buckets} AS cur (sensor_id, bucket_width, bucket_start, quantity, unit, sample_count, delta)
     SELECT t.sensor_id, t.bucket_width, t.bucket_start, t.quantity, t.unit, sum(n.sample_count)::int, sum(n.delta)
       FROM ${TARGETS}
       JOIN ${buckets} n ON n.sensor_id = t.sensor_id AND n.bucket_width = '${narrower}'
                        AND n.bucket_start >= t.bucket_start AND n.bucket_start < t.bucket_end
      GROUP BY t.sensor_id, t.bucket_width, t.bucket_start, t.quantity, t.unit
     ON CONFLICT (sensor_id, bucket_width, bucket_start) DO UPDATE SET sample_count = excluded.sample_count, delta = excluded.delta, ${BUMP_REVISION}`;
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
    const sql =
      narrower === undefined ? fromReadings(tables.buckets, tables.raw) : fromNarrower(tables.buckets, narrower);
    await tx.query(sql, targetParams(targets.get(width) ?? []));
    narrower = width;
  }
}
