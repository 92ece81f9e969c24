import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { LATEST_SCOPE_COLUMNS, scopeCondition } from '../../access/sensor-scope/sensor-scope.js';
import { NodeNotFoundError } from '../../metering/query-readings/reading-query.errors.js';
import { bind } from '../../shared/sql.js';
import { READINGS_LATEST_TABLE } from '../../metering/readings-read-model/readings.tables.js';
import { GetNode, MAX_NODE_SENSORS, type NodeDetail } from './get-node.query.js';
import { selectNodes } from '../node-view.js';

@QueryHandler(GetNode)
export class GetNodeHandler implements IQueryHandler<GetNode, NodeDetail> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
  ) {}

  async execute({ principal, nodeId }: GetNode): Promise<NodeDetail> {
    const scope = await this.access.sensorScope(principal, 'aggregate');
    const [node] = await selectNodes(this.db, scope, { nodeId, limit: 1 });
    if (!node) throw new NodeNotFoundError(nodeId);
    const params: unknown[] = [];
    const where = [`node_id = ${bind(params, nodeId)}`];
    const scoped = scopeCondition(scope, params, LATEST_SCOPE_COLUMNS);
    if (scoped) where.push(scoped);
    const sensors = await this.db.query<{ sensor_id: string }>(
      `SELECT sensor_id FROM ${READINGS_LATEST_TABLE} WHERE ${where.join(' AND ')}
        ORDER BY sensor_id LIMIT ${bind(params, MAX_NODE_SENSORS)}`,
      params,
    );
    return { ...node, sensorIds: sensors.map((s) => s.sensor_id) };
  }
}
