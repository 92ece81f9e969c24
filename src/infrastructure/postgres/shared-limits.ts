import {
  failedAgain,
  throttleKeys,
  type Failures,
  type LoginAttempts,
  type LoginThrottleOptions,
} from '../../application/access/login/login-throttle.js';
import type { ReadModelDb } from '../../application/ports/read-model-db.port.js';
import {
  bucketState,
  type BucketPolicy,
  type BucketState,
  type TokenBucketStore,
} from '../../application/ports/shared-limits.port.js';

/**
 * Rate-limit buckets and failed-login counters every node shares. Unlogged: a crash of the database forgets them,
 * which only ever lets a client start with full buckets. Not read models: rebuilds never touch them.
 */
export const SHARED_LIMITS_SQL = `
CREATE UNLOGGED TABLE rate_limit_buckets (
  key text PRIMARY KEY,
  tokens double precision NOT NULL,
  allowed boolean NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNLOGGED TABLE login_failures (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  last_at_ms bigint NOT NULL,
  blocked_until_ms bigint NOT NULL
);
`;

/** Forget buckets that have refilled (the same as no bucket) once per this many spends of a process. */
const PRUNE_EVERY = 1000;

/** Token buckets under one policy in Postgres, keys prefixed by the family (`principal`, `address`). */
export class PostgresBucketStore implements TokenBucketStore {
  private spends = 0;

  constructor(
    private readonly db: ReadModelDb,
    private readonly family: string,
    readonly policy: BucketPolicy,
  ) {
    if (!(policy.ratePerSecond > 0) || !(policy.burst >= 1))
      throw new Error('a rate limit needs a positive rate and a burst of at least 1');
  }

  take(key: string): Promise<BucketState> {
    return this.spend(key, true);
  }

  charge(key: string): Promise<BucketState> {
    return this.spend(key, false);
  }

  async hasToken(key: string): Promise<boolean> {
    const rows = await this.db.query<{ ok: boolean }>(
      `SELECT least($2::float8, tokens + greatest(0, extract(epoch FROM statement_timestamp() - updated_at)) * $3::float8) >= 1 AS ok
         FROM rate_limit_buckets WHERE key = $1`,
      [this.keyOf(key), this.policy.burst, this.policy.ratePerSecond],
    );
    return rows[0]?.ok ?? true;
  }

  /**
   * One statement: the upsert's row lock orders concurrent requests from every node, and the refill is timed on the
   * database's clock, so nodes whose clocks differ still share one bucket.
   */
  private async spend(key: string, refuseWhenEmpty: boolean): Promise<BucketState> {
    const refilled = `least($3::float8, b.tokens + greatest(0, extract(epoch FROM statement_timestamp() - b.updated_at)) * $2::float8)`;
    const rows = await this.db.query<{ tokens: number; allowed: boolean }>(
      `INSERT INTO rate_limit_buckets AS b (key, tokens, allowed, updated_at)
       VALUES ($1, $3::float8 - 1, true, statement_timestamp())
       ON CONFLICT (key) DO UPDATE SET
         allowed = ${refilled} >= 1,
         tokens = CASE WHEN ${refilled} >= 1 OR NOT $4::boolean THEN greatest(0, ${refilled} - 1) ELSE ${refilled} END,
         updated_at = statement_timestamp()
       RETURNING tokens, allowed`,
      [this.keyOf(key), this.policy.ratePerSecond, this.policy.burst, refuseWhenEmpty],
    );
    const row = rows[0];
    if (!row) throw new Error(`rate limit bucket ${key}: the upsert returned no row`);
    if (++this.spends % PRUNE_EVERY === 0) await this.pruneFull();
    return bucketState(this.policy, row.allowed, Number(row.tokens));
  }

  /** A bucket untouched for as long as it takes to refill is full: the same as none. */
  private async pruneFull(): Promise<void> {
    await this.db.query(
      `DELETE FROM rate_limit_buckets WHERE starts_with(key, $1)
         AND updated_at < statement_timestamp() - make_interval(secs => $2::float8)`,
      [`${this.family}|`, this.policy.burst / this.policy.ratePerSecond],
    );
  }

  private keyOf(key: string): string {
    return `${this.family}|${key}`;
  }
}

interface FailureRow {
  readonly key: string;
  readonly failures: number;
  readonly last_at_ms: string;
  readonly blocked_until_ms: string;
}

function failuresOf(row: FailureRow): Failures {
  return { count: row.failures, lastAt: Number(row.last_at_ms), blockedUntil: Number(row.blocked_until_ms) };
}

/** Keys as text Postgres can store: the in-process keys separate their parts with NUL. */
function storedKey(key: string): string {
  return JSON.stringify(key);
}

/**
 * The failed-login throttle's counters in Postgres, under the rules of the in-process LoginThrottle
 * (`failedAgain`): the three keys of an attempt are locked in one order, so concurrent failures on several nodes
 * count one after another and never deadlock.
 */
export class PostgresLoginAttempts implements LoginAttempts {
  private failuresSeen = 0;

  constructor(
    private readonly db: ReadModelDb,
    private readonly options: LoginThrottleOptions,
  ) {}

  async waitMs(account: string, ip: string, now: number): Promise<number> {
    const rows = await this.db.query<FailureRow>(
      'SELECT key, failures, last_at_ms::text, blocked_until_ms::text FROM login_failures WHERE key = ANY($1::text[])',
      [throttleKeys(account, ip).map(storedKey)],
    );
    let wait = 0;
    for (const row of rows) {
      const entry = failuresOf(row);
      if (now - entry.lastAt <= this.options.forgetAfterMs) wait = Math.max(wait, entry.blockedUntil - now);
    }
    return wait;
  }

  async recordFailure(account: string, ip: string, now: number): Promise<void> {
    const [pair, acct, addr] = throttleKeys(account, ip).map(storedKey) as [string, string, string];
    const rules = [
      [pair, this.options.pair],
      [acct, this.options.account],
      [addr, this.options.ip],
    ] as const;
    await this.db.transaction(async (tx) => {
      for (const [key, rule] of rules) {
        await tx.query(
          'INSERT INTO login_failures (key, failures, last_at_ms, blocked_until_ms) VALUES ($1, 0, $2, 0) ON CONFLICT (key) DO NOTHING',
          [key, now],
        );
        const [row] = await tx.query<FailureRow>(
          'SELECT key, failures, last_at_ms::text, blocked_until_ms::text FROM login_failures WHERE key = $1 FOR UPDATE',
          [key],
        );
        const next = failedAgain(row ? failuresOf(row) : undefined, rule, now, this.options.forgetAfterMs);
        await tx.query(
          'UPDATE login_failures SET failures = $2, last_at_ms = $3, blocked_until_ms = $4 WHERE key = $1',
          [key, next.count, next.lastAt, next.blockedUntil],
        );
      }
    });
    if (++this.failuresSeen % PRUNE_EVERY === 0) {
      await this.db.query('DELETE FROM login_failures WHERE last_at_ms < $1', [now - this.options.forgetAfterMs]);
    }
  }

  async recordSuccess(account: string, ip: string): Promise<void> {
    await this.db.query('DELETE FROM login_failures WHERE key = $1', [storedKey(throttleKeys(account, ip)[0])]);
  }
}
