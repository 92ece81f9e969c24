import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { GatewayView } from '../gateway-status-read-model/gateway-view.js';

export interface GatewayPage {
  readonly items: GatewayView[];
  /** Pass as `after` for the next page; null at the end. */
  readonly nextAfter: string | null;
}

export class ListGateways extends Query<GatewayPage> {
  constructor(
    readonly principal: Principal,
    readonly filter: {
      readonly lifecycle?: 'registered' | 'decommissioned';
      readonly after?: string;
      readonly limit: number;
    },
  ) {
    super();
  }
}
