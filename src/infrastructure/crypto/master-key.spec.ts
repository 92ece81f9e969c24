import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMasterKey, MasterKeyError } from './master-key.js';

describe('master key', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-master-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('takes WATTLOG_MASTER_KEY when set and writes nothing', () => {
    const hex = 'ab'.repeat(32);
    const master = loadMasterKey(hex, dataDir);
    expect(master.key.toString('hex')).toBe(hex);
    expect(master.source).toBe('WATTLOG_MASTER_KEY');
    expect(master.id).toMatch(/^[0-9a-f]{16}$/);
    expect(master.id).not.toBe(hex.slice(0, 16));
    expect(() => readFileSync(join(dataDir, 'master.key'))).toThrow();
  });

  it('refuses a malformed WATTLOG_MASTER_KEY without echoing it', () => {
    const run = (): unknown => loadMasterKey('secret-but-short', dataDir);
    expect(run).toThrow(
      new MasterKeyError('WATTLOG_MASTER_KEY must be 64 hex characters (32 bytes), got 16 characters'),
    );
  });

  it('generates a key once into <dataDir>/master.key with mode 0600 and reuses it', () => {
    const first = loadMasterKey(undefined, dataDir);
    const path = join(dataDir, 'master.key');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(first.source).toBe(path);
    expect(readFileSync(path, 'utf8').trim()).toBe(first.key.toString('hex'));
    const second = loadMasterKey(undefined, dataDir);
    expect(second.key).toEqual(first.key);
    expect(second.id).toBe(first.id);
  });

  it('refuses a master key file others can read, or one that is damaged', () => {
    const path = join(dataDir, 'master.key');
    loadMasterKey(undefined, dataDir);
    chmodSync(path, 0o644);
    expect(() => loadMasterKey(undefined, dataDir)).toThrow(
      `${path} is readable by group or others; run: chmod 600 ${path}`,
    );
    writeFileSync(path, 'nonsense\n', { mode: 0o600 });
    chmodSync(path, 0o600);
    expect(() => loadMasterKey(undefined, dataDir)).toThrow('must hold 64 hex characters');
  });
});
