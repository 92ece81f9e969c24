/** Base of the access context's domain errors; interfaces map `code` to a transport status. */
export abstract class AccessDomainError extends Error {
  abstract readonly code: 'invalid_grant' | 'grant_not_found' | 'grant_not_active' | 'invalid_visibility';
}

export class InvalidGrantError extends AccessDomainError {
  override readonly name = 'InvalidGrantError';
  readonly code = 'invalid_grant' as const;
  constructor(readonly problems: readonly string[]) {
    super(`invalid grant: ${problems.join('; ')}`);
  }
}

export class GrantNotFoundError extends AccessDomainError {
  override readonly name = 'GrantNotFoundError';
  readonly code = 'grant_not_found' as const;
  constructor(readonly grantId: string) {
    super(`grant ${grantId} not found`);
  }
}

export class GrantNotActiveError extends AccessDomainError {
  override readonly name = 'GrantNotActiveError';
  readonly code = 'grant_not_active' as const;
  constructor(
    readonly grantId: string,
    readonly status: 'revoked' | 'expired',
  ) {
    super(`grant ${grantId} is already ${status}`);
  }
}

export class InvalidVisibilityError extends AccessDomainError {
  override readonly name = 'InvalidVisibilityError';
  readonly code = 'invalid_visibility' as const;
  constructor(readonly value: string) {
    super(`visibility must be one of private, shared, public_aggregate; got ${value.slice(0, 40)}`);
  }
}
