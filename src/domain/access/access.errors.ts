/** Base of the access context's typed domain errors; interfaces map `code` to a transport status. */
export abstract class AccessDomainError extends Error {
  abstract readonly code:
    | 'not_found'
    | 'already_exists'
    | 'email_taken'
    | 'disabled'
    | 'revoked'
    | 'invalid'
    | 'invalid_grant'
    | 'grant_not_found'
    | 'grant_not_active'
    | 'invalid_visibility';
}

export class UserNotFoundError extends AccessDomainError {
  override readonly name = 'UserNotFoundError';
  readonly code = 'not_found' as const;
  constructor(readonly userId: string) {
    super(`user ${userId} does not exist`);
  }
}

export class UserAlreadyRegisteredError extends AccessDomainError {
  override readonly name = 'UserAlreadyRegisteredError';
  readonly code = 'already_exists' as const;
  constructor(readonly userId: string) {
    super(`user ${userId} is already registered`);
  }
}

export class EmailTakenError extends AccessDomainError {
  override readonly name = 'EmailTakenError';
  readonly code = 'email_taken' as const;
  constructor() {
    super('a user with this email address already exists');
  }
}

export class UserDisabledError extends AccessDomainError {
  override readonly name = 'UserDisabledError';
  readonly code = 'disabled' as const;
  constructor(readonly userId: string) {
    super(`user ${userId} is disabled`);
  }
}

export class ApiClientNotFoundError extends AccessDomainError {
  override readonly name = 'ApiClientNotFoundError';
  readonly code = 'not_found' as const;
  constructor(readonly clientId: string) {
    super(`API client ${clientId} does not exist`);
  }
}

export class ApiClientAlreadyRegisteredError extends AccessDomainError {
  override readonly name = 'ApiClientAlreadyRegisteredError';
  readonly code = 'already_exists' as const;
  constructor(readonly clientId: string) {
    super(`API client ${clientId} is already registered`);
  }
}

export class ApiClientRevokedError extends AccessDomainError {
  override readonly name = 'ApiClientRevokedError';
  readonly code = 'revoked' as const;
  constructor(readonly clientId: string) {
    super(`API client ${clientId} is revoked`);
  }
}

export class InvalidAccessInputError extends AccessDomainError {
  override readonly name = 'InvalidAccessInputError';
  readonly code = 'invalid' as const;
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
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

export class InvalidMainMeterError extends AccessDomainError {
  override readonly name = 'InvalidMainMeterError';
  readonly code = 'invalid' as const;
  constructor(reason: string) {
    super(`the main meter ${reason}`);
  }
}
