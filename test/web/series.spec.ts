import { chooseBucket, summary, toColumns, toCsv, type SeriesDto } from '../../web/src/lib/series.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function gauge(points: { t: string; avg: number | null; min: number | null; max: number | null }[]): SeriesDto {
  return { sensorId: 's', nodeId: 'n', gatewayId: 'g', quantity: 'power', unit: 'W', kind: 'gauge', points: points.map((p) => ({ count: 1, ...p })) };
}

describe('the UI\'s series helpers', () => {
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
    const columns = toColumns(gauge([{ t: '2025-03-01T00:00:00Z', avg: 1, min: 0, max: 2 }, { t: '2025-03-01T00:30:00Z', avg: 3, min: 3, max: 3 }]), '15m');
    expect(toCsv(columns, 's', 'W', '15m')).toBe(
      '# sensor s, bucket 15m\ntime,avg_W,min_W,max_W\n2025-03-01T00:00:00.000Z,1,0,2\n2025-03-01T00:15:00.000Z,,,\n2025-03-01T00:30:00.000Z,3,3,3\n',
    );
  });
});
