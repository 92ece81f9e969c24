import { randomBytes } from 'node:crypto';
import { KeyVaultError } from '../../application/gateways/ports/key-vault.port.js';
import { describeEachBackend, openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { masterKeyId, type MasterKey } from './master-key.js';
import { PostgresKeyVault } from './postgres-key-vault.adapter.js';

function aMasterKey(): MasterKey {
  const key = randomBytes(32);
  return { key, id: masterKeyId(key), source: 'test' };
}

describeEachBackend('postgres key vault on %s', (backendName) => {
  let b: SqlBackend;
  let master: MasterKey;
  beforeAll(async () => {
    b = await openBackend(backendName, 'vault');
  }, 30_000);
  afterAll(async () => {
    await b?.cleanup();
  });
  beforeEach(async () => {
    await b?.db.query('DELETE FROM key_vault');
    master = aMasterKey();
  });

  it('round-trips secrets, lists them all, and answers undefined for unknown ids', async () => {
    const vault = new PostgresKeyVault(b.db, master);
    const one = randomBytes(32);
    const two = randomBytes(32);
    await vault.put('gw-1:aaaa', one);
    await vault.put('gw-2:bbbb', two);
    expect(await vault.get('gw-1:aaaa')).toEqual(one);
    expect(await vault.get('gw-3:cccc')).toBeUndefined();
    expect(await vault.all()).toEqual(
      new Map([
        ['gw-1:aaaa', one],
        ['gw-2:bbbb', two],
      ]),
    );
  });

  it('stores ciphertext only: the secret does not appear in the table', async () => {
    const secret = randomBytes(32);
    await new PostgresKeyVault(b.db, master).put('gw-1:aaaa', secret);
    const [row] = await b.db.query<{ dump: string }>(
      "SELECT encode(iv || ciphertext || tag, 'hex') AS dump FROM key_vault",
    );
    expect(row?.dump).not.toContain(secret.toString('hex'));
    expect(row?.dump).not.toContain(secret.subarray(0, 8).toString('hex'));
  });

  it('treats a repeated put of the same secret as a no-op and refuses to overwrite with another', async () => {
    const vault = new PostgresKeyVault(b.db, master);
    const secret = randomBytes(32);
    await vault.put('gw-1:aaaa', secret);
    await vault.put('gw-1:aaaa', secret);
    await expect(vault.put('gw-1:aaaa', randomBytes(32))).rejects.toThrow(
      'key vault already holds a different secret under "gw-1:aaaa"',
    );
    expect(await vault.get('gw-1:aaaa')).toEqual(secret);
  });

  it.each(['ciphertext', 'tag', 'iv'])('detects a flipped byte in the %s', async (column) => {
    const vault = new PostgresKeyVault(b.db, master);
    await vault.put('gw-1:aaaa', randomBytes(32));
    await b.db.query(
      `UPDATE key_vault SET ${column} = set_byte(${column}, 0, get_byte(${column}, 0) # 1) WHERE key_id = $1`,
      ['gw-1:aaaa'],
    );
    await expect(vault.get('gw-1:aaaa')).rejects.toThrow(
      new KeyVaultError(
        'key vault entry "gw-1:aaaa" failed authentication: it was altered or moved from another key id',
      ),
    );
    await expect(vault.all()).rejects.toThrow(KeyVaultError);
  });

  it('refuses an entry moved under another key id (the key id is authenticated)', async () => {
    const vault = new PostgresKeyVault(b.db, master);
    await vault.put('gw-1:aaaa', randomBytes(32));
    await b.db.query("UPDATE key_vault SET key_id = 'gw-2:aaaa'");
    await expect(vault.get('gw-2:aaaa')).rejects.toThrow('failed authentication');
  });

  it('names the mismatch when opened with the wrong master key', async () => {
    await new PostgresKeyVault(b.db, master).put('gw-1:aaaa', randomBytes(32));
    const other = aMasterKey();
    await expect(new PostgresKeyVault(b.db, other).get('gw-1:aaaa')).rejects.toThrow(
      `key vault entry "gw-1:aaaa" was encrypted with master key ${master.id}, but the configured master key is ${other.id} (from test)`,
    );
  });

  it('fails authentication when the master key id is forged to match a wrong key', async () => {
    await new PostgresKeyVault(b.db, master).put('gw-1:aaaa', randomBytes(32));
    const other = aMasterKey();
    await b.db.query('UPDATE key_vault SET master_key_id = $1', [other.id]);
    await expect(new PostgresKeyVault(b.db, other).get('gw-1:aaaa')).rejects.toThrow('failed authentication');
  });
});
