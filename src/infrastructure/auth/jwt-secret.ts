import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const JWT_SECRET_MIN_BYTES = 32;

export interface JwtSecret {
  readonly key: Buffer;
  /** For the start-up log line; never the secret. */
  readonly source: string;
}

/**
 * The HS256 signing key: WATTLOG_JWT_SECRET (at least 32 bytes), else 32 random bytes generated once into
 * `<dataDir>/jwt.key` (mode 0600). There is no default key. Every node of an install must share it.
 */
export function loadJwtSecret(fromEnv: string | undefined, dataDir: string): JwtSecret {
  if (fromEnv !== undefined && fromEnv !== '') {
    const key = Buffer.from(fromEnv, 'utf8');
    if (key.length < JWT_SECRET_MIN_BYTES)
      throw new Error(`WATTLOG_JWT_SECRET must be at least ${JWT_SECRET_MIN_BYTES} bytes`);
    return { key, source: 'WATTLOG_JWT_SECRET' };
  }
  const path = join(dataDir, 'jwt.key');
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process of the same install won the race; use its key.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const text = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{64,}$/.test(text))
    throw new Error(`${path} does not hold a key of at least 32 bytes as hex; delete it to generate a new one`);
  return { key: Buffer.from(text, 'hex'), source: path };
}
