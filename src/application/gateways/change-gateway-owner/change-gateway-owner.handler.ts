import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { gatewayDecider } from '../../../domain/gateways/gateway.decider.js';
import { InvalidGatewayRegistrationError } from '../../../domain/gateways/gateway.errors.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { PRINCIPAL_DIRECTORY, type PrincipalDirectory } from '../../access/ports/principal-directory.port.js';
import { endGrantsOfFormerOwners } from '../../access/end-grants-on-handover/end-grants-on-handover.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type SqlExecutor } from '../../ports/read-model-db.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { ANONYMOUS, GATEWAY_EVENTS, gatewayStream } from '../gateway-stream.js';
import { ChangeGatewayOwner, type ChangedGatewayOwner } from './change-gateway-owner.command.js';

@CommandHandler(ChangeGatewayOwner)
export class ChangeGatewayOwnerHandler implements ICommandHandler<ChangeGatewayOwner, ChangedGatewayOwner> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
    @Inject(PRINCIPAL_DIRECTORY) private readonly directory: PrincipalDirectory,
    @Inject(READ_MODEL_DB) private readonly db: SqlExecutor,
  ) {}

  async execute({ gatewayId, ownerId, at, metadata }: ChangeGatewayOwner): Promise<ChangedGatewayOwner> {
    this.access.assertAdmin(metadata.principal ?? ANONYMOUS, 'changing a gateway owner');
    const command = { type: 'ChangeGatewayOwner', data: { gatewayId, ownerId, at: at.toISOString() } } as const;
    // Handing a gateway to its current owner decides nothing: 200 with the unchanged owner, nothing appended.
    const { events } = await handleWithDecider(
      this.store,
      gatewayStream(gatewayId),
      gatewayDecider,
      command,
      metadata,
      {
        events: GATEWAY_EVENTS,
        beforeAppend: async () => {
          if (!(await this.directory.exists({ kind: 'user', id: ownerId.trim() }))) {
            throw new InvalidGatewayRegistrationError([`owner ${ownerId.trim().slice(0, 64)} is not a user`]);
          }
        },
      },
    );
    // A change of owner is a change of tenant: the grants the former owners gave on this gateway end with it.
    await endGrantsOfFormerOwners(
      this.store,
      this.db,
      { gatewayId, ownerId: ownerId.trim(), at: at.toISOString() },
      metadata,
    );
    return { id: gatewayId, ownerId: ownerId.trim(), changed: events.length > 0 };
  }
}
