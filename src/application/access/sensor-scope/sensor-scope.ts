import {
  GRANT_OBJECTS_TABLE,
  SENSOR_VISIBILITY_TABLE,
  type GrantObjectKind,
} from '../access-read-model/access.tables.js';
import type { AccessRight } from '../ports/access-policy.port.js';
import { bind } from '../../shared/sql.js';
import { READINGS_LATEST_TABLE } from '../../metering/readings-read-model/readings.tables.js';
import type { SensorScope } from './sensor-access.port.js';
import { OWNERSHIP_PERIODS_TABLE } from '../ownership-periods-read-model/ownership-periods.tables.js';

/** Column names of the table being narrowed, qualified with its table (correlated probes must not capture them); `sensor` absent means the table has none (nodes). */
export interface ScopedColumns {
  readonly gateway: string;
  readonly sensor?: string;
  readonly node?: string;
  /**
   * When the row's data came to be (measured, raised, requested): a row counts only inside an ownership period of
   * the owner asking, or of the owner who gave the grant. Absent, any period counts (which sensors someone may ask
   * about at all; the data queries then bound each row by its own time).
   */
  readonly time?: string;
}

/** The period conditions on `p` (an ownership_periods row) that hold `time`; empty when no time bounds the rows. */
function heldAt(time: string | undefined): string {
  return time === undefined ? '' : ` AND p.valid_from <= ${time} AND (p.valid_to IS NULL OR ${time} < p.valid_to)`;
}

/** The gateway was `owner`'s (an SQL expression) when the row's data came to be. */
function ownedBy(owner: string, columns: ScopedColumns): string {
  // An erased period (ADR 0030) reaches nothing any more, not even its former owner's own reads.
  return `EXISTS (SELECT 1 FROM ${OWNERSHIP_PERIODS_TABLE} p WHERE p.gateway_id = ${columns.gateway} AND p.owner_id = ${owner}
            AND p.erased_at IS NULL${heldAt(columns.time)})`;
}

/** A grant reaches only data of its grantor's own periods; an admin's grant (no bound owner) reaches all. */
function withinGrantorPeriods(columns: ScopedColumns): string {
  return `(g.bound_owner IS NULL OR ${ownedBy('g.bound_owner', columns)})`;
}

const RIGHT_COLUMN: Record<AccessRight, string> = {
  read: 'can_read',
  aggregate: 'can_aggregate',
  command: 'can_command',
};

type PrincipalScope = Extract<SensorScope, { kind: 'principal' }>;

/** Object ids of one kind the grantee holds `right` on, at the request time, within the grantor's periods. */
function grantedIds(
  scope: PrincipalScope,
  kind: GrantObjectKind,
  grantee: string,
  at: string,
  columns: ScopedColumns,
): string {
  return `SELECT g.object_id FROM ${GRANT_OBJECTS_TABLE} g WHERE g.grantee = ${grantee} AND g.object_kind = '${kind}'
            AND g.${RIGHT_COLUMN[scope.right]} AND (g.expires_at IS NULL OR g.expires_at > ${at}::timestamptz)
            AND ${withinGrantorPeriods(columns)}`;
}

/**
 * Correlated probes of the visibility table's primary key: a request naming a few sensors pays a few index lookups,
 * however many sensors are private or public elsewhere. `sensor` must be qualified with its table.
 */
const hasVisibility = (sensor: string, visibility: 'private' | 'public_aggregate'): string =>
  `EXISTS (SELECT 1 FROM ${SENSOR_VISIBILITY_TABLE} v WHERE v.sensor_id = ${sensor} AND v.visibility = '${visibility}')`;

/** The readings_latest columns, qualified so correlated subqueries cannot capture them. */
export const LATEST_SCOPE_COLUMNS: ScopedColumns = {
  gateway: `${READINGS_LATEST_TABLE}.gateway_id`,
  node: `${READINGS_LATEST_TABLE}.node_id`,
  sensor: `${READINGS_LATEST_TABLE}.sensor_id`,
};

/** The same, for the newest value a row holds: it belongs to whoever owned the gateway when it was measured. */
export const LATEST_VALUE_SCOPE_COLUMNS: ScopedColumns = {
  ...LATEST_SCOPE_COLUMNS,
  time: `${READINGS_LATEST_TABLE}.measured_at`,
};

/** A time bound at the moment of the request, for rows that show current state (nodes: status, last seen). */
export function atRequestTime(scope: SensorScope, params: unknown[]): string | undefined {
  return scope.kind === 'principal' ? `${bind(params, scope.at)}::timestamptz` : undefined;
}

/**
 * Owned gateways ∪ (granted gateways, nodes, sensors minus private sensors) ∪ public-aggregate sensors, each bounded by
 * the ownership periods (ADR 0024). Sensor columns must be qualified.
 */
function principalCondition(scope: PrincipalScope, params: unknown[], columns: ScopedColumns): string {
  const grantee = bind(params, scope.grantee);
  const at = bind(params, scope.at);
  const parts: string[] = [];
  if (scope.ownerId !== null) {
    parts.push(ownedBy(bind(params, scope.ownerId), columns));
  }
  if (columns.sensor) {
    // One correlated probe for all three kinds: cheaper to plan and to run than three subqueries per request.
    const kinds: [GrantObjectKind, string | undefined][] = [
      ['sensor', columns.sensor],
      ['node', columns.node],
      ['gateway', columns.gateway],
    ];
    const objects = kinds.flatMap(([kind, column]) =>
      column ? [`(g.object_kind = '${kind}' AND g.object_id = ${column})`] : [],
    );
    const granted = `EXISTS (SELECT 1 FROM ${GRANT_OBJECTS_TABLE} g WHERE g.grantee = ${grantee} AND g.${RIGHT_COLUMN[scope.right]}
                       AND (g.expires_at IS NULL OR g.expires_at > ${at}::timestamptz) AND (${objects.join(' OR ')})
                       AND ${withinGrantorPeriods(columns)})`;
    parts.push(`(${granted} AND NOT ${hasVisibility(columns.sensor, 'private')})`);
    if (scope.publicAggregate) parts.push(hasVisibility(columns.sensor, 'public_aggregate'));
    return `(${parts.join(' OR ')})`;
  }
  // Tables without sensors (nodes): a node is visible when it, its gateway or one of its non-private sensors is granted.
  const granted = [`${columns.gateway} IN (${grantedIds(scope, 'gateway', grantee, at, columns)})`];
  if (columns.node) {
    granted.push(`${columns.node} IN (${grantedIds(scope, 'node', grantee, at, columns)})`);
    granted.push(
      `${columns.node} IN (SELECT s.node_id FROM ${READINGS_LATEST_TABLE} s WHERE s.sensor_id IN (${grantedIds(scope, 'sensor', grantee, at, columns)})
                            AND NOT ${hasVisibility('s.sensor_id', 'private')})`,
    );
  }
  parts.push(`(${granted.join(' OR ')})`);
  return `(${parts.join(' OR ')})`;
}

/**
 * A SQL condition restricting rows to the scope, with its parameters appended to `params`; null when nothing is
 * restricted. Node rows under a sensor scope are visible when one of their sensors is.
 */
export function scopeCondition(scope: SensorScope, params: unknown[], columns: ScopedColumns): string | null {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'gateways':
      params.push(scope.gatewayIds);
      return `${columns.gateway} = ANY($${params.length}::text[])`;
    case 'sensors':
      params.push(scope.sensorIds);
      if (columns.sensor) return `${columns.sensor} = ANY($${params.length}::text[])`;
      if (columns.node) {
        return `${columns.node} IN (SELECT s.node_id FROM ${READINGS_LATEST_TABLE} s WHERE s.sensor_id = ANY($${params.length}::text[]))`;
      }
      return 'false';
    case 'principal':
      return principalCondition(scope, params, columns);
  }
}
