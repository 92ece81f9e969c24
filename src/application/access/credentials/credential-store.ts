import { createHash, timingSafeEqual } from 'node:crypto';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';

/**
 * Password hashes and client-secret verifiers: not a projection, never replayed, never in an event. A client keeps
 * one verifier per secret fingerprint, and the log says which fingerprint is current, so a rotation whose event
 * failed to append leaves the old secret working.
 */
export class CredentialStore {
  constructor(private readonly db: SqlExecutor) {}

  async putPasswordHash(userId: string, encoded: string): Promise<void> {
    await this.db.query(
      `INSERT INTO user_credentials (user_id, password_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated_at = now()`,
      [userId, encoded],
    );
  }

  async passwordHashOf(userId: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM user_credentials WHERE user_id = $1',
      [userId],
    );
    return row?.password_hash;
  }

  async putClientSecret(clientId: string, fingerprint: string, secret: Buffer): Promise<void> {
    await this.db.query(
      'INSERT INTO api_client_secrets (client_id, secret_fingerprint, secret_verifier) VALUES ($1, $2, $3)',
      [clientId, fingerprint, verifierOf(secret)],
    );
  }

  /** Always runs the query and the comparison, so an unknown client costs the same as a wrong secret. */
  async clientSecretMatches(clientId: string, fingerprint: string, secret: Buffer): Promise<boolean> {
    const [row] = await this.db.query<{ secret_verifier: Uint8Array }>(
      'SELECT secret_verifier FROM api_client_secrets WHERE client_id = $1 AND secret_fingerprint = $2',
      [clientId, fingerprint],
    );
    const expected = row ? Buffer.from(row.secret_verifier) : Buffer.alloc(32);
    const same = timingSafeEqual(verifierOf(secret), expected.length === 32 ? expected : Buffer.alloc(32));
    return row !== undefined && same;
  }
}

/** Client secrets are 256 random bits, so one SHA-256 is a sufficient verifier (no dictionary to search). */
function verifierOf(secret: Buffer): Buffer {
  return createHash('sha256').update(secret).digest();
}
