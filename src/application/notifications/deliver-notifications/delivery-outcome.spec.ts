import { deliveryOutcome, NOTIFICATION_RETRY_POLICY } from './delivery-outcome.js';

const NOW = new Date('2026-03-01T10:00:00Z');

describe('delivery outcome', () => {
  it('retries a passing failure with a growing, jittered delay', () => {
    const first = deliveryOutcome(1, { message: '451 try later', retryable: true }, NOW, () => 0);
    const third = deliveryOutcome(3, { message: '451 try later', retryable: true }, NOW, () => 0.999);
    expect(first).toEqual({
      status: 'pending',
      nextAttemptAt: new Date(NOW.getTime() + 15_000),
      error: '451 try later',
    });
    expect(third.status).toBe('pending');
    if (third.status === 'pending') expect(third.nextAttemptAt.getTime() - NOW.getTime()).toBeCloseTo(119_940, -2);
  });

  it('never retries a permanent failure', () => {
    expect(deliveryOutcome(1, { message: '550 no such user', retryable: false }, NOW, () => 0.5)).toEqual({
      status: 'failed',
      error: '550 no such user',
    });
  });

  it('abandons after the last attempt', () => {
    const last = NOTIFICATION_RETRY_POLICY.maxAttempts;
    expect(deliveryOutcome(last, { message: 'timeout', retryable: true }, NOW, () => 0.5).status).toBe('abandoned');
  });
});
