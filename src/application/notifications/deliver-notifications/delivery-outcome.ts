import { nextRetry, type RetryPolicy } from '../../shared/retry-schedule.js';

/** 30 s, 1 min, 2 min … capped at 6 h; eight attempts in all (about 2 h of trying), then abandoned. */
export const NOTIFICATION_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 3_600_000,
  maxAttempts: 8,
};

/** Failed attempts in a row, over all of a channel's deliveries, after which it is switched off as broken. */
export const BROKEN_AFTER_FAILURES = 8;

export type DeliveryOutcome =
  | { readonly status: 'delivered' }
  | { readonly status: 'pending'; readonly nextAttemptAt: Date; readonly error: string }
  | { readonly status: 'failed' | 'abandoned'; readonly error: string };

/**
 * What becomes of a delivery after an attempt: delivered; tried again later (exponential backoff with jitter) when the
 * failure may pass; `failed` at once when it cannot (a 5xx SMTP reply, a 4xx from a webhook, a blocked address);
 * `abandoned` once the attempts are used up. Pure: time and randomness come in.
 */
export function deliveryOutcome(
  attempt: number,
  failure: { readonly message: string; readonly retryable: boolean } | null,
  now: Date,
  random: () => number,
  policy: RetryPolicy = NOTIFICATION_RETRY_POLICY,
): DeliveryOutcome {
  if (failure === null) return { status: 'delivered' };
  if (!failure.retryable) return { status: 'failed', error: failure.message };
  const next = nextRetry(attempt, random, policy);
  if (next.kind === 'suspend') return { status: 'abandoned', error: failure.message };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + next.delayMs), error: failure.message };
}
