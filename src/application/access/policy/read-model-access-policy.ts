import { Inject, Injectable } from '@nestjs/common';
import { actorIdOf, isAdmin, type Principal } from '../../../domain/access/principal.js';
import type { ResolvedSensorScope } from '../sensor-scope/live-scope.js';
import type { SensorScope } from '../sensor-scope/sensor-access.port.js';
import { LATEST_SCOPE_COLUMNS, scopeCondition } from '../sensor-scope/sensor-scope.js';
import { READINGS_LATEST_TABLE } from '../../metering/readings-read-model/readings.tables.js';
import { NODES_TABLE } from '../../devices/nodes-read-model/nodes.tables.js';
import { bind } from '../../shared/sql.js';
import { OWNERSHIP_PERIODS_TABLE } from '../ownership-periods-read-model/ownership-periods.tables.js';
import { CLOCK, type Clock } from '../../ports/clock.port.js';
import { READ_MODEL_DB, type SqlExecutor } from '../../ports/read-model-db.port.js';
import { AdminRequiredError, NotAuthenticatedError, ObjectNotVisibleError } from '../access.errors.js';
import type { AccessPolicy, AccessRight, GatewayScope } from '../ports/access-policy.port.js';
import {
  GATEWAY_OWNERS_TABLE,
  GRANT_OBJECTS_TABLE,
  SENSOR_VISIBILITY_TABLE,
} from '../access-read-model/access.tables.js';

const RIGHT_COLUMN: Record<AccessRight, string> = {
  read: 'can_read',
  aggregate: 'can_aggregate',
  command: 'can_command',
};

function authenticated(principal: Principal): Exclude<Principal, { kind: 'anonymous' }> {
  if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
  return principal;
}

/** The gateway's period around `at` (SQL expressions) has been erased (ADR 0030). */
const erasedAt = (gateway: string, at: string): string =>
  `EXISTS (SELECT 1 FROM ${OWNERSHIP_PERIODS_TABLE} e WHERE e.gateway_id = ${gateway} AND e.erased_at IS NOT NULL
     AND e.valid_from <= ${at}::timestamptz AND (e.valid_to IS NULL OR ${at}::timestamptz < e.valid_to))`;

const ownerIdOf = (principal: Exclude<Principal, { kind: 'anonymous' }>): string | null =>
  principal.kind === 'user' ? principal.userId : null;

/**
 * The access policy over the ownership, grant and visibility read models. Sensor scopes are handed out unresolved
 * and evaluated inside the caller's own SQL, so the hot read paths pay no extra round trip and always see the
 * current grants; everything else is one indexed query.
 */
@Injectable()
export class ReadModelAccessPolicy implements AccessPolicy {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: SqlExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  sensorScope(principal: Principal, right: AccessRight): Promise<SensorScope> {
    const who = authenticated(principal);
    if (isAdmin(who)) return Promise.resolve({ kind: 'all' });
    return Promise.resolve({
      kind: 'principal',
      ownerId: ownerIdOf(who),
      grantee: actorIdOf(who),
      right,
      at: this.clock.now().toISOString(),
      publicAggregate: right === 'aggregate',
    });
  }

  async resolveSensorScope(
    principal: Principal,
    right: AccessRight,
    sensorIds: readonly string[],
  ): Promise<ResolvedSensorScope> {
    const who = authenticated(principal);
    if (isAdmin(who)) return { kind: 'all' };
    const ownerId = ownerIdOf(who);
    // Live readings are measured now: what counts is who owns the gateways now, and grants of those owners.
    const owned =
      ownerId === null
        ? []
        : await this.db.query<{ gateway_id: string }>(
            `SELECT gateway_id FROM ${OWNERSHIP_PERIODS_TABLE} WHERE owner_id = $1 AND valid_to IS NULL`,
            [ownerId],
          );
    const gatewayOf = `CASE g.object_kind WHEN 'gateway' THEN g.object_id
        WHEN 'node' THEN (SELECT n.gateway_id FROM ${NODES_TABLE} n WHERE n.node_id = g.object_id)
        ELSE (SELECT s.gateway_id FROM ${READINGS_LATEST_TABLE} s WHERE s.sensor_id = g.object_id) END`;
    const granted = await this.db.query<{
      object_kind: string;
      object_id: string;
      expires_ms: number | null;
      gateway_id: string | null;
      owner_now: string | null;
    }>(
      `SELECT g.object_kind, g.object_id, (extract(epoch FROM g.expires_at) * 1000)::float8 AS expires_ms,
              ${gatewayOf} AS gateway_id,
              (SELECT o.owner_id FROM ${OWNERSHIP_PERIODS_TABLE} o WHERE o.gateway_id = ${gatewayOf} AND o.valid_to IS NULL) AS owner_now
         FROM ${GRANT_OBJECTS_TABLE} g WHERE g.grantee = $1 AND g.${RIGHT_COLUMN[right]}
          AND (g.bound_owner IS NULL OR EXISTS (SELECT 1 FROM ${OWNERSHIP_PERIODS_TABLE} p
                WHERE p.owner_id = g.bound_owner AND p.valid_to IS NULL AND p.gateway_id = ${gatewayOf}))`,
      [actorIdOf(who)],
    );
    const privateRows = await this.db.query<{ sensor_id: string }>(
      `SELECT sensor_id FROM ${SENSOR_VISIBILITY_TABLE} WHERE visibility = 'private' AND sensor_id = ANY($1::text[])`,
      [sensorIds],
    );
    const ownersNow = new Map<string, string>();
    for (const row of owned) if (ownerId !== null) ownersNow.set(row.gateway_id, ownerId);
    const expiries = new Map<string, number>();
    for (const row of granted) {
      if (row.gateway_id !== null && row.owner_now !== null) ownersNow.set(row.gateway_id, row.owner_now);
      const key = `${row.object_kind}:${row.object_id}`;
      const expires = row.expires_ms === null ? Infinity : Number(row.expires_ms);
      expiries.set(key, Math.max(expiries.get(key) ?? -Infinity, expires));
    }
    return {
      kind: 'some',
      ownedGateways: new Set(owned.map((r) => r.gateway_id)),
      granted: expiries,
      privateSensors: new Set(privateRows.map((r) => r.sensor_id)),
      ownersNow,
    };
  }

  async gatewayScope(principal: Principal): Promise<GatewayScope> {
    const who = authenticated(principal);
    if (isAdmin(who)) return { kind: 'all' };
    const ownerId = ownerIdOf(who);
    if (ownerId === null) return { kind: 'some', gatewayIds: [] };
    const rows = await this.db.query<{ gateway_id: string }>(
      `SELECT gateway_id FROM ${GATEWAY_OWNERS_TABLE} WHERE owner_id = $1 ORDER BY gateway_id`,
      [ownerId],
    );
    return { kind: 'some', gatewayIds: rows.map((r) => r.gateway_id) };
  }

  async assertSensorRight(principal: Principal, sensorId: string, right: AccessRight, at?: string): Promise<void> {
    const scope = await this.sensorScope(principal, right);
    const params: unknown[] = [sensorId];
    // Only a principal's condition names the time: an unused parameter would have no type.
    const time = scope.kind === 'principal' ? { time: `${bind(params, at ?? scope.at)}::timestamptz` } : ({} as const);
    const scoped = scopeCondition(scope, params, { ...LATEST_SCOPE_COLUMNS, ...time });
    // Admins read what the log holds of an erased period (commands) through here too: for them as for everyone it is gone.
    const notErased =
      at === undefined ? '' : ` AND NOT ${erasedAt(`${READINGS_LATEST_TABLE}.gateway_id`, bind(params, at))}`;
    const rows = await this.db.query(
      `SELECT 1 FROM ${READINGS_LATEST_TABLE} WHERE sensor_id = $1${scoped ? ` AND ${scoped}` : ''}${notErased}`,
      params,
    );
    if (rows.length === 0) throw new ObjectNotVisibleError('sensor', sensorId);
  }

  async assertGatewayOwner(principal: Principal, gatewayId: string, at?: string): Promise<void> {
    const who = authenticated(principal);
    if (isAdmin(who)) {
      if (at === undefined) return;
      const erased = await this.db.query(`SELECT 1 WHERE ${erasedAt('$1', '$2')}`, [gatewayId, at]);
      if (erased.length > 0) throw new ObjectNotVisibleError('gateway', gatewayId);
      return;
    }
    const ownerId = ownerIdOf(who);
    const rows =
      ownerId === null
        ? []
        : at === undefined
          ? await this.db.query(`SELECT 1 FROM ${GATEWAY_OWNERS_TABLE} WHERE gateway_id = $1 AND owner_id = $2`, [
              gatewayId,
              ownerId,
            ])
          : await this.db.query(
              `SELECT 1 FROM ${OWNERSHIP_PERIODS_TABLE} WHERE gateway_id = $1 AND owner_id = $2
                  AND erased_at IS NULL AND valid_from <= $3::timestamptz AND (valid_to IS NULL OR $3::timestamptz < valid_to)`,
              [gatewayId, ownerId, at],
            );
    if (rows.length === 0) throw new ObjectNotVisibleError('gateway', gatewayId);
  }

  assertAdmin(principal: Principal, operation = 'this operation'): void {
    if (!isAdmin(authenticated(principal))) throw new AdminRequiredError(operation);
  }
}
