import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { AccessCommandMetadata } from '../access-streams.js';

export class RevokeApiClient extends Command<{ readonly clientId: string; readonly revoked: true }> {
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
