import type { SqlExecutor } from '../ports/read-model-db.port.js';
import type { SensorScope } from '../access/sensor-scope/sensor-access.port.js';
import { atRequestTime, scopeCondition } from '../access/sensor-scope/sensor-scope.js';
import { bind, epochMs, isoOrNull } from '../shared/sql.js';
import { NODES_TABLE } from './nodes-read-model/nodes.sql.js';

/** A device node as its gateway reported it (joined, interviewed, left, link quality). */
export interface NodeView {
  readonly nodeId: string;
  readonly gatewayId: string;
  readonly protocol: string | null;
  readonly model: string | null;
  readonly vendor: string | null;
  readonly firmware: string | null;
  readonly status: string;
  readonly linkQuality: number | null;
  readonly availability: string | null;
  readonly joinedAt: string | null;
  readonly interviewedAt: string | null;
  readonly leftAt: string | null;
  readonly lastSeenAt: string | null;
}

interface NodeRow {
  node_id: string;
  gateway_id: string;
  protocol: string | null;
  model: string | null;
  vendor: string | null;
  firmware: string | null;
  status: string;
  link_quality: number | null;
  availability: string | null;
  joined_at: number | null;
  interviewed_at: number | null;
  left_at: number | null;
  last_seen_at: number | null;
}

function toNodeView(row: NodeRow): NodeView {
  return {
    nodeId: row.node_id,
    gatewayId: row.gateway_id,
    protocol: row.protocol,
    model: row.model,
    vendor: row.vendor,
    firmware: row.firmware,
    status: row.status,
    linkQuality: row.link_quality === null ? null : Number(row.link_quality),
    availability: row.availability,
    joinedAt: isoOrNull(row.joined_at),
    interviewedAt: isoOrNull(row.interviewed_at),
    leftAt: isoOrNull(row.left_at),
    lastSeenAt: isoOrNull(row.last_seen_at),
  };
}

export interface NodeFilter {
  readonly nodeId?: string;
  readonly gatewayId?: string;
  /** Exclusive: node ids sort after it. */
  readonly after?: string;
  readonly limit: number;
}

export async function selectNodes(db: SqlExecutor, scope: SensorScope, filter: NodeFilter): Promise<NodeView[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  // A node row is current state (status, last seen): shown to who may see the gateway's data now.
  const time = atRequestTime(scope, params);
  // Qualified, so that the correlated ownership probes cannot capture them.
  const columns = { gateway: `${NODES_TABLE}.gateway_id`, node: `${NODES_TABLE}.node_id` };
  const scoped = scopeCondition(scope, params, { ...columns, ...(time ? { time } : {}) });
  if (scoped) where.push(scoped);
  if (filter.nodeId !== undefined) where.push(`node_id = ${bind(params, filter.nodeId)}`);
  if (filter.gatewayId !== undefined) where.push(`gateway_id = ${bind(params, filter.gatewayId)}`);
  if (filter.after !== undefined) where.push(`node_id > ${bind(params, filter.after)}`);
  const rows = await db.query<NodeRow>(
    `SELECT node_id, gateway_id, protocol, model, vendor, firmware, status, link_quality, availability,
            ${epochMs('joined_at')}, ${epochMs('interviewed_at')}, ${epochMs('left_at')}, ${epochMs('last_seen_at')}
       FROM ${NODES_TABLE}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
      ORDER BY node_id LIMIT ${bind(params, filter.limit)}`,
    params,
  );
  return rows.map(toNodeView);
}
