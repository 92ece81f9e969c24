import { LoginThrottle, type LoginThrottleOptions } from './login-throttle.js';

const OPTIONS: LoginThrottleOptions = {
  pair: { freeFailures: 3, baseDelayMs: 1_000, maxDelayMs: 300_000 },
  account: { freeFailures: 10, baseDelayMs: 1_000, maxDelayMs: 60_000 },
  ip: { freeFailures: 30, baseDelayMs: 1_000, maxDelayMs: 300_000 },
  forgetAfterMs: 900_000,
  maxKeys: 1000,
};

describe('LoginThrottle', () => {
  it('lets the first failures through, then doubles the wait per failure for the (account, IP) pair', () => {
    const throttle = new LoginThrottle(OPTIONS);
    let now = 0;
    for (let i = 0; i < 3; i++) {
      expect(throttle.waitMs('ann', '192.0.2.1', now)).toBe(0);
      throttle.recordFailure('ann', '192.0.2.1', now);
    }
    expect(throttle.waitMs('ann', '192.0.2.1', now)).toBe(0);
    throttle.recordFailure('ann', '192.0.2.1', now);
    expect(throttle.waitMs('ann', '192.0.2.1', now)).toBe(1_000);
    now += 1_000;
    throttle.recordFailure('ann', '192.0.2.1', now);
    expect(throttle.waitMs('ann', '192.0.2.1', now)).toBe(2_000);
    // Another address is not held up by the pair's failures.
    expect(throttle.waitMs('ann', '198.51.100.9', now)).toBe(0);
  });

  it('caps the per-account wait at a minute however many addresses attack it', () => {
    const throttle = new LoginThrottle(OPTIONS);
    for (let i = 0; i < 200; i++) throttle.recordFailure('ann', `10.0.${i >> 8}.${i & 255}`, 0);
    expect(throttle.waitMs('ann', '203.0.113.5', 0)).toBe(60_000);
    expect(throttle.waitMs('ann', '203.0.113.5', 60_000)).toBe(0);
  });

  it('caps the pair wait at five minutes', () => {
    const throttle = new LoginThrottle(OPTIONS);
    for (let i = 0; i < 50; i++) throttle.recordFailure('ann', '192.0.2.1', 0);
    expect(throttle.waitMs('ann', '192.0.2.1', 0)).toBe(300_000);
  });

  it('throttles one address spraying many accounts', () => {
    const throttle = new LoginThrottle(OPTIONS);
    for (let i = 0; i < 31; i++) throttle.recordFailure(`user${i}`, '192.0.2.66', 0);
    expect(throttle.waitMs('someone-else', '192.0.2.66', 0)).toBe(1_000);
    expect(throttle.waitMs('someone-else', '192.0.2.67', 0)).toBe(0);
  });

  it('forgets keys after a quiet period and clears the pair on success', () => {
    const throttle = new LoginThrottle(OPTIONS);
    for (let i = 0; i < 5; i++) throttle.recordFailure('ann', '192.0.2.1', 0);
    expect(throttle.waitMs('ann', '192.0.2.1', 0)).toBeGreaterThan(0);
    expect(throttle.waitMs('ann', '192.0.2.1', 900_001)).toBe(0);
    for (let i = 0; i < 5; i++) throttle.recordFailure('bob', '192.0.2.1', 0);
    throttle.recordSuccess('bob', '192.0.2.1');
    expect(throttle.waitMs('bob', '192.0.2.1', 0)).toBe(0);
  });

  it('stays within its memory bound', () => {
    const throttle = new LoginThrottle({ ...OPTIONS, maxKeys: 30 });
    for (let i = 0; i < 100; i++) throttle.recordFailure(`u${i}`, `192.0.2.${i}`, i);
    expect((throttle as unknown as { failures: Map<string, unknown> }).failures.size).toBe(30);
  });
});
