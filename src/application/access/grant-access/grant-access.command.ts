import { Command } from '@nestjs/cqrs';
import type { GrantScope } from '../../../domain/access/grant.events.js';
import type { Principal } from '../../../domain/access/principal.js';

export interface GrantAccessInput {
  readonly grantee: { readonly kind: string; readonly id: string };
  readonly scope: GrantScope;
  readonly rights: readonly string[];
  readonly expiresAt?: string;
}

export interface IssuedGrant {
  readonly grantId: string;
}

/** Owners grant over what they own, admins over anything; the grantee must be a known user or API client. */
export class GrantAccess extends Command<IssuedGrant> {
  constructor(
    readonly principal: Principal,
    readonly input: GrantAccessInput,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}
