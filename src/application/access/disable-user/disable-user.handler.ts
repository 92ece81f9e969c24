import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { AccessState } from '../access-state/access-state.js';
import { requireAdmin } from '../admin-check.js';
import { SessionStore } from '../sessions/session-store.js';
import { updateUser } from '../user-updates.js';
import { DisableUser } from './disable-user.command.js';

/** Ends every session of the user at once: refresh tokens stop working, and so do access tokens on the next request. */
@CommandHandler(DisableUser)
export class DisableUserHandler implements ICommandHandler<DisableUser, { userId: string; disabled: true }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AccessState) private readonly accessState: AccessState,
    @Inject(SessionStore) private readonly sessions: SessionStore,
  ) {}

  async execute({ userId, reason, principal, at, metadata }: DisableUser): Promise<{ userId: string; disabled: true }> {
    requireAdmin(principal, 'disabling users');
    await updateUser(
      this.store,
      this.accessState,
      userId,
      () => ({ type: 'DisableUser', data: { userId, reason, at: at.toISOString() } }),
      metadata,
    );
    await this.sessions.endAllOfUser(userId, 'user disabled', at);
    return { userId, disabled: true };
  }
}
