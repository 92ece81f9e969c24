import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorIdOf } from '../../../domain/access/principal.js';
import { decide } from '../../../domain/gateways/gateway.decider.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '../../ports/event-store.port.js';
import { gatewayStream, loadGateway, toNewEvents } from '../gateway-stream.js';
import { ChangeGatewayDetails, type ChangedGatewayDetails } from './change-gateway-details.command.js';

const ATTEMPTS = 5;

/** Admins only. Applied as soon as it is stored: these details are the server's record of the gateway. */
@CommandHandler(ChangeGatewayDetails)
export class ChangeGatewayDetailsHandler implements ICommandHandler<ChangeGatewayDetails, ChangedGatewayDetails> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  async execute({ principal, gatewayId, changes, at, correlationId }: ChangeGatewayDetails): Promise<ChangedGatewayDetails> {
    this.policy.assertAdmin(principal);
    // Link sessions append to the same stream; a conflict with one only means deciding again.
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await loadGateway(this.store, gatewayId);
      const events = decide({ type: 'ChangeGatewayDetails', data: { gatewayId, ...changes, at: at.toISOString() } }, state);
      const changed = events.flatMap((e) => (e.type === 'GatewayDetailsChanged' ? e.data.changedFields : []));
      if (events.length === 0) return { id: gatewayId, changedFields: [] };
      try {
        await this.store.append(gatewayStream(gatewayId), toNewEvents(events, { actorId: actorIdOf(principal), correlationId }), { expectedRevision: revision });
        return { id: gatewayId, changedFields: changed };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }
}
