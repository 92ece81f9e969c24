import type { Principal } from '../../../domain/access/principal.js';
import type { GatewayLocation } from '../../../domain/gateways/gateway.events.js';

export class ChangeGatewayDetails {
  constructor(
    readonly principal: Principal,
    readonly gatewayId: string,
    readonly changes: { readonly name?: string; readonly description?: string; readonly location?: GatewayLocation },
    readonly at: Date,
    readonly correlationId: string,
  ) {}
}

export interface ChangedGatewayDetails {
  readonly id: string;
  readonly changedFields: readonly string[];
}
