import { QUANTITY_UNITS, type Quantity } from '../../../domain/metering/canonical-reading.js';
import type { ProjectedReading } from './batch-readings.js';
import { bucketStartMs } from './reading-buckets.js';
import { consumptionBetween, planReadingsBatch } from './readings-batch-plan.js';

function reading(sensorId: string, quantity: Quantity, value: number, measuredAt: string): ProjectedReading {
  return {
    sensorId,
    nodeId: 'n1',
    gatewayId: 'g1',
    quantity,
    unit: QUANTITY_UNITS[quantity],
    value,
    measuredAt,
    measuredMs: Date.parse(measuredAt),
    receivedAt: measuredAt,
    source: { protocol: 'modbus' },
  };
}

describe('consumption between two counter readings', () => {
  it('is the rise of the counter', () => {
    expect(consumptionBetween({ measuredMs: 1, value: 10.5 }, { measuredMs: 2, value: 12 })).toBe(1.5);
  });
  it('is zero for the first reading and for a reset, never negative', () => {
    expect(consumptionBetween(undefined, { measuredMs: 2, value: 12 })).toBe(0);
    expect(consumptionBetween({ measuredMs: 1, value: 5000 }, { measuredMs: 2, value: 3 })).toBe(0);
  });
});

describe('planning a readings batch', () => {
  it('folds power-like readings into count, sum, min and max per bucket of each width', () => {
    const plan = planReadingsBatch(
      [
        reading('p', 'power', 100, '2024-05-01T10:01:00.000Z'),
        reading('p', 'power', 300, '2024-05-01T10:14:00.000Z'),
        reading('p', 'power', 50, '2024-05-01T10:16:00.000Z'),
      ],
      new Map(),
    );
    const at = (width: '15m' | '1h' | '1d', iso: string) =>
      plan.increments.find((b) => b.width === width && b.startMs === bucketStartMs(Date.parse(iso), width));
    expect(at('15m', '2024-05-01T10:00:00.000Z')).toMatchObject({
      sampleCount: 2,
      valueSum: 400,
      valueMin: 100,
      valueMax: 300,
      delta: null,
    });
    expect(at('15m', '2024-05-01T10:15:00.000Z')).toMatchObject({
      sampleCount: 1,
      valueSum: 50,
      valueMin: 50,
      valueMax: 50,
    });
    expect(at('1h', '2024-05-01T10:00:00.000Z')).toMatchObject({
      sampleCount: 3,
      valueSum: 450,
      valueMin: 50,
      valueMax: 300,
    });
    expect(at('1d', '2024-05-01T00:00:00.000Z')).toMatchObject({ sampleCount: 3, valueSum: 450 });
    expect(plan.increments).toHaveLength(4);
    expect(plan.lateCounters).toEqual([]);
  });

  it('chains counter readings after the stored latest, whatever order the batch holds them in', () => {
    const stored = new Map([['e', { measuredMs: Date.parse('2024-05-01T09:59:00.000Z'), value: 10 }]]);
    const plan = planReadingsBatch(
      [
        reading('e', 'energyImported', 13, '2024-05-01T10:20:00.000Z'),
        reading('e', 'energyImported', 11, '2024-05-01T10:05:00.000Z'),
      ],
      stored,
    );
    const fifteen = plan.increments
      .filter((b) => b.width === '15m')
      .map((b) => [new Date(b.startMs).toISOString(), b.sampleCount, b.delta]);
    expect(fifteen).toEqual([
      ['2024-05-01T10:00:00.000Z', 1, 1],
      ['2024-05-01T10:15:00.000Z', 1, 2],
    ]);
    expect(plan.latest.map((r) => r.value)).toEqual([13]);
  });

  it('hands a counter reaching back to its stored latest over for recomputation', () => {
    const stored = new Map([['e', { measuredMs: Date.parse('2024-05-01T10:30:00.000Z'), value: 20 }]]);
    const early = reading('e', 'energyImported', 15, '2024-05-01T10:10:00.000Z');
    const same = reading('e', 'energyImported', 20, '2024-05-01T10:30:00.000Z');
    const after = reading('e', 'energyImported', 22, '2024-05-01T10:40:00.000Z');
    const plan = planReadingsBatch([after, early, same], stored);
    expect(plan.increments).toEqual([]);
    expect(plan.lateCounters).toEqual([
      { sensorId: 'e', quantity: 'energyImported', unit: 'kWh', readings: [early, same, after], late: [early, same] },
    ]);
  });

  it('keeps, per sensor, the reading latest in time and, at equal times, the larger value', () => {
    const plan = planReadingsBatch(
      [
        reading('v', 'voltage', 231, '2024-05-01T10:00:00.000Z'),
        reading('v', 'voltage', 229, '2024-05-01T10:00:00.000Z'),
        reading('v', 'voltage', 240, '2024-05-01T09:00:00.000Z'),
      ],
      new Map(),
    );
    expect(plan.latest.map((r) => [r.value, r.measuredAt])).toEqual([[231, '2024-05-01T10:00:00.000Z']]);
  });
});
