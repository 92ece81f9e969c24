import { compileEvent } from '../../../domain/market/signal-segments/compile-event.js';
import { mergeTimelines } from '../../../domain/market/signal-segments/merge-timelines.js';
import type { OadrEventContent } from '../../../domain/market/signal-segments/signal-content.js';
import type { PlannerAlarm, PlugFacts, ProgramSignals } from '../../../domain/automation/planner.types.js';
import type { Span } from '../../../domain/automation/intervals.js';
import type { SensorScope } from '../../access/sensor-scope/sensor-access.port.js';
import { scopeCondition } from '../../access/sensor-scope/sensor-scope.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import { epochMs } from '../../shared/sql.js';
import { GRID_SIGNALS_TABLE } from '../../market/grid-signals-read-model/grid-signals.tables.js';
import { ALARMS_TABLE } from '../../monitoring/alarms-read-model/alarms.projection.js';
import { ALARM_SCOPE_COLUMNS } from '../../monitoring/query-alarms/alarm-rows.sql.js';

/** More events than this in one plan is a misuse of a dry run; the newest are taken. */
const EVENTS_MAX = 2000;

interface EventRow {
  event_id: string;
  program_id: string;
  content: OadrEventContent | string;
  modified_at: string;
}

/**
 * Grid signals of these programs (every program when null: public prices need no enrollment) that may touch the
 * interval, compiled and merged per program exactly as the market read model does (ADR 0022).
 */
export async function loadProgramSignals(
  db: SqlExecutor,
  programIds: readonly string[] | null,
  interval: Span,
  timeZone: string,
): Promise<ProgramSignals[]> {
  const rows = await db.query<EventRow>(
    `SELECT event_id, program_id, content, modified_at FROM ${GRID_SIGNALS_TABLE}
      WHERE NOT zeroed AND (ends_at IS NULL OR ends_at > $1::timestamptz)
        AND ($2::text[] IS NULL OR program_id = ANY($2::text[]))
      ORDER BY seq DESC LIMIT ${EVENTS_MAX}`,
    [new Date(interval.from).toISOString(), programIds],
  );
  const byProgram = new Map<string, ReturnType<typeof compileEvent>[]>();
  for (const row of rows) {
    const content = typeof row.content === 'string' ? (JSON.parse(row.content) as OadrEventContent) : row.content;
    const compiled = compileEvent(
      { ...content, id: row.event_id, modificationDateTime: row.modified_at },
      { timeZone, window: interval },
    );
    byProgram.set(row.program_id, [...(byProgram.get(row.program_id) ?? []), compiled]);
  }
  return [...byProgram].map(([programId, events]) => ({ programId, segments: mergeTimelines(events).segments }));
}

interface AlarmRow {
  node_id: string;
  kind: string;
  raised_at: number;
  cleared_at: number | null;
}

/** Alarms the owner may read that were open at some time of the interval. */
export async function loadAlarms(db: SqlExecutor, scope: SensorScope, interval: Span): Promise<PlannerAlarm[]> {
  const params: unknown[] = [new Date(interval.to).toISOString(), new Date(interval.from).toISOString()];
  const scoped = scopeCondition(scope, params, ALARM_SCOPE_COLUMNS);
  const rows = await db.query<AlarmRow>(
    `SELECT node_id, kind, ${epochMs('raised_at')}, ${epochMs('cleared_at')} FROM ${ALARMS_TABLE}
      WHERE raised_at < $1::timestamptz AND (cleared_at IS NULL OR cleared_at > $2::timestamptz)
      ${scoped ? `AND ${scoped}` : ''}`,
    params,
  );
  return rows.map((r) => ({
    nodeId: r.node_id,
    kind: r.kind,
    raisedAt: Number(r.raised_at),
    clearedAt: r.cleared_at === null ? null : Number(r.cleared_at),
  }));
}

interface LatestRow {
  sensor_id: string;
  quantity: string;
  value: number;
}

/** The latest switch state and power of the sensors the rules name; a sensor never heard from is unknown. */
export async function loadPlugFacts(db: SqlExecutor, sensorIds: readonly string[]): Promise<PlugFacts[]> {
  if (sensorIds.length === 0) return [];
  const rows = await db.query<LatestRow>(
    `SELECT sensor_id, quantity, value FROM readings_latest WHERE sensor_id = ANY($1::text[])`,
    [sensorIds],
  );
  return sensorIds.map((sensorId) => {
    const row = rows.find((r) => r.sensor_id === sensorId);
    if (!row) return { sensorId, state: 'unknown', watts: null };
    if (row.quantity === 'switchState') return { sensorId, state: Number(row.value) > 0 ? 'on' : 'off', watts: null };
    return { sensorId, state: 'unknown', watts: row.quantity === 'power' ? Number(row.value) : null };
  });
}
