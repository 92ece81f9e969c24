import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { gatewayDecider } from '../../../domain/gateways/gateway.decider.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { ANONYMOUS, GATEWAY_EVENTS, gatewayStream } from '../gateway-stream.js';
import { DecommissionGateway, type DecommissionedGateway } from './decommission-gateway.command.js';

@CommandHandler(DecommissionGateway)
export class DecommissionGatewayHandler implements ICommandHandler<DecommissionGateway, DecommissionedGateway> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
  ) {}

  async execute({ gatewayId, reason, at, metadata }: DecommissionGateway): Promise<DecommissionedGateway> {
    this.access.assertAdmin(metadata.principal ?? ANONYMOUS, 'decommissioning a gateway');
    const decommissionedAt = at.toISOString();
    const command = { type: 'DecommissionGateway', data: { gatewayId, reason, at: decommissionedAt } } as const;
    await handleWithDecider(this.store, gatewayStream(gatewayId), gatewayDecider, command, metadata, {
      events: GATEWAY_EVENTS,
    });
    return { id: gatewayId, decommissionedAt };
  }
}
