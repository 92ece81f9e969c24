import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorIdOf } from '../../../domain/access/principal.js';
import { gatewayDecider } from '../../../domain/gateways/gateway.decider.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { GATEWAY_EVENTS, gatewayStream } from '../gateway-stream.js';
import { ChangeGatewayDetails, type ChangedGatewayDetails } from './change-gateway-details.command.js';

const ATTEMPTS = 5;

/** Admins only. Applied as soon as it is stored: these details are the server's record of the gateway. */
@CommandHandler(ChangeGatewayDetails)
export class ChangeGatewayDetailsHandler implements ICommandHandler<ChangeGatewayDetails, ChangedGatewayDetails> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  async execute({
    principal,
    gatewayId,
    changes,
    at,
    correlationId,
  }: ChangeGatewayDetails): Promise<ChangedGatewayDetails> {
    this.policy.assertAdmin(principal);
    // Link sessions append to the same stream; a conflict with one only means deciding again.
    const command = { type: 'ChangeGatewayDetails', data: { gatewayId, ...changes, at: at.toISOString() } } as const;
    const metadata = { actorId: actorIdOf(principal), correlationId };
    const { events } = await handleWithDecider(
      this.store,
      gatewayStream(gatewayId),
      gatewayDecider,
      command,
      metadata,
      { events: GATEWAY_EVENTS, attempts: ATTEMPTS },
    );
    return {
      id: gatewayId,
      changedFields: events.flatMap((e) => (e.type === 'GatewayDetailsChanged' ? e.data.changedFields : [])),
    };
  }
}
