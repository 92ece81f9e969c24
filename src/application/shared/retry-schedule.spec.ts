import { DEFAULT_RETRY_POLICY, nextRetry, type RetryPolicy } from './retry-schedule.js';

const policy: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 10_000, maxAttempts: 6 };

describe('nextRetry', () => {
  it('doubles the ceiling per failure and draws the delay from its upper half', () => {
    const low = [1, 2, 3, 4, 5].map((n) => nextRetry(n, () => 0, policy));
    const high = [1, 2, 3, 4, 5].map((n) => nextRetry(n, () => 0.999_999, policy));
    expect(low).toEqual([500, 1_000, 2_000, 4_000, 5_000].map((delayMs) => ({ kind: 'retry', delayMs })));
    expect(high).toEqual([1_000, 2_000, 4_000, 8_000, 10_000].map((delayMs) => ({ kind: 'retry', delayMs })));
  });

  it('spreads subscribers that failed together', () => {
    const draws = [0.1, 0.5, 0.9];
    const delays = draws.map((r) => nextRetry(3, () => r, policy));
    expect(delays).toEqual([
      { kind: 'retry', delayMs: 2_200 },
      { kind: 'retry', delayMs: 3_000 },
      { kind: 'retry', delayMs: 3_800 },
    ]);
  });

  it('suspends after the last attempt instead of retrying forever', () => {
    expect(nextRetry(6, () => 0.5, policy)).toEqual({ kind: 'suspend' });
    expect(nextRetry(DEFAULT_RETRY_POLICY.maxAttempts, () => 0.5)).toEqual({ kind: 'suspend' });
    expect(nextRetry(DEFAULT_RETRY_POLICY.maxAttempts - 1, () => 0.5)).toEqual({ kind: 'retry', delayMs: 2_700_000 });
  });

  it('refuses a failure count below one', () => {
    expect(() => nextRetry(0, () => 0.5)).toThrow(RangeError);
  });
});
