import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { AccessCommandMetadata } from '../access-streams.js';

export class ChangeUserRole extends Command<{ readonly userId: string; readonly role: string }> {
  constructor(
    readonly userId: string,
    readonly role: string,
    readonly principal: Principal,
    readonly at: Date,
    readonly metadata: AccessCommandMetadata,
  ) {
    super();
  }
}
