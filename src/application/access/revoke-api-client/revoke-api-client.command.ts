import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { AccessCommandMetadata } from '../access-streams.js';

export type RevokedApiClient = { readonly clientId: string; readonly revoked: true };

export class RevokeApiClient extends Command<RevokedApiClient> {
  constructor(
    readonly clientId: string,
    readonly reason: string,
    readonly principal: Principal,
    readonly at: Date,
    readonly metadata: AccessCommandMetadata,
  ) {
    super();
  }
}
