import type { SqlExecutor } from '../../../ports/read-model-db.port.js';
import { freshDays, storedDays, type PointSql, type RenderedDay } from './day-json-cache.sql.js';
import { DAY_MS } from './series-days.js';
import type { TimeRange } from './series.sql.js';

export interface WholeDaysSource {
  readonly db: SqlExecutor;
  readonly sensorId: string;
  readonly width: string;
  readonly sql: PointSql;
  /** The row path's JSON of a range, for a day holding a number only JavaScript prints right. */
  readonly fromRows: (range: TimeRange) => Promise<string>;
}

/**
 * The points of whole days (midnight to midnight): stored texts where they still hold, the other days rendered in
 * one more statement and added to `rendered` for the write-back. Null when the days hold no bucket.
 */
export async function wholeDaysJson(source: WholeDaysSource, days: TimeRange, rendered: RenderedDay[]): Promise<string | null> {
  const { db, sensorId, width, sql } = source;
  const stored = await storedDays(db, sensorId, width, days);
  const missing = stored.filter((day) => day.points === null && (day.revision !== null || day.unstamped)).map((day) => day.dayMs);
  const fresh = await freshDays(db, sensorId, width, missing, sql);
  const parts: string[] = [];
  for (const day of stored) {
    if (day.points !== null) {
      parts.push(day.points);
      continue;
    }
    const render = fresh.get(day.dayMs);
    if (!render) continue;
    if (render.inexact) {
      parts.push(await source.fromRows({ from: new Date(day.dayMs).toISOString(), to: new Date(day.dayMs + DAY_MS).toISOString() }));
      continue;
    }
    parts.push(render.points);
    if (render.revision !== null) rendered.push({ day: new Date(day.dayMs).toISOString(), revision: render.revision, points: render.points });
  }
  return parts.length > 0 ? parts.join(',') : null;
}
