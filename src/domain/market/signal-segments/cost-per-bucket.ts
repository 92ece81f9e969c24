import type { SignalSegment } from './signal-segment.js';
import { NotATimelineError } from './signal-segments.errors.js';

export interface EnergyBucket {
  /** Epoch ms, inclusive. */
  readonly start: number;
  /** Epoch ms, exclusive. */
  readonly end: number;
  /** Energy used in the bucket (negative for export). */
  readonly energyWh: number;
}

export type UnpricedReason = 'unpriced' | 'partly_priced' | 'not_a_number' | 'mixed_currency' | 'unsupported_units';

export interface BucketCost extends EnergyBucket {
  /** energy (kWh) × price, in `currency`; null when the bucket is not wholly covered by numeric prices. */
  readonly cost: number | null;
  readonly currency: string | null;
  readonly reason: UnpricedReason | null;
}

/** Price units the cost understands: OpenADR's `KWH` (a price per kWh), or none given (taken as per kWh). */
const PER_KWH = new Set<string | null>(['KWH', null]);

/**
 * Cost of each energy bucket = its energy × the price of the segment that covers it, never the price at the moment
 * a reading arrived (MARKET.md §5.2; Home Assistant core #60673 shows what that gets wrong during a spike).
 *
 * `segments` is one payload type's merged timeline (`mergeTimelines`), so at most one price applies at any instant.
 * When a bucket spans several segments (prices finer than the bucket, or a price change inside it, e.g. after a
 * randomized start), its energy is split in proportion to the time each segment covers: the bucket's total is all
 * that is known of its consumption, so the split assumes it was even across the bucket. A bucket that is not wholly
 * covered has no cost (null, with the reason) rather than a partial one that would look complete. Negative prices
 * give negative costs: nothing is clamped.
 */
export function costPerBucket(
  energyPerBucket: readonly EnergyBucket[],
  segments: readonly SignalSegment[],
): BucketCost[] {
  const sorted = [...segments].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i += 1) {
    const segment = sorted[i]!;
    if (segment.payloadType !== sorted[0]!.payloadType) {
      throw new NotATimelineError(`both ${sorted[0]!.payloadType} and ${segment.payloadType}`);
    }
    const previous = sorted[i - 1];
    if (previous && (previous.end === null || previous.end > segment.start)) {
      throw new NotATimelineError(`segments starting at ${previous.start} and ${segment.start} overlap`);
    }
  }
  const ends = sorted.map((s) => s.end ?? Number.POSITIVE_INFINITY);
  return energyPerBucket.map((bucket) => {
    const unpriced = (reason: UnpricedReason, currency: string | null = null): BucketCost =>
      priced(bucket, null, currency, reason);
    const length = bucket.end - bucket.start;
    let index = firstEndingAfter(ends, bucket.start);
    let covered = 0;
    let cost = 0;
    let currency: string | null | undefined;
    for (; index < sorted.length && sorted[index]!.start < bucket.end; index += 1) {
      const segment = sorted[index]!;
      const overlap = Math.min(bucket.end, ends[index]!) - Math.max(bucket.start, segment.start);
      if (overlap <= 0) continue;
      const price = segment.values[0];
      if (typeof price !== 'number') return unpriced('not_a_number');
      if (!PER_KWH.has(segment.units)) return unpriced('unsupported_units');
      if (currency !== undefined && currency !== segment.currency) return unpriced('mixed_currency');
      currency = segment.currency;
      covered += overlap;
      cost += (bucket.energyWh * price * overlap) / length / 1000;
    }
    if (covered === 0) return unpriced('unpriced');
    if (covered < length) return unpriced('partly_priced', currency ?? null);
    return priced(bucket, cost, currency ?? null, null);
  });
}

function priced(
  bucket: EnergyBucket,
  cost: number | null,
  currency: string | null,
  reason: UnpricedReason | null,
): BucketCost {
  return { start: bucket.start, end: bucket.end, energyWh: bucket.energyWh, cost, currency, reason };
}

/** Index of the first segment whose end is after `at` (segments sorted and non-overlapping, so ends are sorted). */
function firstEndingAfter(ends: readonly number[], at: number): number {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ends[mid]! <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}
