/** Wrong email or password, unknown email and disabled account alike: the answer never says which (401). */
export class InvalidCredentialsError extends Error {
  override readonly name = 'InvalidCredentialsError';
  constructor() {
    super('invalid email or password');
  }
}

/** Too many failed logins for this account or address; try again after `retryAfterSeconds` (429). */
export class LoginThrottledError extends Error {
  override readonly name = 'LoginThrottledError';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed logins; try again in ${retryAfterSeconds} s`);
  }
}

/** Unknown, used, expired or ended refresh token (401). */
export class InvalidRefreshTokenError extends Error {
  override readonly name = 'InvalidRefreshTokenError';
  constructor() {
    super('the refresh token is invalid, expired or already used; log in again');
  }
}
