import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';

export interface RevokedGrant {
  readonly grantId: string;
  readonly revokedAt: string;
}

/** The grantor, the grantee (renouncing) or an admin ends a grant; for anyone else it does not exist. */
export class RevokeAccess extends Command<RevokedGrant> {
  constructor(
    readonly principal: Principal,
    readonly grantId: string,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}
