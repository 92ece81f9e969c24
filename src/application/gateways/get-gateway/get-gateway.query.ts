import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { GatewayView } from '../gateway-status-read-model/gateway-view.js';

/** Resolves to the gateway's status; throws GatewayNotFoundError when unknown or not the principal's (alike). */
export class GetGateway extends Query<GatewayView> {
  constructor(
    readonly principal: Principal,
    readonly gatewayId: string,
  ) {
    super();
  }
}
