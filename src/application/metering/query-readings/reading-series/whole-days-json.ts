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
 * Characters per chunk of joined days: below V8's large-object size, so that a year's answer is young garbage that a
 * scavenge frees, not large objects that bring on a full collection every few requests.
 */
const CHUNK_CHARS = 32 * 1024;

/**
 * The points of whole days (midnight to midnight) as comma-joined chunks of days: stored texts where they still
 * hold, the other days rendered in one more statement and added to `rendered` for the write-back. Empty when the
 * days hold no bucket.
 */
export async function wholeDaysJson(source: WholeDaysSource, days: TimeRange, rendered: RenderedDay[]): Promise<string[]> {
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
  return chunked(parts);
}

function chunked(parts: readonly string[]): string[] {
  const chunks: string[] = [];
  let group: string[] = [];
  let length = 0;
  for (const part of parts) {
    if (length > 0 && length + part.length > CHUNK_CHARS) {
      chunks.push(group.join(','));
      group = [];
      length = 0;
    }
    group.push(part);
    length += part.length + 1;
  }
  if (group.length > 0) chunks.push(group.join(','));
  return chunks;
}
