import type { ReadModelDb } from '../../ports/read-model-db.port.js';
import type { KnownNode, NodeDirectory } from './ports/node-directory.port.js';

export class SqlNodeDirectory implements NodeDirectory {
  constructor(private readonly db: ReadModelDb) {}

  async find(nodeId: string): Promise<KnownNode | null> {
    const [row] = await this.db.query<{ gateway_id: string; protocol: string | null }>(`SELECT gateway_id, protocol FROM nodes WHERE node_id = $1`, [nodeId]);
    return row ? { nodeId, gatewayId: row.gateway_id, protocol: row.protocol ?? '' } : null;
  }
}
