import { Query } from '@nestjs/cqrs';
import type { GatewayView } from '../gateway-status/gateway-view.js';

/** Resolves to the gateway's status; throws GatewayNotFoundError when the read model has no such gateway. */
export class GetGateway extends Query<GatewayView> {
  constructor(readonly gatewayId: string) {
    super();
  }
}
