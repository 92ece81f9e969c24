import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { CommandMetadata } from '../../shared/command-metadata.js';

export type DisabledUser = { readonly userId: string; readonly disabled: true };

export class DisableUser extends Command<DisabledUser> {
  constructor(
    readonly userId: string,
    readonly reason: string,
    readonly principal: Principal,
    readonly at: Date,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
