import { InvalidReadingQueryError } from '../reading-query.errors.js';

export const SERIES_BUCKETS = ['raw', '15m', '1h', '1d'] as const;
export type SeriesBucket = (typeof SERIES_BUCKETS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Caps that keep one request's work bounded. Bucket ranges allow roughly the same number of points per sensor
 * (≈ 35–45k): 15m for 400 days, 1h for 5 years, 1d for 100 years; raw for 31 days and 100k points in all.
 */
export const SERIES_LIMITS = {
  maxSensors: 50,
  maxRawPoints: 100_000,
  maxRangeDays: { raw: 31, '15m': 400, '1h': 1830, '1d': 36_525 } satisfies Record<SeriesBucket, number>,
} as const;

/** Cumulative quantities: their buckets carry the consumption inside the bucket (delta), not statistics. */
export const COUNTER_QUANTITIES: readonly string[] = ['energyImported', 'energyExported', 'gasVolume'];

export type SeriesKind = 'gauge' | 'counter';

export function seriesKind(quantity: string): SeriesKind {
  return COUNTER_QUANTITIES.includes(quantity) ? 'counter' : 'gauge';
}

/** Throws InvalidReadingQueryError naming the limit when the range is empty, reversed or too long for the bucket. */
export function checkSeriesRange(bucket: SeriesBucket, from: Date, to: Date): void {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw new InvalidReadingQueryError('from and to must be ISO-8601 times');
  }
  if (to.getTime() <= from.getTime()) throw new InvalidReadingQueryError('to must be later than from');
  const maxDays = SERIES_LIMITS.maxRangeDays[bucket];
  if (to.getTime() - from.getTime() > maxDays * DAY_MS) {
    throw new InvalidReadingQueryError(`bucket ${bucket} allows at most ${maxDays} days between from and to`);
  }
}

export function checkSeriesSensors(count: number): void {
  if (count === 0) throw new InvalidReadingQueryError('at least one sensor is required');
  if (count > SERIES_LIMITS.maxSensors) {
    throw new InvalidReadingQueryError(`at most ${SERIES_LIMITS.maxSensors} sensors per series request; got ${count}`);
  }
}
