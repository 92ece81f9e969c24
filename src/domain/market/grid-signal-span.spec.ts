import { aDayAheadPriceSignal } from '#test/builders/market.js';
import { gridSignalEnd } from './grid-signal-span.js';

describe('grid signal end (for the active filter)', () => {
  it('ends after its last quarter hour', () => {
    expect(gridSignalEnd(aDayAheadPriceSignal('p', 96, '2026-12-08T00:00:00Z'))).toBe('2026-12-09T00:00:00.000Z');
  });

  it('lets an interval with its own duration push the ones after it', () => {
    expect(
      gridSignalEnd({
        programID: 'p',
        intervalPeriod: { start: '2026-12-08T10:00:00Z', duration: 'PT1H' },
        intervals: [
          { id: 0, intervalPeriod: { duration: 'PT2H' }, payloads: [] },
          { id: 1, payloads: [] },
        ],
      }),
    ).toBe('2026-12-08T13:00:00.000Z');
  });

  it('takes the event duration over the intervals, months counted at the start', () => {
    expect(
      gridSignalEnd({
        programID: 'p',
        duration: 'P1M',
        intervalPeriod: { start: '2026-01-15T00:00:00Z' },
        intervals: [],
      }),
    ).toBe('2026-02-15T00:00:00.000Z');
  });

  it('has no end for "now", P9999Y or a missing start', () => {
    expect(
      gridSignalEnd({ programID: 'p', intervalPeriod: { start: '0001-01-01', duration: 'PT1H' } }),
    ).toBeUndefined();
    expect(
      gridSignalEnd({ programID: 'p', intervalPeriod: { start: '2026-01-01T00:00:00Z', duration: 'P9999Y' } }),
    ).toBeUndefined();
    expect(gridSignalEnd({ programID: 'p', intervals: [{ id: 0, payloads: [] }] })).toBeUndefined();
  });
});
