import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { AccessCommandMetadata } from '../access-streams.js';

export type DisabledUser = { readonly userId: string; readonly disabled: true };

export class DisableUser extends Command<DisabledUser> {
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
