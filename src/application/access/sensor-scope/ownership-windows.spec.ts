import { bucketStartsIn, clipWindows } from './ownership-windows.js';

const HOUR = 3_600_000;
const ms = (iso: string): number => Date.parse(iso);

describe('access windows of a series', () => {
  const range = { from: '2025-03-01T00:00:00.000Z', to: '2025-03-02T00:00:00.000Z' };

  it('clips periods to the range, merges touching ones and keeps them in time order', () => {
    expect(
      clipWindows(
        [
          { fromMs: ms('2025-03-01T12:00:00.000Z'), toMs: ms('2025-03-01T18:00:00.000Z') },
          { fromMs: null, toMs: ms('2025-03-01T06:30:00.000Z') },
          { fromMs: ms('2025-03-01T18:00:00.000Z'), toMs: null },
          { fromMs: ms('2025-02-01T00:00:00.000Z'), toMs: ms('2025-02-02T00:00:00.000Z') },
        ],
        range,
      ),
    ).toEqual([
      { from: range.from, to: '2025-03-01T06:30:00.000Z' },
      { from: '2025-03-01T12:00:00.000Z', to: range.to },
    ]);
    expect(clipWindows([], range)).toEqual([]);
  });

  it('reads only buckets wholly inside a window at a handover, and by their start at the request’s own edges', () => {
    const before = { from: range.from, to: '2025-03-01T06:30:00.000Z' };
    const after = { from: '2025-03-01T06:30:00.000Z', to: range.to };
    expect(bucketStartsIn(before, range, HOUR)).toEqual({ from: range.from, to: '2025-03-01T06:00:00.000Z' });
    expect(bucketStartsIn(after, range, HOUR)).toEqual({ from: '2025-03-01T07:00:00.000Z', to: range.to });
    // The day bucket of the handover belongs to neither owner.
    expect(bucketStartsIn(before, range, 24 * HOUR)).toBeNull();
    expect(bucketStartsIn(after, range, 24 * HOUR)).toBeNull();
    // No handover: the request's range as it is, even when not on a bucket edge.
    const odd = { from: '2025-03-01T00:07:00.000Z', to: '2025-03-01T02:50:00.000Z' };
    expect(bucketStartsIn(odd, odd, HOUR)).toEqual(odd);
  });
});
