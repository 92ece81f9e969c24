import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { GrantNotFoundError } from '../../../domain/access/access.errors.js';
import { decideGrant } from '../../../domain/access/grant.decider.js';
import { actorIdOf, isAdmin } from '../../../domain/access/principal.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { NotAuthenticatedError } from '../access.errors.js';
import { grantEvents, grantStream, loadGrant } from '../grant-stream.js';
import { granteeKey } from '../access-read-model/access.tables.js';
import { RevokeAccess, type RevokedGrant } from './revoke-access.command.js';

@CommandHandler(RevokeAccess)
export class RevokeAccessHandler implements ICommandHandler<RevokeAccess, RevokedGrant> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ principal, grantId, at, correlationId }: RevokeAccess): Promise<RevokedGrant> {
    if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
    const { state, revision } = await loadGrant(this.store, grantId);
    const actorId = actorIdOf(principal);
    const involved = state.status !== 'none' && (state.grantor === actorId || granteeKey(state.grantee) === actorId);
    if (!isAdmin(principal) && !involved) throw new GrantNotFoundError(grantId);
    const revokedAt = at.toISOString();
    const events = decideGrant({ type: 'RevokeAccess', data: { grantId, revokedBy: actorId, at: revokedAt } }, state);
    await this.store.append(grantStream(grantId), grantEvents(events, { actorId, correlationId }), { expectedRevision: revision });
    return { grantId, revokedAt };
  }
}
