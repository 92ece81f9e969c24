/**
 * What an API client is: `api` reads what owners grant it through Wattlog's own API; `bl` is a utility's or service
 * provider's business logic speaking OpenADR 3.1.0, bound to one provider whose programs it sees and changes.
 * Clients registered before roles existed are `api`.
 */
export type ClientRole = 'api' | 'bl';
export const CLIENT_ROLES: readonly ClientRole[] = ['api', 'bl'];

/** The OAuth scopes OpenADR 3.1.0 defines (`securitySchemes.oAuth2ClientCredentials`), with the BL/VEN split of `write_vens`. */
export const OPENADR_SCOPES = [
  'read_all',
  'read_targets',
  'read_ven_objects',
  'write_programs',
  'write_events',
  'write_reports',
  'write_subscriptions',
  'write_vens_bl',
  'write_vens_ven',
] as const;
export type OpenAdrScope = (typeof OPENADR_SCOPES)[number];

/** The scopes each role may hold (design note MARKET.md §2.1, §3); `api` clients hold none. */
export const ROLE_SCOPES: Readonly<Record<ClientRole, readonly OpenAdrScope[]>> = {
  api: [],
  bl: ['read_all', 'write_programs', 'write_events', 'write_subscriptions', 'write_vens_bl'],
};

/** `write_vens` (the spec's single scope) means the role's own half of the split. */
function canonical(scope: string, role: ClientRole): string {
  return scope === 'write_vens' ? (role === 'bl' ? 'write_vens_bl' : 'write_vens_ven') : scope;
}

export type ScopeGrant =
  { readonly ok: true; readonly scopes: readonly OpenAdrScope[] } | { readonly ok: false; readonly detail: string };

/**
 * The scopes a token gets for a client of `role` asking for `requested` (RFC 6749 3.3, space-delimited): all of the
 * role's when it asks for none; otherwise what it asked for, each of which the role must hold.
 */
export function grantScopes(role: ClientRole, requested: string | undefined): ScopeGrant {
  const allowed = ROLE_SCOPES[role];
  if (requested === undefined) return { ok: true, scopes: allowed };
  const asked = requested.split(' ').filter((s) => s !== '');
  const refused = asked.filter((s) => !(allowed as readonly string[]).includes(canonical(s, role)));
  if (refused.length > 0)
    return {
      ok: false,
      detail: `scope ${refused.join(' ')} is unknown or not granted to ${role} clients; allowed: ${allowed.join(' ') || 'none'}`,
    };
  return { ok: true, scopes: [...new Set(asked.map((s) => canonical(s, role) as OpenAdrScope))] };
}
