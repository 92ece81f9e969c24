import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decide } from '../../../domain/gateways/gateway.decider.js';
import { InvalidGatewayRegistrationError } from '../../../domain/gateways/gateway.errors.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { PRINCIPAL_DIRECTORY, type PrincipalDirectory } from '../../access/ports/principal-directory.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { ANONYMOUS, gatewayStream, loadGateway, toNewEvents } from '../gateway-stream.js';
import { ChangeGatewayOwner, type ChangedGatewayOwner } from './change-gateway-owner.command.js';
import { appendDecision } from '../../shared/append-decision.js';

@CommandHandler(ChangeGatewayOwner)
export class ChangeGatewayOwnerHandler implements ICommandHandler<ChangeGatewayOwner, ChangedGatewayOwner> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
    @Inject(PRINCIPAL_DIRECTORY) private readonly directory: PrincipalDirectory,
  ) {}

  async execute({ gatewayId, ownerId, at, metadata }: ChangeGatewayOwner): Promise<ChangedGatewayOwner> {
    this.access.assertAdmin(metadata.principal ?? ANONYMOUS, 'changing a gateway owner');
    const { state, revision } = await loadGateway(this.store, gatewayId);
    const events = decide({ type: 'ChangeGatewayOwner', data: { gatewayId, ownerId, at: at.toISOString() } }, state);
    if (events.length > 0 && !(await this.directory.exists({ kind: 'user', id: ownerId.trim() }))) {
      throw new InvalidGatewayRegistrationError([`owner ${ownerId.trim().slice(0, 64)} is not a user`]);
    }
    // Handing the gateway to its current owner decides nothing: 200 with the unchanged owner, nothing appended.
    await appendDecision(this.store, gatewayStream(gatewayId), toNewEvents(events, metadata), { expectedRevision: revision });
    return { id: gatewayId, ownerId: ownerId.trim(), changed: events.length > 0 };
  }
}
