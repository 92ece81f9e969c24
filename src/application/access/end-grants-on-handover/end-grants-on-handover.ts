import { grantDecider } from '../../../domain/access/grant.decider.js';
import { NODES_TABLE } from '../../devices/nodes-read-model/nodes.tables.js';
import { READINGS_LATEST_TABLE } from '../../metering/readings-read-model/readings.tables.js';
import type { EventStore } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { CommandMetadata } from '../../shared/command-metadata.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { GRANT_OBJECTS_TABLE } from '../access-read-model/access.tables.js';
import { GRANT_EVENTS, grantStream } from '../grant-stream.js';

/**
 * Ends every live grant on a gateway's objects (the gateway, its nodes, its sensors) that an owner other than the
 * current one gave: one AccessRevoked with reason `ownership_changed` per grant. Run after each owner change, also
 * one that changed nothing, so a handover interrupted half-way is completed by asking again. Until it has run, the
 * access conditions already keep such grants inside their grantor's ownership periods (ADR 0024).
 */
export async function endGrantsOfFormerOwners(
  store: EventStore,
  db: SqlExecutor,
  handover: { readonly gatewayId: string; readonly ownerId: string; readonly at: string },
  metadata: CommandMetadata,
): Promise<readonly string[]> {
  const rows = await db.query<{ grant_id: string; bound_owner: string }>(
    `SELECT DISTINCT g.grant_id, g.bound_owner FROM ${GRANT_OBJECTS_TABLE} g
      WHERE g.bound_owner IS NOT NULL AND g.bound_owner <> $2
        AND ((g.object_kind = 'gateway' AND g.object_id = $1)
          OR (g.object_kind = 'node' AND g.object_id IN (SELECT n.node_id FROM ${NODES_TABLE} n WHERE n.gateway_id = $1))
          OR (g.object_kind = 'sensor' AND g.object_id IN (SELECT s.sensor_id FROM ${READINGS_LATEST_TABLE} s WHERE s.gateway_id = $1)))
      ORDER BY g.grant_id`,
    [handover.gatewayId, handover.ownerId],
  );
  const ended: string[] = [];
  for (const row of rows) {
    const { events } = await handleWithDecider(
      store,
      grantStream(row.grant_id),
      grantDecider,
      {
        type: 'EndAccessOnHandover',
        data: {
          grantId: row.grant_id,
          gatewayId: handover.gatewayId,
          previousOwnerId: row.bound_owner,
          endedBy: metadata.actorId,
          at: handover.at,
        },
      },
      metadata,
      { events: GRANT_EVENTS, attempts: 3 },
    );
    if (events.length > 0) ended.push(row.grant_id);
  }
  return ended;
}
