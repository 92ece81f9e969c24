import { dayWindows, splitAtUtcDays } from './series-days.js';

describe('splitAtUtcDays', () => {
  it('cuts a range starting and ending inside days into head, whole days and tail', () => {
    expect(splitAtUtcDays({ from: '2025-03-01T10:15:00.000Z', to: '2025-03-04T00:30:00.000Z' })).toEqual({
      head: { from: '2025-03-01T10:15:00.000Z', to: '2025-03-02T00:00:00.000Z' },
      days: { from: '2025-03-02T00:00:00.000Z', to: '2025-03-04T00:00:00.000Z' },
      tail: { from: '2025-03-04T00:00:00.000Z', to: '2025-03-04T00:30:00.000Z' },
    });
  });

  it('has neither head nor tail when the range runs midnight to midnight', () => {
    expect(splitAtUtcDays({ from: '2025-03-01T00:00:00.000Z', to: '2025-03-02T00:00:00.000Z' })).toEqual({
      head: null,
      days: { from: '2025-03-01T00:00:00.000Z', to: '2025-03-02T00:00:00.000Z' },
      tail: null,
    });
  });

  it('leaves a range without a whole day to the head, even across a midnight', () => {
    const range = { from: '2025-03-01T12:00:00.000Z', to: '2025-03-02T11:00:00.000Z' };
    expect(splitAtUtcDays(range)).toEqual({ head: range, days: null, tail: null });
  });

  it('cuts at UTC midnights before 1970 too', () => {
    expect(splitAtUtcDays({ from: '1969-12-30T06:00:00.000Z', to: '1970-01-01T00:00:00.000Z' }).days).toEqual({
      from: '1969-12-31T00:00:00.000Z',
      to: '1970-01-01T00:00:00.000Z',
    });
  });
});

describe('dayWindows', () => {
  it('runs of at most the given days, the last one shorter', () => {
    expect(dayWindows({ from: '2025-03-01T00:00:00.000Z', to: '2025-03-06T00:00:00.000Z' }, 2)).toEqual([
      { from: '2025-03-01T00:00:00.000Z', to: '2025-03-03T00:00:00.000Z' },
      { from: '2025-03-03T00:00:00.000Z', to: '2025-03-05T00:00:00.000Z' },
      { from: '2025-03-05T00:00:00.000Z', to: '2025-03-06T00:00:00.000Z' },
    ]);
  });

  it('holds at least one day per window', () => {
    expect(dayWindows({ from: '2025-03-01T00:00:00.000Z', to: '2025-03-03T00:00:00.000Z' }, 0.5)).toHaveLength(2);
  });
});
