import type { ReadModelDb, SqlExecutor } from '../../../ports/read-model-db.port.js';
import { bind, epochMs } from '../../../shared/sql.js';
import { READINGS_BUCKETS_TABLE, READINGS_DAY_JSON_TABLE } from '../../readings-read-model/readings.tables.js';
import { DAY_MS } from './series-days.js';
import type { TimeRange } from './series.sql.js';

/** Widths whose days are worth keeping rendered; a day is one 1d point, which costs nothing to render. */
export const CACHED_WIDTHS: readonly string[] = ['15m', '1h'];

/** A database the write-back can use: a transaction lets it skip waiting for the WAL flush. */
export type SeriesDb = SqlExecutor & Partial<Pick<ReadModelDb, 'transaction'>>;

/** The SQL of one bucket's JSON point and of its "only JavaScript prints it right" test, over readings_buckets' columns. */
export interface PointSql {
  readonly point: string;
  readonly inexact: string;
}

/** One whole day as readings_day_json holds it for the current state of its buckets. */
export interface StoredDay {
  /** Midnight (UTC) as epoch milliseconds. */
  readonly dayMs: number;
  /** The day's 1d bucket's revision; null when the day has no 1d bucket. */
  readonly revision: string | null;
  /** The stored points, only while stamped with that revision, and not when the caller holds the day at it. */
  readonly points: string | null;
  /** The caller's own copy carries the day's current revision. */
  readonly held: boolean;
  /**
   * The day has buckets of the width but no 1d bucket. The projection never writes that; a hand-filled table might,
   * and its days are rendered every time rather than dropped.
   */
  readonly unstamped: boolean;
}

interface StoredDayRow {
  day_ms: number;
  revision: string | null;
  points: string | null;
  held: boolean;
  unstamped: boolean;
}

/**
 * Each day of `days` (midnight to midnight) with its 1d bucket's revision and the stored text where that text carries
 * the same revision. Any change of a day's buckets changes its 1d bucket in the same transaction (see the readings
 * projection), so a stored text with the current revision is the day as it is now. `held` names the revision (by the
 * day's epoch ms) of each day the caller has a copy of: where that is still the revision, no text is sent.
 */
export async function storedDays(
  db: SqlExecutor,
  sensorId: string,
  width: string,
  days: TimeRange,
  held: ReadonlyMap<number, string> = new Map(),
): Promise<StoredDay[]> {
  const params: unknown[] = [];
  const sensor = bind(params, sensorId);
  const widthParam = bind(params, width);
  const from = bind(params, days.from);
  const to = bind(params, days.to);
  const heldDays = bind(
    params,
    [...held.keys()].map((ms) => new Date(ms).toISOString()),
  );
  const heldRevisions = bind(params, [...held.values()]);
  const count = Math.round((Date.parse(days.to) - Date.parse(days.from)) / DAY_MS);
  // The integer series lets the planner count the days exactly; it would guess 1000 timestamps.
  const rows = await db.query<StoredDayRow>(
    `SELECT ${epochMs('d.day', 'day_ms')}, b.revision::text AS revision, c.points, coalesce(h.revision = b.revision, false) AS held,
            CASE WHEN b.revision IS NULL THEN EXISTS (
              SELECT 1 FROM ${READINGS_BUCKETS_TABLE} o
               WHERE o.sensor_id = ${sensor} AND o.bucket_width = ${widthParam}
                 AND o.bucket_start >= d.day AND o.bucket_start < d.day + interval '24 hours') ELSE false END AS unstamped
       FROM generate_series(0, ${bind(params, count)}::int - 1) AS i
      CROSS JOIN LATERAL (SELECT ${from}::timestamptz + i * interval '24 hours' AS day) d
       LEFT JOIN ${READINGS_BUCKETS_TABLE} b ON b.sensor_id = ${sensor} AND b.bucket_width = '1d' AND b.bucket_start = d.day
       LEFT JOIN unnest(${heldDays}::timestamptz[], ${heldRevisions}::bigint[]) AS h(day, revision) ON h.day = d.day
       LEFT JOIN ${READINGS_DAY_JSON_TABLE} c
              ON c.sensor_id = ${sensor} AND c.bucket_width = ${widthParam} AND c.day = d.day AND c.revision = b.revision
             AND h.revision IS DISTINCT FROM b.revision
             AND c.day >= ${from}::timestamptz AND c.day < ${to}::timestamptz
      ORDER BY d.day`,
    params,
  );
  return rows.map((row) => ({
    dayMs: Number(row.day_ms),
    revision: row.revision,
    points: row.points,
    held: row.held,
    unstamped: row.unstamped,
  }));
}

/** The revision of each 1d bucket of `days`, by the day's epoch ms: one index range scan, no text. */
export async function dayRevisions(db: SqlExecutor, sensorId: string, days: TimeRange): Promise<Map<number, string>> {
  const rows = await db.query<{ day_ms: number; revision: string }>(
    `SELECT ${epochMs('bucket_start', 'day_ms')}, revision::text AS revision FROM ${READINGS_BUCKETS_TABLE}
      WHERE sensor_id = $1 AND bucket_width = '1d' AND bucket_start >= $2::timestamptz AND bucket_start < $3::timestamptz`,
    [sensorId, days.from, days.to],
  );
  return new Map(rows.map((row) => [Number(row.day_ms), row.revision]));
}

/** A day rendered from its buckets, with its 1d bucket's revision read in the same statement (same snapshot). */
export interface FreshDay {
  readonly revision: string | null;
  readonly points: string;
  /** Holds a number only JavaScript prints right. */
  readonly inexact: boolean;
}

interface FreshDayRow {
  day_ms: number;
  revision: string | null;
  inexact: boolean | null;
  points: string;
}

/**
 * Renders the given days (epoch ms of their midnights) in one statement. The scan is bounded by constants so that
 * the planner sees how many buckets it reads; a per-day lateral scan is estimated far too high and gets JIT-compiled.
 */
export async function freshDays(
  db: SqlExecutor,
  sensorId: string,
  width: string,
  dayMs: readonly number[],
  sql: PointSql,
): Promise<Map<number, FreshDay>> {
  if (dayMs.length === 0) return new Map();
  const params: unknown[] = [];
  const sensor = bind(params, sensorId);
  const iso = (ms: number): string => new Date(ms).toISOString();
  const rows = await db.query<FreshDayRow>(
    `SELECT ${epochMs('r.day', 'day_ms')}, b.revision::text AS revision, r.inexact, r.points
       FROM (SELECT day, bool_or(inexact) AS inexact, string_agg(point, ',' ORDER BY bucket_start) AS points
               FROM (SELECT date_bin('24 hours', bucket_start, '1970-01-01T00:00:00Z') AS day, bucket_start,
                            ${sql.inexact} AS inexact, ${sql.point} AS point
                       FROM ${READINGS_BUCKETS_TABLE}
                      WHERE sensor_id = ${sensor} AND bucket_width = ${bind(params, width)}
                        AND bucket_start >= ${bind(params, iso(Math.min(...dayMs)))}::timestamptz
                        AND bucket_start < ${bind(params, iso(Math.max(...dayMs) + DAY_MS))}::timestamptz) bucket
              WHERE day = ANY(${bind(params, dayMs.map(iso))}::timestamptz[])
              GROUP BY day) r
       LEFT JOIN ${READINGS_BUCKETS_TABLE} b ON b.sensor_id = ${sensor} AND b.bucket_width = '1d' AND b.bucket_start = r.day`,
    params,
  );
  return new Map(
    rows.map((row) => [
      Number(row.day_ms),
      { revision: row.revision, points: row.points, inexact: row.inexact === true },
    ]),
  );
}

/** A day rendered in one snapshot with the 1d revision of that snapshot. */
export interface RenderedDay {
  readonly day: string;
  readonly revision: string;
  readonly points: string;
}

/**
 * Stores rendered days. A row is replaced whenever the revision differs, not only by a higher one: a write rendered
 * before a replay's swap may land in the new table with a number the new rows never reach, and must not block the
 * day. An older render overwriting a newer one only costs a render, since readers compare revisions for equality.
 */
export async function writeDays(
  db: SeriesDb,
  sensorId: string,
  width: string,
  days: readonly RenderedDay[],
): Promise<void> {
  if (days.length === 0) return;
  const statement = `INSERT INTO ${READINGS_DAY_JSON_TABLE} AS cur (sensor_id, bucket_width, day, revision, points)
     SELECT $1, $2, day, revision, points FROM unnest($3::timestamptz[], $4::bigint[], $5::text[]) AS x(day, revision, points)
     ON CONFLICT (sensor_id, bucket_width, day) DO UPDATE SET revision = excluded.revision, points = excluded.points
     WHERE cur.revision <> excluded.revision`;
  const params = [sensorId, width, days.map((d) => d.day), days.map((d) => d.revision), days.map((d) => d.points)];
  if (!db.transaction) {
    await db.query(statement, params);
    return;
  }
  await db.transaction(async (tx) => {
    // A cache row lost in a crash is rendered again: it need not wait for the disk.
    await tx.query('SET LOCAL synchronous_commit TO off');
    await tx.query(statement, params);
  });
}

/** Stores rendered days off the answer's path: later, never awaited by a reader, and failures only cost a render. */
export class DayJsonWriteBack {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly db: SeriesDb) {}

  store(sensorId: string, width: string, days: readonly RenderedDay[]): void {
    if (days.length === 0) return;
    // Day order, so that two writes of overlapping days take their row locks in the same order and never deadlock.
    const copy = [...days].sort((a, b) => Date.parse(a.day) - Date.parse(b.day));
    const write: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => writeDays(this.db, sensorId, width, copy))
      .catch(() => undefined)
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** Resolves once every write handed over so far has ended, stored or not. */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }
}
