import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decide } from '../../../domain/gateways/gateway.decider.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { ANONYMOUS, gatewayStream, loadGateway, toNewEvents } from '../gateway-stream.js';
import { DecommissionGateway, type DecommissionedGateway } from './decommission-gateway.command.js';

@CommandHandler(DecommissionGateway)
export class DecommissionGatewayHandler implements ICommandHandler<DecommissionGateway, DecommissionedGateway> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
  ) {}

  async execute({ gatewayId, reason, at, metadata }: DecommissionGateway): Promise<DecommissionedGateway> {
    this.access.assertAdmin(metadata.principal ?? ANONYMOUS, 'decommissioning a gateway');
    const { state, revision } = await loadGateway(this.store, gatewayId);
    const decommissionedAt = at.toISOString();
    const events = decide({ type: 'DecommissionGateway', data: { gatewayId, reason, at: decommissionedAt } }, state);
    await this.store.append(gatewayStream(gatewayId), toNewEvents(events, metadata), { expectedRevision: revision });
    return { id: gatewayId, decommissionedAt };
  }
}
