import type { SqlExecutor } from '../../../ports/read-model-db.port.js';
import { bind } from '../../../shared/sql.js';
import { READINGS_BUCKETS_TABLE } from '../../readings-read-model/readings.tables.js';
import type { SeriesSensor } from './query-reading-series.query.js';
import { CACHED_WIDTHS, type DayJsonWriteBack, type PointSql, type RenderedDay } from './day-json-cache.sql.js';
import type { RenderedDayMemory } from './rendered-day-memory.js';
import { dayWindows, splitAtUtcDays } from './series-days.js';
import { bucketPages, type TimeRange } from './series.sql.js';
import { wholeDaysJson } from './whole-days-json.js';

/**
 * A float8 expression as the text JSON.stringify gives the same double in JavaScript. Postgres prints the shortest
 * round-trip digits like JavaScript (extra_float_digits at its default of 1), but switches to exponent notation
 * outside [1e-4, 1e15) where JavaScript uses [1e-6, 1e21), pads exponents ("1e-07"), keeps "-0" and has NaN and
 * Infinity, which JSON writes as null. The first branch is the common case and costs one comparison pair.
 * Between 2^53 and 1e21 Postgres sometimes prints 17 digits where JavaScript needs 16 (no other magnitude differs in
 * random-bit samples); `inexactNumberSql` finds those values so that the caller formats them in JavaScript.
 */
export function jsonNumberSql(x: string): string {
  return `CASE
    WHEN abs(${x}) >= 1e-4::float8 AND abs(${x}) < 1e15::float8 THEN (${x})::text
    WHEN ${x} IS NULL OR ${x} IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8) THEN 'null'
    WHEN ${x} = 0 OR (abs(${x}) >= 1e-6::float8 AND abs(${x}) < 1e21::float8) THEN (${x})::text::numeric::text
    ELSE regexp_replace((${x})::text, 'e([+-])0*', 'e\\1') END`;
}

/** True where `jsonNumberSql(x)` may not be JavaScript's text. */
export function inexactNumberSql(x: string): string {
  return `(abs(${x}) >= 9007199254740992::float8 AND abs(${x}) < 1e21::float8)`;
}

const EXACT_ISO = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A bucket start as a JSON string, the same text as the row path's ISO time. The fast branch reads the timestamp's
 * own text output, which is ISO only under DateStyle ISO (checked once per query) and has no fraction because bucket
 * starts are whole minutes; the caller keeps years within 4 digits (see `fastTimeRange`). to_char costs twice as much.
 */
function jsonBucketStartSql(fast: boolean): string {
  const exact = `'"' || ${EXACT_ISO('bucket_start')} || '"'`;
  if (!fast) return exact;
  return `CASE WHEN (SELECT current_setting('DateStyle') LIKE 'ISO%')
    THEN '"' || replace((bucket_start AT TIME ZONE 'UTC')::text, ' ', 'T') || '.000Z"' ELSE ${exact} END`;
}

/** Years 1..9999: there the timestamp text has the 4-digit year that to_char and toISOString write too. */
export function fastTimeRange(range: TimeRange): boolean {
  // toISOString writes years outside 0..9999 with a sign, which sorts before the digits.
  return range.from >= '0001-01-01T00:00:00.000Z' && range.to >= '0001-01-01T00:00:00.000Z';
}

/** The row path's avg: the same float8 division JavaScript does, null for a bucket without values. */
const AVG = `CASE WHEN sample_count > 0 THEN value_sum / sample_count END`;

function pointSql(sensor: SeriesSensor, fastTime: boolean): string {
  const t = `'{"t":' || ${jsonBucketStartSql(fastTime)} || ',"count":' || sample_count`;
  if (sensor.kind === 'counter') return `${t} || ',"delta":' || ${jsonNumberSql('delta')} || '}'`;
  return `${t} || ',"avg":' || ${jsonNumberSql(AVG)} || ',"min":' || ${jsonNumberSql('value_min')} || ',"max":' || ${jsonNumberSql('value_max')} || '}'`;
}

function inexactSql(sensor: SeriesSensor): string {
  if (sensor.kind === 'counter') return inexactNumberSql('delta');
  return [AVG, 'value_min', 'value_max'].map(inexactNumberSql).join(' OR ');
}

/** Buckets per JSON page: about 0.6 MB of text, a quarter of the largest 15-minute answer. */
export const BUCKET_JSON_PAGE_SIZE = 10_000;

interface JsonPageRow {
  inexact: boolean | null;
  points: string | null;
}

/** The window's points through the row path, for the rare window holding a number only JavaScript prints right. */
async function windowFromRows(
  db: SqlExecutor,
  sensor: SeriesSensor,
  width: string,
  window: TimeRange,
): Promise<string> {
  const parts: string[] = [];
  for await (const page of bucketPages(db, sensor, width, window))
    parts.push(...page.map((point) => JSON.stringify(point)));
  return parts.join(',');
}

/** One window's points rendered from its buckets; null when it has none. */
async function bucketWindowJson(
  db: SqlExecutor,
  sensor: SeriesSensor,
  width: string,
  window: TimeRange,
  sql: PointSql,
): Promise<string[]> {
  const params: unknown[] = [];
  const rows = await db.query<JsonPageRow>(
    `SELECT bool_or(${sql.inexact}) AS inexact, string_agg(${sql.point}, ',') AS points
       FROM (SELECT bucket_start, sample_count, value_sum, value_min, value_max, delta
               FROM ${READINGS_BUCKETS_TABLE}
              WHERE sensor_id = ${bind(params, sensor.sensorId)} AND bucket_width = ${bind(params, width)}
                AND bucket_start >= ${bind(params, window.from)}::timestamptz AND bucket_start < ${bind(params, window.to)}::timestamptz
              ORDER BY bucket_start) page`,
    params,
  );
  const page = rows[0];
  if (!page || page.points === null) return [];
  return [page.inexact === true ? await windowFromRows(db, sensor, width, window) : page.points];
}

/**
 * Whole days looked up per statement: a 15-minute request's every day (its range is at most 400 days) in one round
 * trip, which is most of the work once the days are held in memory; the text that comes back is at most a few MB.
 */
const WHOLE_DAYS_PER_READ = 400;

const WIDTH_MS: Readonly<Record<string, number>> = { '15m': 15 * 60_000, '1h': 60 * 60_000, '1d': 24 * 60 * 60_000 };

/** [from, to) cut into windows of `pageSize` bucket widths: a window holds at most pageSize buckets of that width. */
export function bucketWindows(range: TimeRange, width: string, pageSize: number): TimeRange[] {
  const step = (WIDTH_MS[width] ?? Number.NaN) * pageSize;
  if (!Number.isFinite(step)) throw new Error(`unknown bucket width ${width}`);
  const end = Date.parse(range.to);
  const windows: TimeRange[] = [];
  for (let start = Date.parse(range.from); start < end; start += step) {
    windows.push({ from: new Date(start).toISOString(), to: new Date(Math.min(start + step, end)).toISOString() });
  }
  return windows;
}

/** Starts each read one page ahead of the one being written out, and yields the chunks of points each read answers. */
async function* readAhead(reads: readonly (() => Promise<readonly string[]>)[]): AsyncGenerator<string> {
  let next = reads.length > 0 ? reads[0]!() : null;
  for (let i = 0; next !== null; i++) {
    const current = next;
    next = i + 1 < reads.length ? reads[i + 1]!() : null;
    // A consumer that stops early leaves the read ahead unawaited; its failure must not become an unhandled one.
    next?.catch(() => undefined);
    for (const points of await current) yield points;
  }
}

/**
 * One sensor's buckets as JSON texts, each a comma-joined run of point objects exactly as JSON.stringify writes
 * the points of `bucketPages`, built by the database in one value per window: Node then neither parses a row per
 * bucket nor builds an object per point. The ordered sub-select feeds string_agg in bucket order (Postgres keeps a
 * sub-select's order for an aggregate above it). Time windows, unlike keyset pages, do not depend on each other, so
 * the next window is read while the current one is written out: on a pool that is a second connection and core.
 * Whole UTC days of 15m and 1h buckets come from readings_day_json where it holds the day's current revision; days
 * rendered here are handed to `days.writeBack`, when given, once the pages are out; `days.memory` keeps this
 * process's copies of the days it served.
 */
export async function* bucketJsonPages(
  db: SqlExecutor,
  sensor: SeriesSensor,
  width: string,
  range: TimeRange,
  pageSize: number,
  days: { readonly writeBack?: DayJsonWriteBack; readonly memory?: RenderedDayMemory } = {},
): AsyncGenerator<string> {
  const sql: PointSql = { point: pointSql(sensor, fastTimeRange(range)), inexact: inexactSql(sensor) };
  const fromBuckets = (window: TimeRange) => (): Promise<string[]> => bucketWindowJson(db, sensor, width, window, sql);
  if (!CACHED_WIDTHS.includes(width)) {
    yield* readAhead(bucketWindows(range, width, pageSize).map(fromBuckets));
    return;
  }
  const rendered: RenderedDay[] = [];
  const source = {
    db,
    sensorId: sensor.sensorId,
    width,
    sql,
    fromRows: (window: TimeRange) => windowFromRows(db, sensor, width, window),
    ...(days.memory ? { memory: days.memory } : {}),
  };
  const wholeDays = (window: TimeRange) => (): Promise<string[]> => wholeDaysJson(source, window, rendered);
  const { head, days: whole, tail } = splitAtUtcDays(range);
  const reads = [
    ...(head ? bucketWindows(head, width, pageSize).map(fromBuckets) : []),
    ...(whole ? dayWindows(whole, WHOLE_DAYS_PER_READ).map(wholeDays) : []),
    ...(tail ? bucketWindows(tail, width, pageSize).map(fromBuckets) : []),
  ];
  try {
    yield* readAhead(reads);
  } finally {
    days.writeBack?.store(sensor.sensorId, width, rendered);
  }
}
