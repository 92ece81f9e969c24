import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GatewayNotFoundError } from '../../../domain/gateways/gateway.errors.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { GATEWAY_STATUS_TABLE, selectStatusRows } from '../gateway-status-read-model/gateway-status.sql.js';
import { toGatewayView, type GatewayView } from '../gateway-status-read-model/gateway-view.js';
import { GetGateway } from './get-gateway.query.js';

@QueryHandler(GetGateway)
export class GetGatewayHandler implements IQueryHandler<GetGateway, GatewayView> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
  ) {}

  async execute({ principal, gatewayId }: GetGateway): Promise<GatewayView> {
    const scope = await this.access.gatewayScope(principal);
    if (scope.kind === 'some' && !scope.gatewayIds.includes(gatewayId)) throw new GatewayNotFoundError(gatewayId);
    const [row] = await selectStatusRows(this.db, GATEWAY_STATUS_TABLE, { ids: [gatewayId] });
    if (!row) throw new GatewayNotFoundError(gatewayId);
    return toGatewayView(row);
  }
}
