import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { GrantNotFoundError } from '../../../domain/access/access.errors.js';
import { grantDecider } from '../../../domain/access/grant.decider.js';
import { actorIdOf, isAdmin } from '../../../domain/access/principal.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { NotAuthenticatedError } from '../access.errors.js';
import { loadStream, toNewEvents } from '../../shared/decider-command.js';
import { GRANT_EVENTS, grantStream } from '../grant-stream.js';
import { granteeKey } from '../access-read-model/access.tables.js';
import { RevokeAccess, type RevokedGrant } from './revoke-access.command.js';

@CommandHandler(RevokeAccess)
export class RevokeAccessHandler implements ICommandHandler<RevokeAccess, RevokedGrant> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ principal, grantId, at, correlationId }: RevokeAccess): Promise<RevokedGrant> {
    if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
    const { state, revision } = await loadStream(this.store, grantStream(grantId), grantDecider, GRANT_EVENTS);
    const actorId = actorIdOf(principal);
    const involved = state.status !== 'none' && (state.grantor === actorId || granteeKey(state.grantee) === actorId);
    if (!isAdmin(principal) && !involved) throw new GrantNotFoundError(grantId);
    const revokedAt = at.toISOString();
    const events = grantDecider.decide(
      { type: 'RevokeAccess', data: { grantId, revokedBy: actorId, at: revokedAt } },
      state,
    );
    await this.store.append(grantStream(grantId), toNewEvents(events, { actorId, correlationId }, GRANT_EVENTS), {
      expectedRevision: revision,
    });
    return { grantId, revokedAt };
  }
}
