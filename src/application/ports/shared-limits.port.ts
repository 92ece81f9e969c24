/** Sustained requests per second and the burst a client may spend at once. */
export interface BucketPolicy {
  readonly ratePerSecond: number;
  readonly burst: number;
}

export interface BucketState {
  readonly allowed: boolean;
  /** Whole tokens left after this request. */
  readonly remaining: number;
  /** Seconds until one token is back (when refused), rounded up. */
  readonly retryAfterSeconds: number;
  /** Seconds until the bucket is full again, rounded up. */
  readonly resetSeconds: number;
}

/**
 * Token buckets under one policy, one per key: kept in this process (one node) or in a store every node shares, so
 * that N nodes together allow the configured rate, not N times it.
 */
export interface TokenBucketStore {
  readonly policy: BucketPolicy;
  /** Spends one token if there is one. */
  take(key: string): Promise<BucketState>;
  /** Spends one token even if that leaves the bucket empty (the answer has already been decided). */
  charge(key: string): Promise<BucketState>;
  /** Whether a request would be allowed now, spending nothing. */
  hasToken(key: string): Promise<boolean>;
}

/** The answer for a bucket holding `tokens` after a spend that was (or was not) allowed. */
export function bucketState(policy: BucketPolicy, allowed: boolean, tokens: number): BucketState {
  const { ratePerSecond, burst } = policy;
  return {
    allowed,
    remaining: Math.floor(tokens),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / ratePerSecond)),
    resetSeconds: Math.ceil((burst - tokens) / ratePerSecond),
  };
}
