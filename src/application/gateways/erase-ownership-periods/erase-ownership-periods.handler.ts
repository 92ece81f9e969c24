import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { gatewayDecider } from '../../../domain/gateways/gateway.decider.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { ANONYMOUS, GATEWAY_EVENTS, gatewayStream } from '../gateway-stream.js';
import { EraseOwnershipPeriods, type ErasedOwnershipPeriods } from './erase-ownership-periods.command.js';

/**
 * Appends one OwnershipPeriodErased per ended period of the former owner (ADR 0030); the read models drop the rows
 * of those periods as they fold it, and a rebuild folds it again.
 */
@CommandHandler(EraseOwnershipPeriods)
export class EraseOwnershipPeriodsHandler implements ICommandHandler<EraseOwnershipPeriods, ErasedOwnershipPeriods> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
  ) {}

  async execute({ gatewayId, ownerId, reason, at, metadata }: EraseOwnershipPeriods): Promise<ErasedOwnershipPeriods> {
    this.access.assertAdmin(metadata.principal ?? ANONYMOUS, 'erasing an ownership period');
    const command = {
      type: 'EraseOwnershipPeriods',
      data: { gatewayId, ownerId, reason, at: at.toISOString() },
    } as const;
    const { events } = await handleWithDecider(
      this.store,
      gatewayStream(gatewayId),
      gatewayDecider,
      command,
      metadata,
      {
        events: GATEWAY_EVENTS,
      },
    );
    const erased = events.flatMap((event) =>
      event.type === 'OwnershipPeriodErased' ? [{ from: event.data.from, to: event.data.to }] : [],
    );
    return { id: gatewayId, ownerId: ownerId.trim(), erased };
  }
}
