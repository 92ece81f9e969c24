/** A user or API client as a grant names it. */
export interface GranteeRef {
  readonly kind: 'user' | 'client';
  readonly id: string;
}

/**
 * Whether a user or API client exists and may still act (not disabled or revoked). The access context asks it before
 * granting to someone or handing them a gateway; their own streams answer it.
 */
export interface PrincipalDirectory {
  exists(grantee: GranteeRef): Promise<boolean>;
}

export const PRINCIPAL_DIRECTORY = Symbol('PrincipalDirectory');
