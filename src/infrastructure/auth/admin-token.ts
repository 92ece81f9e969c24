import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AdminToken {
  readonly value: string;
  /** Where it came from, for the start-up log line (never the token itself). */
  readonly source: string;
}

const MIN_LENGTH = 32;

/**
 * The bootstrap admin credential: WATTLOG_ADMIN_TOKEN, else a random token generated once into the data
 * directory (mode 0600). There is no default token.
 */
export function loadAdminToken(fromEnv: string | undefined, dataDir: string): AdminToken {
  if (fromEnv !== undefined) {
    if (fromEnv.length < MIN_LENGTH) throw new Error(`WATTLOG_ADMIN_TOKEN must be at least ${MIN_LENGTH} characters`);
    return { value: fromEnv, source: 'WATTLOG_ADMIN_TOKEN' };
  }
  const path = join(dataDir, 'admin-token');
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return { value: readFileSync(path, 'utf8').trim(), source: path };
}
