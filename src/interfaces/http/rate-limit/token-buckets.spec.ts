import { TokenBuckets } from './token-buckets.js';

describe('TokenBuckets', () => {
  it('lets a burst through, then refuses until tokens refill at the sustained rate', () => {
    const buckets = new TokenBuckets({ ratePerSecond: 2, burst: 3 });
    expect([0, 0, 0].map((t) => buckets.take('a', t).allowed)).toEqual([true, true, true]);
    const refused = buckets.take('a', 0);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1, resetSeconds: 2 });
    expect(buckets.take('a', 499).allowed).toBe(false);
    expect(buckets.take('a', 500)).toMatchObject({ allowed: true, remaining: 0 });
    // Idle long enough, the bucket is full again but never fuller.
    expect(buckets.take('a', 60_000)).toMatchObject({ allowed: true, remaining: 2, resetSeconds: 1 });
  });

  it('keeps keys apart', () => {
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 1 });
    expect(buckets.take('a', 0).allowed).toBe(true);
    expect(buckets.take('a', 0).allowed).toBe(false);
    expect(buckets.take('b', 0).allowed).toBe(true);
  });

  it('charge spends even when empty; hasToken spends nothing', () => {
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 2 });
    expect(buckets.hasToken('a', 0)).toBe(true);
    buckets.charge('a', 0);
    buckets.charge('a', 0);
    expect(buckets.charge('a', 0).remaining).toBe(0);
    expect(buckets.hasToken('a', 0)).toBe(false);
    expect(buckets.hasToken('a', 1000)).toBe(true);
  });

  it('stays bounded: full buckets are forgotten first, then the oldest', () => {
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 5 }, 100);
    for (let i = 0; i < 100; i++) buckets.take(`idle-${i}`, 0);
    // All of them have refilled by t=10 s, so making room drops them all.
    buckets.take('new', 10_000);
    expect(buckets.size).toBe(1);
    for (let i = 0; i < 500; i++) buckets.take(`busy-${i}`, 20_000);
    expect(buckets.size).toBeLessThanOrEqual(100);
  });

  it('refuses a policy that could never admit anything', () => {
    expect(() => new TokenBuckets({ ratePerSecond: 0, burst: 5 })).toThrow(/positive rate/);
    expect(() => new TokenBuckets({ ratePerSecond: 1, burst: 0 })).toThrow(/burst/);
  });
});
