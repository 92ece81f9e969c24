import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideApiClient } from '../../../domain/access/api-client.decider.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { AccessState } from '../access-state/access-state.js';
import { clientStream, loadApiClient, toNewEvents } from '../access-streams.js';
import { requireAdmin } from '../admin-check.js';
import { RevokeApiClient } from './revoke-api-client.command.js';

/** Refuses the client's tokens on their next request and its secret at the token endpoint, on every node. */
@CommandHandler(RevokeApiClient)
export class RevokeApiClientHandler implements ICommandHandler<RevokeApiClient, { clientId: string; revoked: true }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AccessState) private readonly accessState: AccessState,
  ) {}

  async execute({ clientId, reason, principal, at, metadata }: RevokeApiClient): Promise<{ clientId: string; revoked: true }> {
    requireAdmin(principal, 'revoking API clients');
    const { state, revision } = await loadApiClient(this.store, clientId);
    const events = decideApiClient({ type: 'RevokeApiClient', data: { clientId, reason, at: at.toISOString() } }, state);
    if (events.length > 0) {
      await this.store.append(clientStream(clientId), toNewEvents(events, metadata), { expectedRevision: revision });
      this.accessState.apply(events);
    }
    return { clientId, revoked: true };
  }
}
