import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher } from '../../application/access/ports/password-hasher.port.js';

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
}

/** N = 2^17, r = 8, p = 1: 128 MiB and a few hundred milliseconds per hash. */
export const DEFAULT_SCRYPT: ScryptParams = { log2N: 17, r: 8, p: 1 };

/**
 * The cost new hashes are made with: always N = 2^17, except under the test runner (NODE_ENV=test), where
 * WATTLOG_TEST_SCRYPT_LOG2N may lower it so that a suite registering hundreds of users does not spend minutes in the
 * KDF. Outside tests the variable is ignored, so no deployment can be configured below the required cost.
 */
export function scryptParamsFor(env: NodeJS.ProcessEnv): ScryptParams {
  const lowered = env.NODE_ENV === 'test' ? Number(env.WATTLOG_TEST_SCRYPT_LOG2N) : NaN;
  return Number.isInteger(lowered) && lowered >= 10 && lowered < DEFAULT_SCRYPT.log2N
    ? { ...DEFAULT_SCRYPT, log2N: lowered }
    : DEFAULT_SCRYPT;
}
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Each running scrypt holds 128·N·r bytes; more than two at once would let a login flood eat the machine's memory.
const MAX_CONCURRENT = 2;
const ENCODED = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{22})\$([A-Za-z0-9+/]{43})$/;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.log2N;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 128 * N * params.r * 2 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const b64 = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');

/**
 * scrypt through node:crypto's asynchronous API (on libuv's pool, off the event loop), encoded PHC-style:
 * `$scrypt$ln=17,r=8,p=1$<salt>$<key>` (unpadded base64), so parameters can be raised later and old hashes still verify.
 */
export class ScryptPasswordHasher implements PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly dummy: Promise<string>;

  constructor(private readonly params: ScryptParams = DEFAULT_SCRYPT) {
    this.dummy = this.hash(randomBytes(16).toString('hex'));
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await this.limited(() => derive(password, salt, this.params));
    return `$scrypt$ln=${this.params.log2N},r=${this.params.r},p=${this.params.p}$${b64(salt)}$${b64(key)}`;
  }

  async verify(password: string, encoded: string): Promise<boolean> {
    const match = ENCODED.exec(encoded);
    if (!match) return false;
    const params = { log2N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
    // Refuse parameters a tampered row could use to make one login cost gigabytes.
    if (params.log2N < 10 || params.log2N > 20 || params.r < 1 || params.r > 16 || params.p < 1 || params.p > 4)
      return false;
    const salt = Buffer.from(match[4]!, 'base64');
    const expected = Buffer.from(match[5]!, 'base64');
    const actual = await this.limited(() => derive(password, salt, params));
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  async spendDummyVerification(password: string): Promise<void> {
    await this.verify(password, await this.dummy);
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_CONCURRENT) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}
