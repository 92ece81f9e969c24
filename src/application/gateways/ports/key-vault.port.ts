/**
 * Secrets (network keys) stored encrypted at rest. Entries are immutable: a key id names exactly one secret,
 * so a rotated key gets a new id instead of overwriting the old one.
 */
export interface KeyVault {
  /** Stores `secret` under `keyId`; storing the same secret again is a no-op, a different one is an error. */
  put(keyId: string, secret: Buffer): Promise<void>;
  /** The secret, or undefined when no entry exists; throws when the entry cannot be authenticated. */
  get(keyId: string): Promise<Buffer | undefined>;
  /** Every entry, for warming in-memory caches in one round trip. */
  all(): Promise<Map<string, Buffer>>;
}

export const KEY_VAULT = Symbol('KeyVault');

/** Something is wrong with a stored entry or with the master key; the message says which and what to do. */
export class KeyVaultError extends Error {
  override readonly name = 'KeyVaultError';
}
