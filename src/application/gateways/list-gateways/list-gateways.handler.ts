import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { GATEWAY_STATUS_TABLE, selectStatusRows } from '../gateway-status-read-model/gateway-status.sql.js';
import { toGatewayView } from '../gateway-status-read-model/gateway-view.js';
import { ListGateways, type GatewayPage } from './list-gateways.query.js';

@QueryHandler(ListGateways)
export class ListGatewaysHandler implements IQueryHandler<ListGateways, GatewayPage> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
  ) {}

  async execute({ principal, filter }: ListGateways): Promise<GatewayPage> {
    const scope = await this.access.gatewayScope(principal);
    const ids = scope.kind === 'some' ? { ids: scope.gatewayIds } : {};
    const rows = await selectStatusRows(this.db, GATEWAY_STATUS_TABLE, { ...filter, ...ids, limit: filter.limit + 1 });
    const items = rows.slice(0, filter.limit).map(toGatewayView);
    return { items, nextAfter: rows.length > filter.limit ? (items.at(-1)?.id ?? null) : null };
  }
}
