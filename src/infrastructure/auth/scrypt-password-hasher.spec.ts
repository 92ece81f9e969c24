import { DEFAULT_SCRYPT, ScryptPasswordHasher, scryptParamsFor } from './scrypt-password-hasher.js';

describe('ScryptPasswordHasher', () => {
  const hasher = new ScryptPasswordHasher();

  it('encodes N=2^17, r=8, p=1 with a fresh salt, and verifies only the right password', async () => {
    const one = await hasher.hash('correct horse battery');
    const two = await hasher.hash('correct horse battery');
    expect(one).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(one).not.toBe(two);
    expect(one).not.toContain('correct horse');
    await expect(hasher.verify('correct horse battery', one)).resolves.toBe(true);
    await expect(hasher.verify('correct horse batterY', one)).resolves.toBe(false);
  }, 30_000);

  it('refuses malformed encodings and parameters a tampered row could abuse', async () => {
    const encoded = await hasher.hash('correct horse battery');
    await expect(hasher.verify('correct horse battery', encoded.replace('ln=17', 'ln=30'))).resolves.toBe(false);
    await expect(hasher.verify('correct horse battery', 'plain-text')).resolves.toBe(false);
    await expect(hasher.verify('correct horse battery', encoded.slice(0, -2))).resolves.toBe(false);
  }, 30_000);

  it('spends a full verification on a dummy hash', async () => {
    const started = process.hrtime.bigint();
    await hasher.spendDummyVerification('whatever it is');
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // A 128 MiB scrypt cannot finish in a few milliseconds; a skipped one would.
    expect(ms).toBeGreaterThan(20);
  }, 30_000);

  describe('the cost new hashes are made with', () => {
    it('is N=2^17 whatever the variable says outside the test runner', () => {
      expect(scryptParamsFor({ WATTLOG_TEST_SCRYPT_LOG2N: '10' })).toEqual(DEFAULT_SCRYPT);
      expect(scryptParamsFor({ NODE_ENV: 'production', WATTLOG_TEST_SCRYPT_LOG2N: '10' })).toEqual(DEFAULT_SCRYPT);
    });

    it('may be lowered under the test runner, never below 2^10 nor above the default', () => {
      expect(scryptParamsFor({ NODE_ENV: 'test', WATTLOG_TEST_SCRYPT_LOG2N: '12' })).toEqual({ log2N: 12, r: 8, p: 1 });
      expect(scryptParamsFor({ NODE_ENV: 'test', WATTLOG_TEST_SCRYPT_LOG2N: '9' })).toEqual(DEFAULT_SCRYPT);
      expect(scryptParamsFor({ NODE_ENV: 'test', WATTLOG_TEST_SCRYPT_LOG2N: '19' })).toEqual(DEFAULT_SCRYPT);
      expect(scryptParamsFor({ NODE_ENV: 'test', WATTLOG_TEST_SCRYPT_LOG2N: 'cheap' })).toEqual(DEFAULT_SCRYPT);
      expect(scryptParamsFor({ NODE_ENV: 'test' })).toEqual(DEFAULT_SCRYPT);
    });
  });
});
