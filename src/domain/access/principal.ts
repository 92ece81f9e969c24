/**
 * Who is asking. Resolved once per request from its credentials; every command and query handler receives it and
 * asks the access policy what it may do. Grants are never baked into the principal: they are checked against the
 * current read models on every request, so a revoke takes effect on the next one.
 */
import type { ClientRole, OpenAdrScope } from './client-role.js';

export type Role = 'admin' | 'user';

export type Principal =
  | { readonly kind: 'user'; readonly userId: string; readonly role: Role }
  | {
      readonly kind: 'client';
      readonly clientId: string;
      readonly organisation: string;
      /** Absent: `api`. */
      readonly clientRole?: ClientRole;
      readonly providerId?: string;
      /** The OpenADR scopes the access token carries (never more than the role holds). */
      readonly scopes?: readonly OpenAdrScope[];
    }
  | { readonly kind: 'anonymous' };

/** The actor id stored in event metadata and in the data-access log. */
export function actorIdOf(principal: Principal): string {
  switch (principal.kind) {
    case 'user':
      return `user:${principal.userId}`;
    case 'client':
      return `client:${principal.clientId}`;
    case 'anonymous':
      return 'anonymous';
  }
}

export function isAdmin(principal: Principal): boolean {
  return principal.kind === 'user' && principal.role === 'admin';
}

/** The operator holding the bootstrap admin token (CLI, demo fleet): an admin that is not a registered user. */
export const BOOTSTRAP_ADMIN: Principal = { kind: 'user', userId: 'bootstrap-admin', role: 'admin' };
