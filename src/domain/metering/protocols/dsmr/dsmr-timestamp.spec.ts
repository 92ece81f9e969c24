import { isEuSummerTime, parseDsmrTimestamp } from './dsmr-timestamp.js';

describe('parseDsmrTimestamp', () => {
  it('reads W as UTC+01:00 and S as UTC+02:00', () => {
    expect(parseDsmrTimestamp('101209113020W')).toBe('2010-12-09T10:30:20.000Z');
    expect(parseDsmrTimestamp('190905214003S')).toBe('2019-09-05T19:40:03.000Z');
  });

  describe('around the switch to summer time (31 March 2024, 02:00 → 03:00 local)', () => {
    it('with W/S, the last winter second and the first summer second are one second apart', () => {
      expect(parseDsmrTimestamp('240331015959W')).toBe('2024-03-31T00:59:59.000Z');
      expect(parseDsmrTimestamp('240331030000S')).toBe('2024-03-31T01:00:00.000Z');
    });

    it('without W/S, applies the EU rule', () => {
      expect(parseDsmrTimestamp('240331015959')).toBe('2024-03-31T00:59:59.000Z');
      expect(parseDsmrTimestamp('240331030000')).toBe('2024-03-31T01:00:00.000Z');
      // 02:30 does not exist that night; it is read as winter time.
      expect(parseDsmrTimestamp('240331023000')).toBe('2024-03-31T01:30:00.000Z');
    });
  });

  describe('around the switch to winter time (27 October 2024, 03:00 → 02:00 local)', () => {
    it('with W/S, tells the two 02:30s apart', () => {
      expect(parseDsmrTimestamp('241027023000S')).toBe('2024-10-27T00:30:00.000Z');
      expect(parseDsmrTimestamp('241027023000W')).toBe('2024-10-27T01:30:00.000Z');
    });

    it('without W/S, takes the first (summer-time) 02:30 and reads 03:00 as winter time', () => {
      expect(parseDsmrTimestamp('241027023000')).toBe('2024-10-27T00:30:00.000Z');
      expect(parseDsmrTimestamp('241027030000')).toBe('2024-10-27T02:00:00.000Z');
    });
  });

  it('without W/S, reads a summer noon and a winter noon with their own offsets', () => {
    expect(parseDsmrTimestamp('240701120000')).toBe('2024-07-01T10:00:00.000Z');
    expect(parseDsmrTimestamp('161107190000')).toBe('2016-11-07T18:00:00.000Z');
  });

  it.each(['632525252525W', '240230120000W', '240101240000S', '240101126000W', '2401011200W', '240101120000X', ''])(
    'refuses %j',
    (text) => {
      expect(parseDsmrTimestamp(text)).toBeUndefined();
    },
  );
});

describe('isEuSummerTime', () => {
  it('starts on the last Sunday of March at 01:00 UTC and ends on the last Sunday of October at 01:00 UTC', () => {
    expect(isEuSummerTime(Date.UTC(2025, 2, 30, 0, 59, 59))).toBe(false);
    expect(isEuSummerTime(Date.UTC(2025, 2, 30, 1, 0, 0))).toBe(true);
    expect(isEuSummerTime(Date.UTC(2025, 9, 26, 0, 59, 59))).toBe(true);
    expect(isEuSummerTime(Date.UTC(2025, 9, 26, 1, 0, 0))).toBe(false);
  });
});
