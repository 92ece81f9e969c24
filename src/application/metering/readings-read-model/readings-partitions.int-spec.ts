import { describeProjection } from '#test/support/projection-spec.js';
import { echoDecoders } from '#test/support/echo-decoder.js';
import { aReading, aReadingsReported } from '#test/fixtures/readings-events.fixtures.js';
import { bucketRows, latestRows, rawRows } from '#test/fixtures/readings-rows.fixtures.js';
import { readCheckpoint } from '../../projections/checkpoint-store.js';
import { rebuildProjection } from '../../projections/rebuild-projection.js';
import { readingsProjection } from './readings.projection.js';

const projection = readingsProjection({ decoders: echoDecoders });

describeProjection('readings projection under partitions', projection, (spec) => {
  it('Given readings of six gateways, Then three partitions build the same latest, raw and bucket rows as one', async () => {
    const b = spec.backend;
    for (let gateway = 0; gateway < 6; gateway++)
      for (let frame = 1; frame <= 3; frame++)
        await spec.given(`readings-g${gateway}`, [
          aReadingsReported(
            `g${gateway}`,
            frame,
            [
              {
                node: `zigbee:0x00124b000${gateway}`,
                quantity: 'power' as const,
                value: gateway * 10 + frame,
                measuredAt: `2024-05-01T10:0${frame}:00.000Z`,
              },
              {
                node: `zigbee:0x00124b000${gateway}`,
                quantity: 'energyImported' as const,
                value: 100 + gateway + frame * 0.5,
                measuredAt: `2024-05-01T10:0${frame}:00.000Z`,
              },
            ].map(aReading),
          ),
        ]);
    const rows = async (): Promise<unknown[]> => [await latestRows(b.db), await rawRows(b.db), await bucketRows(b.db)];
    await rebuildProjection(b.store, b.db, projection, { batchSize: 4 });
    const single = await rows();
    expect((single[1] as unknown[]).length).toBe(36);

    const partitioned = await rebuildProjection(b.store, b.db, projection, { batchSize: 4, partitions: 3 });
    expect(partitioned.events).toBe(18);
    expect(await rows()).toEqual(single);
    const perPartition = await Promise.all(
      [1, 2, 3].map(async (i) => (await readCheckpoint(b.db, `readings_latest#${i}of3`)).eventsApplied),
    );
    expect(perPartition.reduce((sum, n) => sum + n, 0)).toBe(18);
    expect(perPartition.filter((n) => n > 0).length).toBeGreaterThan(1);
  });
});
