import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_DB, type ReadModelDb } from '../../../ports/read-model-db.port.js';
import { SENSOR_ACCESS_POLICY, type SensorAccessPolicy } from '../access/sensor-access.port.js';
import { ListNodes, type NodePage } from './list-nodes.query.js';
import { selectNodes } from './node-view.js';

@QueryHandler(ListNodes)
export class ListNodesHandler implements IQueryHandler<ListNodes, NodePage> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(SENSOR_ACCESS_POLICY) private readonly access: SensorAccessPolicy,
  ) {}

  async execute({ viewer, filter }: ListNodes): Promise<NodePage> {
    const rows = await selectNodes(this.db, await this.access.scopeFor(viewer), { ...filter, limit: filter.limit + 1 });
    const items = rows.slice(0, filter.limit);
    return { items, nextAfter: rows.length > filter.limit ? (items.at(-1)?.nodeId ?? null) : null };
  }
}
