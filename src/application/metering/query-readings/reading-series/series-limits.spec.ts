import { InvalidReadingQueryError } from '../reading-query.errors.js';
import { checkSeriesRange, checkSeriesSensors, SERIES_LIMITS, seriesKind } from './series-limits.js';

const DAY = 24 * 60 * 60 * 1000;
const FROM = new Date('2025-01-01T00:00:00Z');
const after = (ms: number): Date => new Date(FROM.getTime() + ms);

describe('series limits', () => {
  it.each(Object.entries(SERIES_LIMITS.maxRangeDays))(
    'bucket %s accepts exactly %d days and refuses a millisecond more',
    (bucket, days) => {
      const b = bucket as keyof typeof SERIES_LIMITS.maxRangeDays;
      expect(() => checkSeriesRange(b, FROM, after(days * DAY))).not.toThrow();
      expect(() => checkSeriesRange(b, FROM, after(days * DAY + 1))).toThrow(
        new InvalidReadingQueryError(`bucket ${b} allows at most ${days} days between from and to`),
      );
    },
  );

  it('refuses empty, reversed and unparseable ranges', () => {
    expect(() => checkSeriesRange('1h', FROM, FROM)).toThrow('to must be later than from');
    expect(() => checkSeriesRange('1h', after(1), FROM)).toThrow('to must be later than from');
    expect(() => checkSeriesRange('1h', new Date('nonsense'), FROM)).toThrow('from and to must be ISO-8601 times');
  });

  it('needs one to fifty sensors', () => {
    expect(() => checkSeriesSensors(0)).toThrow('at least one sensor is required');
    expect(() => checkSeriesSensors(50)).not.toThrow();
    expect(() => checkSeriesSensors(51)).toThrow('at most 50 sensors per series request; got 51');
  });

  it('treats the cumulative quantities as counters and everything else as gauges', () => {
    expect(
      ['energyImported', 'energyExported', 'gasVolume', 'power', 'voltage', 'switchState'].map(seriesKind),
    ).toEqual(['counter', 'counter', 'counter', 'gauge', 'gauge', 'gauge']);
  });
});
