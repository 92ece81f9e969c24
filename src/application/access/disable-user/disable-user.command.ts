import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { AccessCommandMetadata } from '../access-streams.js';

export class DisableUser extends Command<{ readonly userId: string; readonly disabled: true }> {
  constructor(
    readonly userId: string,
    readonly reason: string,
    readonly principal: Principal,
    readonly at: Date,
    readonly metadata: AccessCommandMetadata,
  ) {
    super();
  }
}
