import type { SqlExecutor } from '../../../ports/read-model-db.port.js';
import { dayRevisions, freshDays, storedDays, type PointSql, type RenderedDay } from './day-json-cache.sql.js';
import type { RememberedDay, RenderedDayMemory } from './rendered-day-memory.js';
import { DAY_MS } from './series-days.js';
import type { TimeRange } from './series.sql.js';

export interface WholeDaysSource {
  readonly db: SqlExecutor;
  readonly sensorId: string;
  readonly width: string;
  readonly sql: PointSql;
  /** The row path's JSON of a range, for a day holding a number only JavaScript prints right. */
  readonly fromRows: (range: TimeRange) => Promise<string>;
  /** This process's copies of recently served days. */
  readonly memory?: RenderedDayMemory;
}

/**
 * Characters per chunk of joined days: below V8's large-object size, so that a year's answer is young garbage that a
 * scavenge frees, not large objects that bring on a full collection every few requests.
 */
const CHUNK_CHARS = 32 * 1024;

/** The copies `memory` holds of the days of `days`, whatever their revision. */
function recalled(
  memory: RenderedDayMemory | undefined,
  sensorId: string,
  width: string,
  days: TimeRange,
): Map<number, RememberedDay> {
  const held = new Map<number, RememberedDay>();
  if (!memory) return held;
  for (let dayMs = Date.parse(days.from); dayMs < Date.parse(days.to); dayMs += DAY_MS) {
    const day = memory.recall(sensorId, width, dayMs);
    if (day) held.set(dayMs, day);
  }
  return held;
}

/**
 * The points of every day of `days`, in order, when this process holds each at the revision its 1d bucket carries
 * now; undefined when any day is not held that way (or has no 1d bucket), which the full look-up then sorts out.
 */
async function stillHeld(
  db: SqlExecutor,
  sensorId: string,
  days: TimeRange,
  copies: ReadonlyMap<number, RememberedDay>,
): Promise<string[] | undefined> {
  const dayCount = Math.round((Date.parse(days.to) - Date.parse(days.from)) / DAY_MS);
  if (copies.size < dayCount) return undefined;
  const revisions = await dayRevisions(db, sensorId, days);
  const points: string[] = [];
  for (let dayMs = Date.parse(days.from); dayMs < Date.parse(days.to); dayMs += DAY_MS) {
    const copy = copies.get(dayMs);
    if (!copy || revisions.get(dayMs) !== copy.revision) return undefined;
    points.push(copy.points);
  }
  return points;
}

/**
 * The points of whole days (midnight to midnight) as comma-joined chunks of days: this process's copies and the
 * stored texts where they still hold, the other days rendered in one more statement and added to `rendered` for the
 * write-back. Empty when the days hold no bucket.
 */
export async function wholeDaysJson(
  source: WholeDaysSource,
  days: TimeRange,
  rendered: RenderedDay[],
): Promise<string[]> {
  const { db, sensorId, width, sql, memory } = source;
  const copies = recalled(memory, sensorId, width, days);
  const held = await stillHeld(db, sensorId, days, copies);
  if (held) return chunked(held);
  const stored = await storedDays(
    db,
    sensorId,
    width,
    days,
    new Map([...copies].map(([dayMs, day]) => [dayMs, day.revision])),
  );
  const missing = stored
    .filter((day) => !day.held && day.points === null && (day.revision !== null || day.unstamped))
    .map((day) => day.dayMs);
  const fresh = await freshDays(db, sensorId, width, missing, sql);
  const parts: string[] = [];
  const keep = (dayMs: number, revision: string | null, points: string): void => {
    if (revision !== null) memory?.remember(sensorId, width, dayMs, { revision, points });
  };
  for (const day of stored) {
    const copy = day.held ? copies.get(day.dayMs) : undefined;
    if (copy) {
      parts.push(copy.points);
      continue;
    }
    if (day.points !== null) {
      parts.push(day.points);
      keep(day.dayMs, day.revision, day.points);
      continue;
    }
    const render = fresh.get(day.dayMs);
    if (!render) continue;
    if (render.inexact) {
      parts.push(
        await source.fromRows({
          from: new Date(day.dayMs).toISOString(),
          to: new Date(day.dayMs + DAY_MS).toISOString(),
        }),
      );
      continue;
    }
    parts.push(render.points);
    keep(day.dayMs, render.revision, render.points);
    if (render.revision !== null)
      rendered.push({ day: new Date(day.dayMs).toISOString(), revision: render.revision, points: render.points });
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
