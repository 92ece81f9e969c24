import type { Quantity, Unit } from '../../../domain/metering/canonical-reading.js';
import { bySensorInOrder, type ProjectedReading } from './batch-readings.js';
import { BUCKET_WIDTHS, bucketWidthMs, isCounter, type BucketWidth } from './reading-buckets.js';

/** One counter reading as the consumption arithmetic needs it. */
export interface CounterPoint {
  readonly measuredMs: number;
  readonly value: number;
}

/** What a batch adds to one bucket row: merged into the stored row by adding counts, sums and deltas. */
export interface BucketIncrement {
  readonly sensorId: string;
  readonly width: BucketWidth;
  readonly startMs: number;
  readonly quantity: Quantity;
  readonly unit: Unit;
  sampleCount: number;
  valueSum: number | null;
  valueMin: number | null;
  valueMax: number | null;
  delta: number | null;
}

/** A counter whose batch readings reach back to or before its stored latest: its buckets are recomputed in SQL. */
export interface LateCounter {
  readonly sensorId: string;
  readonly quantity: Quantity;
  readonly unit: Unit;
  /** Every batch reading of the sensor, ordered. */
  readonly readings: readonly ProjectedReading[];
  /** Those at or before the stored latest: inserting them changes the consumption of their successors' buckets. */
  readonly late: readonly ProjectedReading[];
}

export interface ReadingsBatchPlan {
  /** The newest reading per sensor in the batch; the upsert keeps whichever of it and the stored row is newer. */
  readonly latest: readonly ProjectedReading[];
  readonly increments: readonly BucketIncrement[];
  readonly lateCounters: readonly LateCounter[];
}

/**
 * Consumption `next` adds after `previous`: the rise of the counter. A fall means the meter was reset or replaced,
 * which starts a new segment: the pair adds nothing rather than a negative or the whole new counter.
 */
export function consumptionBetween(previous: CounterPoint | undefined, next: CounterPoint): number {
  if (!previous || next.value < previous.value) return 0;
  return next.value - previous.value;
}

function newIncrement(
  reading: ProjectedReading,
  width: BucketWidth,
  startMs: number,
  counter: boolean,
): BucketIncrement {
  return {
    sensorId: reading.sensorId,
    width,
    startMs,
    quantity: reading.quantity,
    unit: reading.unit,
    sampleCount: 0,
    valueSum: counter ? null : 0,
    valueMin: null,
    valueMax: null,
    delta: counter ? 0 : null,
  };
}

/**
 * One sensor's increments for each width. Its readings come in time order, so each bucket's readings are
 * consecutive: a reading either adds to the width's current bucket or opens the next one (no lookup by key).
 */
function sensorIncrements(
  ordered: readonly ProjectedReading[],
  counter: boolean,
  consumption: (index: number) => number,
): BucketIncrement[] {
  const increments: BucketIncrement[] = [];
  for (const width of BUCKET_WIDTHS) {
    const size = bucketWidthMs(width);
    let current: BucketIncrement | undefined;
    for (let i = 0; i < ordered.length; i++) {
      const reading = ordered[i]!;
      const startMs = Math.floor(reading.measuredMs / size) * size;
      if (current?.startMs !== startMs) {
        current = newIncrement(reading, width, startMs, counter);
        increments.push(current);
      }
      current.sampleCount += 1;
      if (counter) {
        current.delta = (current.delta ?? 0) + consumption(i);
        continue;
      }
      const value = reading.value;
      current.valueSum = (current.valueSum ?? 0) + value;
      current.valueMin = current.valueMin === null ? value : Math.min(current.valueMin, value);
      current.valueMax = current.valueMax === null ? value : Math.max(current.valueMax, value);
    }
  }
  return increments;
}

/**
 * Folds a batch in memory before anything is written. Statistics of power-like quantities are order-free, so they
 * are simply summed per bucket. A counter whose readings all come after its stored latest reading (the common case,
 * replays included) is chained from that reading here; any other counter is handed over for recomputation.
 * `bySensor` holds each sensor's readings in reading order without repeats (see `bySensorInOrder`).
 */
export function planSensorReadings(
  bySensor: ReadonlyMap<string, readonly ProjectedReading[]>,
  storedLatest: ReadonlyMap<string, CounterPoint>,
): ReadingsBatchPlan {
  const increments: BucketIncrement[] = [];
  const latest: ProjectedReading[] = [];
  const lateCounters: LateCounter[] = [];
  for (const [sensorId, ordered] of bySensor) {
    const first = ordered[0];
    if (!first) continue;
    latest.push(ordered[ordered.length - 1]!);
    if (!isCounter(first.quantity)) {
      increments.push(...sensorIncrements(ordered, false, () => 0));
      continue;
    }
    const stored = storedLatest.get(sensorId);
    if (stored && first.measuredMs <= stored.measuredMs) {
      const late = ordered.filter((r) => r.measuredMs <= stored.measuredMs);
      lateCounters.push({ sensorId, quantity: first.quantity, unit: first.unit, readings: ordered, late });
      continue;
    }
    increments.push(
      ...sensorIncrements(ordered, true, (i) => consumptionBetween(i === 0 ? stored : ordered[i - 1], ordered[i]!)),
    );
  }
  return { latest, increments, lateCounters };
}

/** `planSensorReadings` for readings in any order, repeats included. */
export function planReadingsBatch(
  readings: readonly ProjectedReading[],
  storedLatest: ReadonlyMap<string, CounterPoint>,
): ReadingsBatchPlan {
  return planSensorReadings(bySensorInOrder(readings), storedLatest);
}
