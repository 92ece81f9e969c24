import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { CommandMetadata } from '../../shared/command-metadata.js';

export type ChangedUserRole = { readonly userId: string; readonly role: string };

export class ChangeUserRole extends Command<ChangedUserRole> {
  constructor(
    readonly userId: string,
    readonly role: string,
    readonly principal: Principal,
    readonly at: Date,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
