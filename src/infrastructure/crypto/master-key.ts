import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MasterKey {
  /** 32 bytes for AES-256-GCM. */
  readonly key: Buffer;
  /** Non-secret identifier stored with every vault entry, so a wrong master key is told apart from tampering. */
  readonly id: string;
  /** Where it came from, for logs (never the key). */
  readonly source: string;
}

export class MasterKeyError extends Error {
  override readonly name = 'MasterKeyError';
}

const HEX_64 = /^[0-9a-fA-F]{64}$/;

export function masterKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('wattlog:key-vault:master-key-id').digest('hex').slice(0, 16);
}

function fromHex(hex: string, source: string): MasterKey {
  const key = Buffer.from(hex, 'hex');
  return { key, id: masterKeyId(key), source };
}

/**
 * The key-vault master key: WATTLOG_MASTER_KEY (64 hex characters), else `<dataDir>/master.key`, generated once
 * with mode 0600. Losing it makes every stored network key unreadable, so it is never regenerated over an existing file.
 */
export function loadMasterKey(fromEnv: string | undefined, dataDir: string): MasterKey {
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!HEX_64.test(fromEnv)) {
      throw new MasterKeyError(
        `WATTLOG_MASTER_KEY must be 64 hex characters (32 bytes), got ${fromEnv.length} characters`,
      );
    }
    return fromHex(fromEnv, 'WATTLOG_MASTER_KEY');
  }
  const path = join(dataDir, 'master.key');
  mkdirSync(dataDir, { recursive: true });
  // Written aside and hard-linked into place: a concurrent starter sees either no file or a complete one.
  if (!existsSync(path)) {
    const staging = join(dataDir, `.master.key-${randomBytes(6).toString('hex')}`);
    writeFileSync(staging, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      chmodSync(staging, 0o600);
      linkSync(staging, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(staging);
    }
  }
  if ((statSync(path).mode & 0o077) !== 0) {
    throw new MasterKeyError(`${path} is readable by group or others; run: chmod 600 ${path}`);
  }
  const text = readFileSync(path, 'utf8').trim();
  if (!HEX_64.test(text))
    throw new MasterKeyError(`${path} must hold 64 hex characters (32 bytes); it is damaged or not a master key`);
  return fromHex(text, path);
}
