import {
  bucketState,
  type BucketPolicy,
  type BucketState,
  type TokenBucketStore,
} from '../../../application/ports/shared-limits.port.js';

export type { BucketPolicy, BucketState } from '../../../application/ports/shared-limits.port.js';

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * Token buckets per key, refilled lazily on each use: O(1) per request, no timers. A bucket that has refilled
 * completely is the same as no bucket, which is what keeps memory bounded: when the map grows past `maxKeys`, full
 * buckets are dropped, then the oldest.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly policy: BucketPolicy,
    private readonly maxKeys = 100_000,
  ) {
    if (!(policy.ratePerSecond > 0) || !(policy.burst >= 1))
      throw new Error('a rate limit needs a positive rate and a burst of at least 1');
  }

  /** Spends one token if there is one. */
  take(key: string, nowMs: number): BucketState {
    return this.spend(key, nowMs, true);
  }

  /** Spends one token even if that leaves the bucket empty (the answer has already been decided). */
  charge(key: string, nowMs: number): BucketState {
    return this.spend(key, nowMs, false);
  }

  /** Whether a request would be allowed now, spending nothing. */
  hasToken(key: string, nowMs: number): boolean {
    const bucket = this.buckets.get(key);
    return bucket === undefined || this.refilled(bucket, nowMs) >= 1;
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(bucket: Bucket, nowMs: number): number {
    const elapsed = Math.max(0, nowMs - bucket.updatedMs) / 1000;
    return Math.min(this.policy.burst, bucket.tokens + elapsed * this.policy.ratePerSecond);
  }

  private spend(key: string, nowMs: number, refuseWhenEmpty: boolean): BucketState {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      if (this.buckets.size >= this.maxKeys) this.prune(nowMs);
      bucket = { tokens: this.policy.burst, updatedMs: nowMs };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = this.refilled(bucket, nowMs);
      bucket.updatedMs = nowMs;
    }
    const allowed = bucket.tokens >= 1;
    if (allowed || !refuseWhenEmpty) bucket.tokens = Math.max(0, bucket.tokens - 1);
    return bucketState(this.policy, allowed, bucket.tokens);
  }

  private prune(nowMs: number): void {
    for (const [key, bucket] of this.buckets) {
      if (this.refilled(bucket, nowMs) >= this.policy.burst) this.buckets.delete(key);
    }
    // Still full of busy clients: forget the least recently created tenth.
    const excess = this.buckets.size - Math.floor(this.maxKeys * 0.9);
    if (excess > 0) {
      let dropped = 0;
      for (const key of this.buckets.keys()) {
        if (dropped++ >= excess) break;
        this.buckets.delete(key);
      }
    }
  }
}

/** The buckets of this process as a store: enough for one node (the embedded setup); clustered nodes share theirs. */
export class InProcessBucketStore implements TokenBucketStore {
  private readonly buckets: TokenBuckets;

  constructor(
    readonly policy: BucketPolicy,
    private readonly now: () => number,
  ) {
    this.buckets = new TokenBuckets(policy);
  }

  take(key: string): Promise<BucketState> {
    return Promise.resolve(this.buckets.take(key, this.now()));
  }

  charge(key: string): Promise<BucketState> {
    return Promise.resolve(this.buckets.charge(key, this.now()));
  }

  hasToken(key: string): Promise<boolean> {
    return Promise.resolve(this.buckets.hasToken(key, this.now()));
  }
}
