/**
 * Progressive delays after failed logins, kept per (account, IP) pair, per account and per IP. Each key gets a few
 * free failures, then must wait base·2^k before the next attempt, capped low enough that an attacker hammering an
 * account can delay its owner by minutes at most, never lock them out. The pair is strictest: the owner's own
 * address is rarely the attacker's, so the per-account limit is looser and allows for shared addresses.
 */
export interface ThrottleRule {
  readonly freeFailures: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export interface LoginThrottleOptions {
  readonly pair: ThrottleRule;
  readonly account: ThrottleRule;
  readonly ip: ThrottleRule;
  /** A key with no failure for this long starts over. */
  readonly forgetAfterMs: number;
  /** Memory bound: the oldest keys are dropped past this many. */
  readonly maxKeys: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  pair: { freeFailures: 3, baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 },
  account: { freeFailures: 10, baseDelayMs: 1_000, maxDelayMs: 60_000 },
  ip: { freeFailures: 30, baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 },
  forgetAfterMs: 15 * 60_000,
  maxKeys: 100_000,
};

export interface Failures {
  count: number;
  lastAt: number;
  /** No attempt under this key before then. */
  blockedUntil: number;
}

/**
 * Where failed attempts are counted: this process (LoginThrottle, one node) or a store every node shares, so that
 * N nodes together allow the configured guesses, not N times them. The same rules either way.
 */
export interface LoginAttempts {
  /** Milliseconds the attempt must still wait (0: go ahead). Checked before any password work. */
  waitMs(account: string, ip: string, now: number): number | Promise<number>;
  recordFailure(account: string, ip: string, now: number): void | Promise<void>;
  /** The right password from this address clears its pair; the account and IP counters keep running. */
  recordSuccess(account: string, ip: string): void | Promise<void>;
}

/** The keys one attempt counts under, strictest first: the (account, IP) pair, the account, the IP. */
export function throttleKeys(account: string, ip: string): [string, string, string] {
  return [`p\0${account}\0${ip}`, `a\0${account}`, `i\0${ip}`];
}

/** A key's failures after one more at `now`; `entry` is what it had, undefined (or forgotten) for none. */
export function failedAgain(
  entry: Failures | undefined,
  rule: ThrottleRule,
  now: number,
  forgetAfterMs: number,
): Failures {
  const live = entry && now - entry.lastAt <= forgetAfterMs ? entry : undefined;
  const count = (live?.count ?? 0) + 1;
  const over = count - rule.freeFailures;
  const blockedUntil =
    over > 0
      ? now + Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** Math.min(over - 1, 30))
      : (live?.blockedUntil ?? 0);
  return { count, lastAt: now, blockedUntil };
}

export class LoginThrottle implements LoginAttempts {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE) {}

  /** Milliseconds the attempt must still wait (0: go ahead). Checked before any password work. */
  waitMs(account: string, ip: string, now: number): number {
    let wait = 0;
    for (const key of this.keys(account, ip)) {
      const entry = this.live(key, now);
      if (entry) wait = Math.max(wait, entry.blockedUntil - now);
    }
    return wait;
  }

  recordFailure(account: string, ip: string, now: number): void {
    const [pair, acct, addr] = this.keys(account, ip);
    this.bump(pair, this.options.pair, now);
    this.bump(acct, this.options.account, now);
    this.bump(addr, this.options.ip, now);
  }

  /** The right password from this address clears its pair; the account and IP counters keep running. */
  recordSuccess(account: string, ip: string): void {
    this.failures.delete(this.keys(account, ip)[0]);
  }

  private keys(account: string, ip: string): [string, string, string] {
    return throttleKeys(account, ip);
  }

  private live(key: string, now: number): Failures | undefined {
    const entry = this.failures.get(key);
    if (entry && now - entry.lastAt > this.options.forgetAfterMs) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }

  private bump(key: string, rule: ThrottleRule, now: number): void {
    const entry = failedAgain(this.live(key, now), rule, now, this.options.forgetAfterMs);
    // Re-insert so Map order is least-recently-failed first, which is what eviction drops.
    this.failures.delete(key);
    this.failures.set(key, entry);
    while (this.failures.size > this.options.maxKeys) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }
}
