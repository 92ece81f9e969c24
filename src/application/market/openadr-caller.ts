import type { OpenAdrScope } from '../../domain/access/client-role.js';
import type { Principal } from '../../domain/access/principal.js';

/** The caller's token lacks the scope the operation needs (OpenADR answers 403). */
export class MissingScopeError extends Error {
  override readonly name = 'MissingScopeError';
  constructor(readonly scope: OpenAdrScope) {
    super(`this operation needs a token with scope ${scope}`);
  }
}

/** A utility's business logic as OpenADR sees it: the provider whose objects it reads and changes. */
export interface BusinessLogicCaller {
  readonly providerId: string;
  readonly clientId: string;
  readonly actorId: string;
}

/**
 * The provider a principal acts for, when its token holds `scope`. Owners, admins, `api` clients and tokens
 * without the scope are refused: only `bl` clients hold OpenADR scopes (access/client-role.ts).
 */
export function businessLogicCaller(principal: Principal | undefined, scope: OpenAdrScope): BusinessLogicCaller {
  if (
    principal?.kind !== 'client' ||
    principal.clientRole !== 'bl' ||
    principal.providerId === undefined ||
    !(principal.scopes ?? []).includes(scope)
  )
    throw new MissingScopeError(scope);
  return { providerId: principal.providerId, clientId: principal.clientId, actorId: `client:${principal.clientId}` };
}

/**
 * A write OpenADR allows but Wattlog leaves to someone else (OpenADR answers 403): vens and resources exist because
 * an owner enrolled (a utility cannot create or delete them), and reports are written by Wattlog as the owners' ven.
 * Listed as deviations in docs/openadr.md.
 */
export class WriteNotOpenToUtilitiesError extends Error {
  override readonly name = 'WriteNotOpenToUtilitiesError';
  constructor(readonly what: string) {
    super(what);
  }
}
