import { Command } from '@nestjs/cqrs';
import type { ClientRole } from '../../../domain/access/client-role.js';
import type { Principal } from '../../../domain/access/principal.js';
import type { CommandMetadata } from '../../shared/command-metadata.js';

export interface IssuedClientSecret {
  readonly clientId: string;
  readonly organisation: string;
  readonly name: string;
  /** Shown only in this answer; the server keeps a verifier, never the secret. */
  readonly clientSecret: string;
  readonly secretFingerprint: string;
  readonly role: ClientRole;
  readonly providerId?: string;
}

export class RegisterApiClient extends Command<IssuedClientSecret> {
  constructor(
    readonly input: {
      readonly organisation: string;
      readonly name: string;
      readonly role?: ClientRole;
      /** A `bl` client without one acts for a provider of its own (its client id). */
      readonly providerId?: string;
    },
    readonly principal: Principal,
    readonly at: Date,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
