import { compileEvent } from './compile-event.js';
import { costPerBucket, type EnergyBucket } from './cost-per-bucket.js';
import { mergeTimelines } from './merge-timelines.js';
import type { SignalSegment } from './signal-segment.js';
import { NotATimelineError } from './signal-segments.errors.js';

const at = (iso: string): number => Date.parse(iso);
const QUARTER = 15 * 60_000;

const quarterPrices = (start: string, prices: number[]): readonly SignalSegment[] =>
  compileEvent({
    id: 'prices',
    payloadDescriptors: [{ payloadType: 'PRICE', units: 'KWH', currency: 'EUR' }],
    intervalPeriod: { start, duration: 'PT15M' },
    intervals: prices.map((value, id) => ({ id, payloads: [{ type: 'PRICE', values: [value] }] })),
  }).segments;

const buckets = (start: string, energies: number[], size = QUARTER): EnergyBucket[] =>
  energies.map((energyWh, i) => ({ start: at(start) + i * size, end: at(start) + (i + 1) * size, energyWh }));

describe('costPerBucket', () => {
  it('multiplies each bucket by the price of the segment covering it, negative prices included', () => {
    const costs = costPerBucket(
      buckets('2026-05-10T12:00:00Z', [250, 400, 100, 0]),
      quarterPrices('2026-05-10T12:00:00Z', [0.3, -0.05, 0, 0.21]),
    );
    expect(costs.map((c) => c.cost)).toEqual([0.075, -0.02, 0, 0]);
    expect(costs.every((c) => c.currency === 'EUR' && c.reason === null)).toBe(true);
  });

  it('uses the price of the bucket, never the price at the moment a late reading arrived', () => {
    // Energy of 12:00–12:15 is priced at 12:00–12:15's price even though the spike follows right after.
    const [cost] = costPerBucket(
      buckets('2026-05-10T12:00:00Z', [1000]),
      quarterPrices('2026-05-10T12:00:00Z', [0.1, 5]),
    );
    expect(cost!.cost).toBeCloseTo(0.1, 12);
  });

  it('splits an hourly bucket over four quarter-hour prices by time share', () => {
    const [cost] = costPerBucket(
      buckets('2026-05-10T12:00:00Z', [2000], 4 * QUARTER),
      quarterPrices('2026-05-10T12:00:00Z', [0.4, 0.2, -0.2, 0]),
    );
    // 2 kWh, a quarter of it at each price: 0.5 × (0.4 + 0.2 − 0.2 + 0) = 0.2
    expect(cost!.cost).toBeCloseTo(0.2, 12);
  });

  it('gives no cost for a bucket a price does not wholly cover', () => {
    const costs = costPerBucket(
      buckets('2026-05-10T11:45:00Z', [100, 100, 100]),
      quarterPrices('2026-05-10T12:00:00Z', [0.3]).concat(quarterPrices('2026-05-10T12:20:00Z', [0.3])),
    );
    expect(costs.map((c) => [c.cost, c.reason])).toEqual([
      [null, 'unpriced'],
      [0.03, null],
      [null, 'partly_priced'],
    ]);
  });

  it('prices the 100 quarter-hours of the 25-hour day one by one', () => {
    const day = compileEvent(
      {
        id: 'fall-back',
        payloadDescriptors: [{ payloadType: 'PRICE', units: 'KWH', currency: 'EUR' }],
        intervalPeriod: { start: '2025-10-26T00:00:00+02:00', duration: 'P1D' },
        intervals: [{ id: 0, payloads: [{ type: 'PRICE', values: Array.from({ length: 100 }, (_, i) => i / 100) }] }],
      },
      { timeZone: 'Europe/Amsterdam' },
    );
    const costs = costPerBucket(buckets('2025-10-25T22:00:00Z', Array(100).fill(1000)), day.segments);
    expect(costs).toHaveLength(100);
    costs.forEach((c, i) => expect(c.cost).toBeCloseTo(i / 100, 12));
  });

  it('refuses overlapping segments and mixed payload types: merge them into one timeline first', () => {
    const a = quarterPrices('2026-05-10T12:00:00Z', [0.3]);
    const b = quarterPrices('2026-05-10T12:05:00Z', [0.4]);
    expect(() => costPerBucket([], [...a, ...b])).toThrow(NotATimelineError);
    const ghg = { ...a[0]!, payloadType: 'GHG', start: at('2026-05-10T13:00:00Z'), end: at('2026-05-10T13:15:00Z') };
    expect(() => costPerBucket([], [...a, ghg])).toThrow(NotATimelineError);
    const timeline = mergeTimelines([
      compileEvent({
        id: 'a',
        priority: 1,
        intervalPeriod: { start: '2026-05-10T12:00:00Z', duration: 'PT15M' },
        intervals: [{ id: 0, payloads: [{ type: 'PRICE', values: [0.3] }] }],
      }),
      compileEvent({
        id: 'b',
        priority: 0,
        intervalPeriod: { start: '2026-05-10T12:05:00Z', duration: 'PT15M' },
        intervals: [{ id: 0, payloads: [{ type: 'PRICE', values: [0.6] }] }],
      }),
    ]);
    const [cost] = costPerBucket(buckets('2026-05-10T12:00:00Z', [3000]), timeline.segments);
    expect(cost!.cost).toBeCloseTo(3 * (0.3 / 3 + (0.6 * 2) / 3), 12);
  });

  it('does not price with values that are not numbers or not per kWh', () => {
    const [segment] = quarterPrices('2026-05-10T12:00:00Z', [0.3]);
    const bucket = buckets('2026-05-10T12:00:00Z', [100]);
    expect(costPerBucket(bucket, [{ ...segment!, values: ['cheap'] }])[0]!.reason).toBe('not_a_number');
    expect(costPerBucket(bucket, [{ ...segment!, units: 'THERMS' }])[0]!.reason).toBe('unsupported_units');
  });
});
