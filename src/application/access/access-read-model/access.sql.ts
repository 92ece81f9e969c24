import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import { READINGS_LATEST_TABLE } from '../../metering/readings-read-model/readings.tables.js';
import { NODES_TABLE } from '../../devices/nodes-read-model/nodes.sql.js';
import { GATEWAY_OWNERS_TABLE } from './access.tables.js';

/** The gateway of each object, as the read models know it; ids they do not know are absent. */
export async function gatewaysOf(
  db: SqlExecutor,
  kind: 'gateway' | 'node' | 'sensor',
  ids: readonly string[],
): Promise<Map<string, { gatewayId: string; ownerId: string | null }>> {
  if (ids.length === 0) return new Map();
  const sql =
    kind === 'gateway'
      ? `SELECT o.gateway_id AS id, o.gateway_id, o.owner_id FROM ${GATEWAY_OWNERS_TABLE} o WHERE o.gateway_id = ANY($1::text[])`
      : kind === 'node'
        ? `SELECT n.node_id AS id, n.gateway_id, o.owner_id FROM ${NODES_TABLE} n LEFT JOIN ${GATEWAY_OWNERS_TABLE} o ON o.gateway_id = n.gateway_id WHERE n.node_id = ANY($1::text[])`
        : `SELECT s.sensor_id AS id, s.gateway_id, o.owner_id FROM ${READINGS_LATEST_TABLE} s LEFT JOIN ${GATEWAY_OWNERS_TABLE} o ON o.gateway_id = s.gateway_id WHERE s.sensor_id = ANY($1::text[])`;
  const rows = await db.query<{ id: string; gateway_id: string; owner_id: string | null }>(sql, [ids]);
  return new Map(rows.map((r) => [r.id, { gatewayId: r.gateway_id, ownerId: r.owner_id }]));
}
