import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';

describe('backoffDelay', () => {
  it('doubles per attempt between half and all of the step, capped', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, DEFAULT_BACKOFF, () => 0))).toEqual([125, 250, 500, 1000]);
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, DEFAULT_BACKOFF, () => 1))).toEqual([250, 500, 1000, 2000]);
    expect(backoffDelay(50, DEFAULT_BACKOFF, () => 1)).toBe(30_000);
    expect(backoffDelay(10_000, DEFAULT_BACKOFF, () => 0)).toBe(15_000);
  });

  it('spreads retries of many gateways', () => {
    const delays = new Set(Array.from({ length: 100 }, () => backoffDelay(4, DEFAULT_BACKOFF, Math.random)));
    expect(delays.size).toBeGreaterThan(50);
  });
});
