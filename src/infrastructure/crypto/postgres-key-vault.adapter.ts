import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { KeyVaultError, type KeyVault } from '../../application/gateways/ports/key-vault.port.js';
import type { SqlExecutor } from '../../application/ports/read-model-db.port.js';
import type { MasterKey } from './master-key.js';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

interface VaultRow {
  key_id: string;
  master_key_id: string;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  tag: Uint8Array;
}

const COLUMNS = 'key_id, master_key_id, iv, ciphertext, tag';

/**
 * AES-256-GCM per entry with a fresh IV; the key id is the additional authenticated data, so an entry copied
 * under another id fails to decrypt instead of handing out the wrong gateway's key.
 */
export class PostgresKeyVault implements KeyVault {
  constructor(
    private readonly db: SqlExecutor,
    private readonly master: MasterKey,
  ) {
    if (master.key.length !== 32) throw new KeyVaultError('the master key must be 32 bytes');
  }

  async put(keyId: string, secret: Buffer): Promise<void> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.master.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(keyId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
    const inserted = await this.db.query(
      `INSERT INTO key_vault (${COLUMNS}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key_id) DO NOTHING RETURNING key_id`,
      [keyId, this.master.id, iv, ciphertext, cipher.getAuthTag()],
    );
    if (inserted.length > 0) return;
    const stored = await this.get(keyId);
    if (!stored || stored.length !== secret.length || !timingSafeEqual(stored, secret)) {
      throw new KeyVaultError(
        `key vault already holds a different secret under "${keyId}"; entries are never overwritten`,
      );
    }
  }

  async get(keyId: string): Promise<Buffer | undefined> {
    const [row] = await this.db.query<VaultRow>(`SELECT ${COLUMNS} FROM key_vault WHERE key_id = $1`, [keyId]);
    return row ? this.open(row) : undefined;
  }

  async all(): Promise<Map<string, Buffer>> {
    const rows = await this.db.query<VaultRow>(`SELECT ${COLUMNS} FROM key_vault ORDER BY key_id`);
    return new Map(rows.map((row) => [row.key_id, this.open(row)]));
  }

  private open(row: VaultRow): Buffer {
    if (row.master_key_id !== this.master.id) {
      throw new KeyVaultError(
        `key vault entry "${row.key_id}" was encrypted with master key ${row.master_key_id}, but the configured master key is ${this.master.id} (from ${this.master.source}); set WATTLOG_MASTER_KEY or restore <dataDir>/master.key to the original`,
      );
    }
    const iv = Buffer.from(row.iv);
    const tag = Buffer.from(row.tag);
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new KeyVaultError(`key vault entry "${row.key_id}" is damaged: bad IV or tag length`);
    }
    const decipher = createDecipheriv(ALGORITHM, this.master.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(row.key_id, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(Buffer.from(row.ciphertext)), decipher.final()]);
    } catch {
      throw new KeyVaultError(
        `key vault entry "${row.key_id}" failed authentication: it was altered or moved from another key id`,
      );
    }
  }
}
