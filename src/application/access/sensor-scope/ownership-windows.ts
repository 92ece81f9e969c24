import { GRANT_OBJECTS_TABLE, SENSOR_VISIBILITY_TABLE } from '../access-read-model/access.tables.js';
import { OWNERSHIP_PERIODS_TABLE } from '../ownership-periods-read-model/ownership-periods.tables.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import { bind } from '../../shared/sql.js';
import type { SensorScope } from './sensor-access.port.js';

export interface TimeWindow {
  /** ISO-8601, inclusive. */
  readonly from: string;
  /** ISO-8601, exclusive. */
  readonly to: string;
}

export interface ScopedSensor {
  readonly sensorId: string;
  readonly nodeId: string;
  readonly gatewayId: string;
}

const RIGHT_COLUMN = { read: 'can_read', aggregate: 'can_aggregate', command: 'can_command' } as const;

/** Sorted, merged, clipped to `range`: the parts of the range inside at least one of the intervals. */
export function clipWindows(
  intervals: readonly { readonly fromMs: number | null; readonly toMs: number | null }[],
  range: TimeWindow,
): TimeWindow[] {
  const lo = Date.parse(range.from);
  const hi = Date.parse(range.to);
  const clipped = intervals
    .map(({ fromMs, toMs }) => [Math.max(fromMs ?? -Infinity, lo), Math.min(toMs ?? Infinity, hi)] as const)
    .filter(([from, to]) => from < to)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of clipped) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged.map(([from, to]) => ({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }));
}

/**
 * The parts of `range` in which the scope reaches one sensor's data (ADR 0024): its gateway's ownership periods of
 * the owner asking, and of the owners whose live grants the asker holds (minus private sensors), the period of the
 * owner of the moment for public-aggregate buckets made public by them (ADR 0030), or all of it for admins and
 * admins' grants. Series read each window on its own.
 */
export async function accessWindows(
  db: SqlExecutor,
  scope: SensorScope,
  sensor: ScopedSensor,
  range: TimeWindow,
): Promise<TimeWindow[]> {
  if (scope.kind !== 'principal') return clipWindows([{ fromMs: null, toMs: null }], range);
  const params: unknown[] = [];
  const grantee = bind(params, scope.grantee);
  const at = bind(params, scope.at);
  const sensorId = bind(params, sensor.sensorId);
  const nodeId = bind(params, sensor.nodeId);
  const gatewayId = bind(params, sensor.gatewayId);
  const grants = `FROM ${GRANT_OBJECTS_TABLE} g WHERE g.grantee = ${grantee} AND g.${RIGHT_COLUMN[scope.right]}
      AND (g.expires_at IS NULL OR g.expires_at > ${at}::timestamptz)
      AND ((g.object_kind = 'sensor' AND g.object_id = ${sensorId}) OR (g.object_kind = 'node' AND g.object_id = ${nodeId})
        OR (g.object_kind = 'gateway' AND g.object_id = ${gatewayId}))
      AND NOT EXISTS (SELECT 1 FROM ${SENSOR_VISIBILITY_TABLE} v WHERE v.sensor_id = ${sensorId} AND v.visibility = 'private')`;
  const owners = [`p.owner_id IN (SELECT g.bound_owner ${grants})`];
  if (scope.ownerId !== null) owners.push(`p.owner_id = ${bind(params, scope.ownerId)}`);
  const unbounded = [`EXISTS (SELECT 1 ${grants} AND g.bound_owner IS NULL)`];
  // Public buckets show only the period of the owner who made them public, the owner of the moment (ADR 0030).
  const publicPeriod = scope.publicAggregate
    ? `OR (p.valid_to IS NULL AND EXISTS (SELECT 1 FROM ${SENSOR_VISIBILITY_TABLE} v WHERE v.sensor_id = ${sensorId}
           AND v.visibility = 'public_aggregate' AND v.changed_at >= p.valid_from))`
    : '';
  const rows = await db.query<{ from_ms: number | null; to_ms: number | null }>(
    `SELECT CASE WHEN isfinite(p.valid_from) THEN (extract(epoch FROM p.valid_from) * 1000)::float8 END AS from_ms,
            (extract(epoch FROM p.valid_to) * 1000)::float8 AS to_ms
       FROM ${OWNERSHIP_PERIODS_TABLE} p WHERE p.gateway_id = ${gatewayId} AND p.erased_at IS NULL
        AND (${owners.join(' OR ')} ${publicPeriod})
     UNION ALL
     SELECT NULL::float8, NULL::float8 WHERE ${unbounded.join(' OR ')}`,
    params,
  );
  const toNumber = (value: number | null): number | null => (value === null ? null : Number(value));
  return clipWindows(
    rows.map((row) => ({ fromMs: toNumber(row.from_ms), toMs: toNumber(row.to_ms) })),
    range,
  );
}

/**
 * The bucket starts to read for one window of a series over `range`: at an edge that an ownership period set, only
 * buckets lying entirely inside the window count, so a bucket that spans a handover is shown to neither owner
 * (ADR 0024; the raw series shows each their own part). The request's own edges keep their meaning (buckets by
 * their start).
 */
export function bucketStartsIn(window: TimeWindow, range: TimeWindow, widthMs: number): TimeWindow | null {
  const from =
    window.from === range.from ? Date.parse(window.from) : Math.ceil(Date.parse(window.from) / widthMs) * widthMs;
  const to = window.to === range.to ? Date.parse(window.to) : Math.floor(Date.parse(window.to) / widthMs) * widthMs;
  return from < to ? { from: new Date(from).toISOString(), to: new Date(to).toISOString() } : null;
}
