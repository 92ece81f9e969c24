import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { apiClientDecider } from '../../../domain/access/api-client.decider.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { AccessState } from '../access-state/access-state.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { API_CLIENT_EVENTS, clientStream } from '../access-streams.js';
import { requireAdmin } from '../admin-check.js';
import { RevokeApiClient } from './revoke-api-client.command.js';

/** Refuses the client's tokens on their next request and its secret at the token endpoint, on every node. */
@CommandHandler(RevokeApiClient)
export class RevokeApiClientHandler implements ICommandHandler<RevokeApiClient, { clientId: string; revoked: true }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AccessState) private readonly accessState: AccessState,
  ) {}

  async execute({
    clientId,
    reason,
    principal,
    at,
    metadata,
  }: RevokeApiClient): Promise<{ clientId: string; revoked: true }> {
    requireAdmin(principal, 'revoking API clients');
    const command = { type: 'RevokeApiClient', data: { clientId, reason, at: at.toISOString() } } as const;
    const { events } = await handleWithDecider(
      this.store,
      clientStream(clientId),
      apiClientDecider,
      command,
      metadata,
      { events: API_CLIENT_EVENTS },
    );
    if (events.length > 0) this.accessState.apply(events);
    return { clientId, revoked: true };
  }
}
