export interface RetryPolicy {
  /** Delay ceiling before the first retry. */
  readonly baseDelayMs: number;
  /** Largest delay between two attempts. */
  readonly maxDelayMs: number;
  /** Attempts in all, the first one included; after the last failure the callback is suspended. */
  readonly maxAttempts: number;
}

/** 30 s, 1 min, 2 min … capped at 1 h; ten attempts over roughly four hours, then suspended. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 10 };

export type RetryDecision = { readonly kind: 'retry'; readonly delayMs: number } | { readonly kind: 'suspend' };

/**
 * What to do after `failedAttempts` consecutive failures (1 after the first): wait, or give up and suspend the
 * callback (Def-3.1.0 "Webhooks": back off, do not retry forever, mark the endpoint broken). Exponential with "equal
 * jitter": the ceiling doubles per failure up to `maxDelayMs`, and the delay is uniform in [ceiling/2, ceiling], so it
 * grows for sure yet many subscribers failing together do not retry in step. `random` is injected (uniform in
 * [0, 1)) so the schedule is pure and testable.
 */
export function nextRetry(
  failedAttempts: number,
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryDecision {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) {
    throw new RangeError(`failedAttempts must be a whole number ≥ 1, not ${failedAttempts}`);
  }
  if (failedAttempts >= policy.maxAttempts) return { kind: 'suspend' };
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempts - 1));
  const half = ceiling / 2;
  return { kind: 'retry', delayMs: Math.round(half + random() * half) };
}
