import {
  chooseBucket,
  compareWith,
  parseRelative,
  summary,
  toColumns,
  toCsv,
  toLocalDays,
  localIso,
  localMidnight,
  type SeriesDto,
} from '../../web/src/lib/series.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function gauge(points: { t: string; avg: number | null; min: number | null; max: number | null }[]): SeriesDto {
  return {
    sensorId: 's',
    nodeId: 'n',
    gatewayId: 'g',
    quantity: 'power',
    unit: 'W',
    kind: 'gauge',
    points: points.map((p) => ({ count: 1, ...p })),
  };
}

describe("the UI's series helpers", () => {
  it('chooses the finest bucket with at most two points per pixel, and 15 minutes when forced', () => {
    expect(chooseBucket(HOUR, 1200)).toBe('raw');
    expect(chooseBucket(DAY, 1200)).toBe('15m');
    expect(chooseBucket(30 * DAY, 1200)).toBe('1h');
    expect(chooseBucket(365 * DAY, 1200)).toBe('1d');
    expect(chooseBucket(7 * DAY, 300)).toBe('1h');
    expect(chooseBucket(365 * DAY, 1200, true)).toBe('15m');
  });

  it('draws a missing bucket as a gap (null), never as a line across it or a zero', () => {
    const columns = toColumns(
      gauge([
        { t: '2025-03-01T00:00:00Z', avg: 1, min: 0, max: 2 },
        { t: '2025-03-01T00:15:00Z', avg: 2, min: 1, max: 3 },
        { t: '2025-03-01T01:00:00Z', avg: 4, min: 3, max: 5 },
      ]),
      '15m',
    );
    expect(columns.y).toEqual([1, 2, null, 4]);
    expect(columns.x[2]).toBe(Date.parse('2025-03-01T00:30:00Z') / 1000);
    expect(columns.lo).toEqual([0, 1, null, 3]);
    expect(summary(columns)).toEqual({ min: 1, max: 4, avg: 7 / 3, points: 3 });
  });

  it('exports exactly the columns shown, gaps as empty cells', () => {
    const columns = toColumns(
      gauge([
        { t: '2025-03-01T00:00:00Z', avg: 1, min: 0, max: 2 },
        { t: '2025-03-01T00:30:00Z', avg: 3, min: 3, max: 3 },
      ]),
      '15m',
    );
    expect(toCsv(columns, 's', 'W', '15m')).toBe(
      '# sensor s, bucket 15m\ntime,avg_W,min_W,max_W\n2025-03-01T00:00:00.000Z,1,0,2\n2025-03-01T00:15:00.000Z,,,\n2025-03-01T00:30:00.000Z,3,3,3\n',
    );
  });
});

describe('ranges and comparison', () => {
  it("reads relative ranges like Grafana's", () => {
    expect(parseRelative('-1d')).toBe(DAY);
    expect(parseRelative(' -6h ')).toBe(6 * HOUR);
    expect(parseRelative('-2w')).toBe(14 * DAY);
    expect(parseRelative('-30m')).toBe(30 * 60_000);
    expect(parseRelative('1d')).toBeNull();
    expect(parseRelative('-0d')).toBeNull();
    expect(parseRelative('-1 fortnight')).toBeNull();
  });

  it('lays the previous period over the current one, joined on time, keeping its gaps as gaps', () => {
    const current = { x: [100, 200], y: [1, 2], lo: [null, null], hi: [null, null], kind: 'raw' as const };
    const previous = {
      x: [0, 50, 100],
      y: [5, null, 7],
      lo: [null, null, null],
      hi: [null, null, null],
      kind: 'raw' as const,
    };
    const compared = compareWith(current, previous, 100);
    expect(compared.x).toEqual([100, 150, 200]);
    expect(compared.y).toEqual([1, undefined, 2]);
    expect(compared.previous).toEqual([5, null, 7]);
    expect(toCsv(compared, 's', 'W', 'raw').split('\n').slice(1, 3)).toEqual([
      'time,value_W,previous_period_W',
      '1970-01-01T00:01:40.000Z,1,5',
    ]);
  });

  it("folds hourly buckets into the user's calendar days, 23 and 25 hours long on DST changes", () => {
    const zone = 'Europe/Amsterdam';
    // Spring forward: 30 March 2025 starts at 23:00Z the day before and lasts 23 hours.
    expect(new Date(localMidnight(Date.parse('2025-03-30T12:00:00Z'), zone)).toISOString()).toBe(
      '2025-03-29T23:00:00.000Z',
    );
    expect(new Date(localMidnight(Date.parse('2025-03-31T12:00:00Z'), zone)).toISOString()).toBe(
      '2025-03-30T22:00:00.000Z',
    );
    expect(new Date(localMidnight(Date.parse('2025-10-26T23:30:00Z'), zone)).toISOString()).toBe(
      '2025-10-26T23:00:00.000Z',
    );
    const hours = (from: string, n: number) =>
      Array.from({ length: n }, (_, i) => new Date(Date.parse(from) + i * HOUR).toISOString());
    const counter: SeriesDto = {
      sensorId: 's',
      nodeId: 'n',
      gatewayId: 'g',
      quantity: 'energyImported',
      unit: 'kWh',
      kind: 'counter',
      // 29 March 00:00 local (23:00Z on the 28th) to 31 March 00:00 local, one kWh per hour.
      points: hours('2025-03-28T23:00:00Z', 24 + 23).map((t) => ({ t, count: 1, delta: 1 })),
    };
    const days = toLocalDays(counter, zone);
    expect(days.points).toEqual([
      { t: '2025-03-28T23:00:00.000Z', count: 24, delta: 24 },
      { t: '2025-03-29T23:00:00.000Z', count: 23, delta: 23 },
    ]);
    const fall = toLocalDays(
      gauge(hours('2025-10-25T22:00:00Z', 25).map((t, i) => ({ t, avg: i, min: i - 1, max: i + 1 }))),
      zone,
    );
    expect(fall.points).toEqual([{ t: '2025-10-25T22:00:00.000Z', count: 25, avg: 12, min: -1, max: 25 }]);
    // A local day without data stays out, so the chart draws it as a gap.
    const withHole: SeriesDto = {
      ...counter,
      points: [
        ...counter.points.slice(0, 24),
        ...hours('2025-03-30T22:00:00Z', 24).map((t) => ({ t, count: 1, delta: 2 })),
      ],
    };
    expect(toColumns(toLocalDays(withHole, zone), '1d').y).toEqual([24, null, 48]);
  });

  it('writes the wall-clock time with its offset beside UTC in the CSV when given the time zone', () => {
    expect(localIso(Date.parse('2025-03-30T00:30:00Z') / 1000, 'Europe/Amsterdam')).toBe('2025-03-30T01:30:00+01:00');
    expect(localIso(Date.parse('2025-03-30T01:30:00Z') / 1000, 'Europe/Amsterdam')).toBe('2025-03-30T03:30:00+02:00');
    const columns = toColumns(gauge([{ t: '2025-03-30T01:00:00Z', avg: 1, min: 1, max: 1 }]), '1h');
    expect(toCsv(columns, 's', 'W', '1h', 'Europe/Amsterdam')).toBe(
      '# sensor s, bucket 1h, time zone Europe/Amsterdam\ntime,local_time,avg_W,min_W,max_W\n2025-03-30T01:00:00.000Z,2025-03-30T03:00:00+02:00,1,1,1\n',
    );
  });
});
