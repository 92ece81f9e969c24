/** A memory-hard password KDF. The encoded form carries its own algorithm, parameters and salt. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Constant-time comparison; false for a wrong password or an encoding it cannot read. */
  verify(password: string, encoded: string): Promise<boolean>;
  /** Spends the same work as a real verification, for logins naming no account (no user-enumeration timing). */
  spendDummyVerification(password: string): Promise<void>;
}

export const PASSWORD_HASHER = Symbol('PasswordHasher');

/** What a new password must satisfy; the problems are shown to the person choosing it. */
export interface PasswordPolicy {
  problems(password: string): string[];
}

export const PASSWORD_POLICY = Symbol('PasswordPolicy');
