import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { ListNodes, type NodePage } from './list-nodes.query.js';
import { selectNodes } from '../node-view.js';

@QueryHandler(ListNodes)
export class ListNodesHandler implements IQueryHandler<ListNodes, NodePage> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
  ) {}

  async execute({ principal, filter }: ListNodes): Promise<NodePage> {
    const rows = await selectNodes(this.db, await this.access.sensorScope(principal, 'aggregate'), {
      ...filter,
      limit: filter.limit + 1,
    });
    const items = rows.slice(0, filter.limit);
    return { items, nextAfter: rows.length > filter.limit ? (items.at(-1)?.nodeId ?? null) : null };
  }
}
