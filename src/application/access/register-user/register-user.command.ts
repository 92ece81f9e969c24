import { Command } from '@nestjs/cqrs';
import type { Principal, Role } from '../../../domain/access/principal.js';
import type { CommandMetadata } from '../../shared/command-metadata.js';

export interface RegisterUserInput {
  readonly email: string;
  readonly displayName: string;
  readonly role: string;
  /** Hashed before anything is stored; never logged, never in an event. */
  readonly password: string;
}

export interface RegisteredUser {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
}

export class RegisterUser extends Command<RegisteredUser> {
  constructor(
    readonly input: RegisterUserInput,
    readonly principal: Principal,
    readonly at: Date,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
