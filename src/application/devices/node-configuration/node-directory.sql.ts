import { GATEWAY_STATUS_TABLE } from '../../gateways/gateway-status-read-model/gateway-status.sql.js';
import type { ReadModelDb } from '../../ports/read-model-db.port.js';
import { NODES_TABLE } from '../nodes-read-model/nodes.sql.js';
import type { KnownNode, NodeDirectory } from './ports/node-directory.port.js';

export class SqlNodeDirectory implements NodeDirectory {
  constructor(private readonly db: ReadModelDb) {}

  /**
   * A node known only from its gateway's node events (joined, interviewed, no reading yet) has no protocol of its
   * own: its gateway's network type names the protocol module its readings will come through.
   */
  async find(nodeId: string): Promise<KnownNode | null> {
    const [row] = await this.db.query<{ gateway_id: string; protocol: string | null }>(
      `SELECT n.gateway_id, COALESCE(n.protocol, g.network_type) AS protocol
       FROM ${NODES_TABLE} n LEFT JOIN ${GATEWAY_STATUS_TABLE} g ON g.id = n.gateway_id
       WHERE n.node_id = $1`,
      [nodeId],
    );
    return row ? { nodeId, gatewayId: row.gateway_id, protocol: row.protocol ?? '' } : null;
  }
}
