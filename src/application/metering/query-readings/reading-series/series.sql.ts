import type { SqlExecutor } from '../../../ports/read-model-db.port.js';
import { rawReadingsFrom } from '../../readings-read-model/raw-chunks.js';
import { bucketStartMs } from '../../readings-read-model/reading-buckets.js';
import { bind, isoText } from '../../../shared/sql.js';
import { READINGS_BUCKETS_TABLE, READINGS_RAW_TABLE } from '../../readings-read-model/readings.tables.js';
import type { CounterBucketPoint, GaugeBucketPoint, RawPoint, SeriesSensor } from './query-reading-series.query.js';

export interface TimeRange {
  readonly from: string;
  readonly to: string;
}

/** Bucket rows per round trip: big enough to amortise the query, small enough to keep a page's memory modest. */
export const BUCKET_PAGE_SIZE = 5000;

/** The chunks that can hold readings of [from, to): those of the quarter hours from the one holding `from`. */
function rawRangeCondition(params: unknown[], range: TimeRange): string {
  const fromMs = Date.parse(range.from);
  const firstChunk = new Date(bucketStartMs(fromMs, '15m')).toISOString();
  return `c.bucket_start >= ${bind(params, firstChunk)}::timestamptz AND c.bucket_start < ${bind(params, range.to)}::timestamptz
          AND u.ms >= ${bind(params, fromMs)}::bigint AND u.ms < ${bind(params, Date.parse(range.to))}::bigint`;
}

/** Raw points of all sensors in the range, counted no further than `cap`. */
export async function countRawPoints(
  db: SqlExecutor,
  sensorIds: readonly string[],
  range: TimeRange,
  cap: number,
): Promise<number> {
  const params: unknown[] = [];
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM ${rawReadingsFrom(READINGS_RAW_TABLE)}
        WHERE c.sensor_id = ANY(${bind(params, sensorIds)}::text[]) AND ${rawRangeCondition(params, range)}
        LIMIT ${bind(params, cap)}) capped`,
    params,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * One sensor's raw points in time order (value order for equal times). The caller has already checked that the
 * whole request stays under the raw point limit, and `cap` bounds it regardless.
 */
export async function rawPoints(db: SqlExecutor, sensorId: string, range: TimeRange, cap: number): Promise<RawPoint[]> {
  const params: unknown[] = [];
  const rows = await db.query<{ ms: number; value: number }>(
    `SELECT u.ms::float8 AS ms, u.value FROM ${rawReadingsFrom(READINGS_RAW_TABLE)}
      WHERE c.sensor_id = ${bind(params, sensorId)} AND ${rawRangeCondition(params, range)}
      ORDER BY u.ms, u.value LIMIT ${bind(params, cap)}`,
    params,
  );
  return rows.map((row) => ({ t: new Date(Number(row.ms)).toISOString(), value: Number(row.value) }));
}

interface BucketRow {
  t: string;
  sample_count: number;
  value_sum: number | null;
  value_min: number | null;
  value_max: number | null;
  delta: number | null;
}

const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function gaugePoint(row: BucketRow): GaugeBucketPoint {
  const count = Number(row.sample_count);
  const sum = numberOrNull(row.value_sum);
  return {
    t: row.t,
    count,
    avg: sum !== null && count > 0 ? sum / count : null,
    min: numberOrNull(row.value_min),
    max: numberOrNull(row.value_max),
  };
}

function counterPoint(row: BucketRow): CounterBucketPoint {
  return { t: row.t, count: Number(row.sample_count), delta: numberOrNull(row.delta) };
}

/** One sensor's buckets of one width, keyset-paged on bucket_start (unique per sensor and width). */
export async function* bucketPages(
  db: SqlExecutor,
  sensor: SeriesSensor,
  width: string,
  range: TimeRange,
  pageSize = BUCKET_PAGE_SIZE,
): AsyncGenerator<readonly (GaugeBucketPoint | CounterBucketPoint)[]> {
  let after: string | null = null;
  for (;;) {
    const params: unknown[] = [];
    const lower: string =
      after === null
        ? `bucket_start >= ${bind(params, range.from)}::timestamptz`
        : `bucket_start > ${bind(params, after)}::timestamptz`;
    const rows: BucketRow[] = await db.query<BucketRow>(
      `SELECT ${isoText('bucket_start', 't')}, sample_count, value_sum, value_min, value_max, delta
         FROM ${READINGS_BUCKETS_TABLE}
        WHERE sensor_id = ${bind(params, sensor.sensorId)} AND bucket_width = ${bind(params, width)}
          AND ${lower} AND bucket_start < ${bind(params, range.to)}::timestamptz
        ORDER BY bucket_start LIMIT ${bind(params, pageSize)}`,
      params,
    );
    if (rows.length === 0) return;
    const toPoint: (row: BucketRow) => GaugeBucketPoint | CounterBucketPoint =
      sensor.kind === 'counter' ? counterPoint : gaugePoint;
    const points = rows.map(toPoint);
    yield points;
    if (rows.length < pageSize) return;
    after = points.at(-1)?.t ?? null;
  }
}
