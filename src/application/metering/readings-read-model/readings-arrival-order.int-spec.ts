import { describeProjection } from '#test/support/projection-spec.js';
import { echoDecoders } from '#test/support/echo-decoder.js';
import type { Quantity } from '../../../domain/metering/canonical-reading.js';
import { BUCKET_WIDTHS, bucketStartMs, isCounter } from './reading-buckets.js';
import {
  aReading,
  aReadingsReported,
  seededRandom,
  shuffled,
  type ReadingSpec,
} from '#test/fixtures/readings-events.fixtures.js';
import { readingsProjection } from './readings.projection.js';
import { bucketRows, type BucketRowView } from '#test/fixtures/readings-rows.fixtures.js';

const projection = readingsProjection({ decoders: echoDecoders });
const QUANTITIES: readonly Quantity[] = ['energyImported', 'gasVolume', 'power'];
const START = Date.parse('2024-03-30T20:00:00.000Z');

/**
 * Readings over two days: counters rising by steps with occasional meter resets, power going up and down, and a few
 * readings sharing an instant (now and then with the same value). Every value is a multiple of 1/8, so sums are exact whatever order they are added in.
 */
function generateReadings(random: () => number, node: string): ReadingSpec[] {
  const readings: ReadingSpec[] = [];
  for (const quantity of QUANTITIES) {
    let counter = 500 + Math.floor(random() * 100);
    let ms = START;
    for (let i = 0; i < 70; i++) {
      const sameInstant = i > 0 && random() < 0.05;
      if (!sameInstant) ms += Math.floor(random() * 90) * 60_000;
      if (isCounter(quantity))
        counter = random() < 0.06 ? Math.floor(random() * 4) : counter + Math.floor(random() * 24) / 8;
      const value = isCounter(quantity) ? counter : Math.floor(random() * 8000) / 8 - 200;
      readings.push({ node, quantity, value, measuredAt: new Date(ms).toISOString() });
    }
  }
  return readings;
}

/** The rule written the plain way: sort each sensor's readings, pair neighbours, credit each rise to the later one. */
function expectedBuckets(
  readings: readonly ReadingSpec[],
): Map<string, { samples: number; sum: number; min: number; max: number; delta: number }> {
  const expected = new Map<string, { samples: number; sum: number; min: number; max: number; delta: number }>();
  for (const quantity of QUANTITIES) {
    const ordered = readings
      .filter((r) => r.quantity === quantity)
      .map((r) => ({ ms: Date.parse(r.measuredAt), value: r.value }))
      // The same reading delivered twice is one reading.
      .filter((r, i, all) => all.findIndex((o) => o.ms === r.ms && o.value === r.value) === i)
      .sort((a, b) => a.ms - b.ms || a.value - b.value);
    ordered.forEach((r, i) => {
      const before = ordered[i - 1];
      const rise = before && r.value >= before.value ? r.value - before.value : 0;
      for (const width of BUCKET_WIDTHS) {
        const key = `${quantity} ${width} ${new Date(bucketStartMs(r.ms, width)).toISOString()}`;
        const bucket = expected.get(key) ?? { samples: 0, sum: 0, min: Infinity, max: -Infinity, delta: 0 };
        expected.set(key, {
          samples: bucket.samples + 1,
          sum: bucket.sum + r.value,
          min: Math.min(bucket.min, r.value),
          max: Math.max(bucket.max, r.value),
          delta: bucket.delta + rise,
        });
      }
    });
  }
  return expected;
}

/** Bucket rows of one node with the node left out of the key, so two nodes fed the same readings compare equal. */
function comparable(rows: readonly BucketRowView[], node: string): string[] {
  return rows
    .filter((r) => r.sensorId.startsWith(`${node}/`))
    .map(
      (r) =>
        `${r.quantity} ${r.width} ${r.start} n=${r.samples} sum=${r.sum} min=${r.min} max=${r.max} delta=${r.delta}`,
    )
    .sort();
}

function fromExpectation(expected: ReturnType<typeof expectedBuckets>): string[] {
  return [...expected.entries()]
    .map(([key, b]) => {
      const counter = isCounter(key.split(' ')[0] as Quantity);
      return `${key} n=${b.samples} sum=${counter ? null : b.sum} min=${counter ? null : b.min} max=${counter ? null : b.max} delta=${counter ? b.delta : null}`;
    })
    .sort();
}

describeProjection(
  'readings buckets do not depend on arrival order',
  projection,
  (spec) => {
    const project = async (batchSize: number): Promise<void> => {
      await spec.project({ batchSize });
    };

    /** Delivers readings in frames of 1–4, projecting after every few frames with a small random batch size. */
    const deliver = async (
      gatewayId: string,
      readings: readonly ReadingSpec[],
      random: () => number,
    ): Promise<void> => {
      let sequence = 0;
      for (let i = 0; i < readings.length;) {
        const size = 1 + Math.floor(random() * 4);
        const frame = readings.slice(i, i + size).map((r) => aReading(r));
        i += size;
        await spec.given(`readings-${gatewayId}`, [aReadingsReported(gatewayId, ++sequence, frame)]);
        if (random() < 0.3) await project(1 + Math.floor(random() * 5));
      }
      await project(1 + Math.floor(random() * 5));
    };

    it.each([1, 2, 3, 42])(
      'seed %i: in order, shuffled across batches and the plain rule give the same buckets',
      async (seed) => {
        const b = spec.backend;
        const random = seededRandom(seed);
        const inOrderNode = `zigbee:order-${seed}`;
        const shuffledNode = `zigbee:shuffle-${seed}`;
        const readings = generateReadings(random, inOrderNode);
        const byTime = [...readings].sort((x, y) => Date.parse(x.measuredAt) - Date.parse(y.measuredAt));
        await deliver(`in-order-${seed}`, byTime, random);
        // The shuffled delivery also repeats some readings, as a gateway re-sending frames would.
        const redelivered = readings.filter(() => random() < 0.05);
        await deliver(
          `shuffled-${seed}`,
          shuffled([...readings, ...redelivered], random).map((r) => ({ ...r, node: shuffledNode })),
          random,
        );

        const rows = await bucketRows(b.db);
        const inOrder = comparable(rows, inOrderNode);
        expect(inOrder.length).toBeGreaterThan(100);
        expect(comparable(rows, shuffledNode)).toEqual(inOrder);
        expect(inOrder).toEqual(fromExpectation(expectedBuckets(readings)));
      },
      60_000,
    );
  },
  { database: 'shared' },
);
