import type { Quantity, Unit } from '../../../domain/metering/canonical-reading.js';
import { compareReadings, type ProjectedReading } from './batch-readings.js';
import { BUCKET_WIDTHS, bucketKey, bucketStartMs, isCounter, type BucketWidth } from './reading-buckets.js';

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

function incrementFor(increments: Map<string, BucketIncrement>, reading: ProjectedReading, width: BucketWidth, counter: boolean): BucketIncrement {
  const startMs = bucketStartMs(reading.measuredMs, width);
  const key = bucketKey(reading.sensorId, width, startMs);
  let increment = increments.get(key);
  if (!increment) {
    increment = {
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
    increments.set(key, increment);
  }
  return increment;
}

function addSample(increments: Map<string, BucketIncrement>, reading: ProjectedReading): void {
  for (const width of BUCKET_WIDTHS) {
    const bucket = incrementFor(increments, reading, width, false);
    bucket.sampleCount += 1;
    bucket.valueSum = (bucket.valueSum ?? 0) + reading.value;
    bucket.valueMin = bucket.valueMin === null ? reading.value : Math.min(bucket.valueMin, reading.value);
    bucket.valueMax = bucket.valueMax === null ? reading.value : Math.max(bucket.valueMax, reading.value);
  }
}

function addCounterReading(increments: Map<string, BucketIncrement>, reading: ProjectedReading, consumption: number): void {
  for (const width of BUCKET_WIDTHS) {
    const bucket = incrementFor(increments, reading, width, true);
    bucket.sampleCount += 1;
    bucket.delta = (bucket.delta ?? 0) + consumption;
  }
}

function groupBySensor(readings: readonly ProjectedReading[]): Map<string, ProjectedReading[]> {
  const bySensor = new Map<string, ProjectedReading[]>();
  for (const reading of readings) {
    const list = bySensor.get(reading.sensorId);
    if (list) list.push(reading);
    else bySensor.set(reading.sensorId, [reading]);
  }
  return bySensor;
}

/**
 * Folds a batch in memory before anything is written. Statistics of power-like quantities are order-free, so they
 * are simply summed per bucket. A counter whose readings all come after its stored latest reading (the common case,
 * replays included) is chained from that reading here; any other counter is handed over for recomputation.
 */
export function planReadingsBatch(readings: readonly ProjectedReading[], storedLatest: ReadonlyMap<string, CounterPoint>): ReadingsBatchPlan {
  const increments = new Map<string, BucketIncrement>();
  const latest: ProjectedReading[] = [];
  const lateCounters: LateCounter[] = [];
  for (const [sensorId, sensorReadings] of groupBySensor(readings)) {
    const ordered = [...sensorReadings].sort(compareReadings);
    const first = ordered[0]!;
    latest.push(ordered[ordered.length - 1]!);
    if (!isCounter(first.quantity)) {
      for (const reading of ordered) addSample(increments, reading);
      continue;
    }
    const stored = storedLatest.get(sensorId);
    if (stored && first.measuredMs <= stored.measuredMs) {
      const late = ordered.filter((r) => r.measuredMs <= stored.measuredMs);
      lateCounters.push({ sensorId, quantity: first.quantity, unit: first.unit, readings: ordered, late });
      continue;
    }
    let previous: CounterPoint | undefined = stored;
    for (const reading of ordered) {
      addCounterReading(increments, reading, consumptionBetween(previous, reading));
      previous = reading;
    }
  }
  return { latest, increments: [...increments.values()], lateCounters };
}
