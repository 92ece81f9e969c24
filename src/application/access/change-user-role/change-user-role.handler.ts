import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { AccessState } from '../access-state/access-state.js';
import { requireAdmin } from '../admin-check.js';
import { updateUser } from '../user-updates.js';
import { ChangeUserRole } from './change-user-role.command.js';

/** Takes effect on the user's next request: the role is read from the access state, not from the token. */
@CommandHandler(ChangeUserRole)
export class ChangeUserRoleHandler implements ICommandHandler<ChangeUserRole, { userId: string; role: string }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AccessState) private readonly accessState: AccessState,
  ) {}

  async execute({ userId, role, principal, at, metadata }: ChangeUserRole): Promise<{ userId: string; role: string }> {
    requireAdmin(principal, 'changing roles');
    await updateUser(
      this.store,
      this.accessState,
      userId,
      () => ({ type: 'ChangeUserRole', data: { userId, role, at: at.toISOString() } }),
      metadata,
    );
    return { userId, role };
  }
}
