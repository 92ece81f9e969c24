import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { CommandMetadata } from '../../shared/command-metadata.js';

export type RevokedApiClient = { readonly clientId: string; readonly revoked: true };

export class RevokeApiClient extends Command<RevokedApiClient> {
  constructor(
    readonly clientId: string,
    readonly reason: string,
    readonly principal: Principal,
    readonly at: Date,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
