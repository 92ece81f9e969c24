import type { GatewayOwnerChanged, GatewayRegistered } from '../../../domain/gateways/gateway.events.js';
import type { AccessGranted, GrantEvent } from '../../../domain/access/grant.events.js';
import {
  SENSOR_VISIBILITY_CHANGED,
  type SensorVisibilityChanged,
} from '../../../domain/access/sensor-visibility.decider.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { Projection, TableResolver } from '../../projections/projection.js';
import {
  ACCESS_MIGRATIONS,
  GATEWAY_OWNERS_TABLE,
  GRANT_OBJECTS_TABLE,
  GRANTS_TABLE,
  boundOwnerOf,
  granteeKey,
  SENSOR_VISIBILITY_TABLE,
  type GrantObjectKind,
} from './access.tables.js';
import type { ReadModel } from '../../projections/read-model.js';

type OwnershipEvent = GatewayRegistered | GatewayOwnerChanged;
type AccessEvent = OwnershipEvent | GrantEvent | SensorVisibilityChanged;

const EVENT_TYPES = [
  'GatewayRegistered',
  'GatewayOwnerChanged',
  'AccessGranted',
  'AccessRevoked',
  'AccessExpired',
  SENSOR_VISIBILITY_CHANGED,
] as const;

function asAccessEvent(event: RecordedEvent): AccessEvent | undefined {
  const known = (EVENT_TYPES as readonly string[]).includes(event.type);
  return known ? ({ type: event.type, data: event.data } as AccessEvent) : undefined;
}

async function insertGrant(tx: SqlExecutor, table: TableResolver, { data }: AccessGranted): Promise<void> {
  const rights = new Set(data.rights);
  await tx.query(
    `INSERT INTO ${table(GRANTS_TABLE)} (grant_id, grantor, grantee_kind, grantee_id, gateway_ids, node_ids, sensor_ids, rights, expires_at, granted_at, status)
     VALUES ($1, $2, $3, $4, $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz, $10::timestamptz, 'active')
     ON CONFLICT (grant_id) DO NOTHING`,
    [
      data.grantId,
      data.grantor,
      data.grantee.kind,
      data.grantee.id,
      data.scope.gatewayIds ?? [],
      data.scope.nodeIds ?? [],
      data.scope.sensorIds ?? [],
      [...rights],
      data.expiresAt ?? null,
      data.at,
    ],
  );
  const objects: [GrantObjectKind, readonly string[] | undefined][] = [
    ['gateway', data.scope.gatewayIds],
    ['node', data.scope.nodeIds],
    ['sensor', data.scope.sensorIds],
  ];
  for (const [kind, ids] of objects) {
    if (!ids || ids.length === 0) continue;
    await tx.query(
      `INSERT INTO ${table(GRANT_OBJECTS_TABLE)} (grantee, object_kind, object_id, grant_id, can_read, can_aggregate, can_command, expires_at, bound_owner)
       SELECT $1, $2, id, $3, $4, $5, $6, $7::timestamptz, $9 FROM unnest($8::text[]) AS id
       ON CONFLICT DO NOTHING`,
      [
        granteeKey(data.grantee),
        kind,
        data.grantId,
        rights.has('read'),
        rights.has('aggregate'),
        rights.has('command'),
        data.expiresAt ?? null,
        ids,
        boundOwnerOf(data),
      ],
    );
  }
}

/** A grant that ended leaves the objects table at once, so access checks never see it again. */
async function endGrant(
  tx: SqlExecutor,
  table: TableResolver,
  grantId: string,
  status: 'revoked' | 'expired',
  at: string,
  reason: string | null = null,
): Promise<void> {
  await tx.query(
    `UPDATE ${table(GRANTS_TABLE)} SET status = $2, ended_at = $3::timestamptz, end_reason = $4
      WHERE grant_id = $1 AND status = 'active'`,
    [grantId, status, at, reason],
  );
  await tx.query(`DELETE FROM ${table(GRANT_OBJECTS_TABLE)} WHERE grant_id = $1`, [grantId]);
}

async function applyOne(tx: SqlExecutor, table: TableResolver, event: AccessEvent): Promise<void> {
  switch (event.type) {
    case 'GatewayRegistered':
    case 'GatewayOwnerChanged':
      await tx.query(
        `INSERT INTO ${table(GATEWAY_OWNERS_TABLE)} (gateway_id, owner_id) VALUES ($1, $2)
         ON CONFLICT (gateway_id) DO UPDATE SET owner_id = EXCLUDED.owner_id`,
        [event.data.gatewayId, event.data.ownerId],
      );
      // Visibility is the choice of the owner of the moment (ADR 0030): a handover puts the sensors back to the default.
      if (event.type === 'GatewayOwnerChanged') {
        await tx.query(`DELETE FROM ${table(SENSOR_VISIBILITY_TABLE)} WHERE gateway_id = $1`, [event.data.gatewayId]);
      }
      return;
    case 'AccessGranted':
      return insertGrant(tx, table, event);
    case 'AccessRevoked':
      return endGrant(tx, table, event.data.grantId, 'revoked', event.data.at, event.data.reason ?? null);
    case 'AccessExpired':
      return endGrant(tx, table, event.data.grantId, 'expired', event.data.at);
    case 'SensorVisibilityChanged':
      await tx.query(
        `INSERT INTO ${table(SENSOR_VISIBILITY_TABLE)} (sensor_id, gateway_id, visibility, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5::timestamptz)
         ON CONFLICT (sensor_id) DO UPDATE SET visibility = EXCLUDED.visibility, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at`,
        [event.data.sensorId, event.data.gatewayId, event.data.visibility, event.data.changedBy, event.data.at],
      );
      return;
    default:
      event satisfies never;
  }
}

/**
 * Ownership, grants and sensor visibility: low-volume events, applied one by one in order. The readings queries
 * read these tables inside their own SQL, so an applied revoke narrows the very next request.
 */
export const accessProjection: Projection = {
  // Four tables; named after the grants, the one the others serve.
  name: GRANTS_TABLE,
  formerName: 'access',
  eventTypes: EVENT_TYPES,
  tables: [GRANTS_TABLE, GATEWAY_OWNERS_TABLE, GRANT_OBJECTS_TABLE, SENSOR_VISIBILITY_TABLE],
  async apply(batch, tx, { table }) {
    for (const recorded of batch) {
      const event = asAccessEvent(recorded);
      if (event) await applyOne(tx, table, event);
    }
  },
};

export const accessReadModel: ReadModel = { migrations: ACCESS_MIGRATIONS, projection: () => accessProjection };
