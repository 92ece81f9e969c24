import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadJwtSecret } from './jwt-secret.js';

describe('loadJwtSecret', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wattlog-jwt-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes WATTLOG_JWT_SECRET when it has at least 32 bytes, and refuses a shorter one', () => {
    expect(loadJwtSecret('s'.repeat(32), dir)).toEqual({
      key: Buffer.from('s'.repeat(32)),
      source: 'WATTLOG_JWT_SECRET',
    });
    expect(() => loadJwtSecret('s'.repeat(31), dir)).toThrow('WATTLOG_JWT_SECRET must be at least 32 bytes');
  });

  it('otherwise generates a key once into <dataDir>/jwt.key with mode 0600, and reuses it', () => {
    const first = loadJwtSecret(undefined, dir);
    const path = join(dir, 'jwt.key');
    expect(first.source).toBe(path);
    expect(first.key).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadJwtSecret(undefined, dir).key).toEqual(first.key);
    expect(readFileSync(path, 'utf8').trim()).toBe(first.key.toString('hex'));
  });
});
