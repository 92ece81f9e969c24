/** Base of the access context's typed domain errors; interfaces map `code` to a transport status. */
export abstract class AccessDomainError extends Error {
  abstract readonly code: 'not_found' | 'already_exists' | 'email_taken' | 'disabled' | 'revoked' | 'invalid';
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
