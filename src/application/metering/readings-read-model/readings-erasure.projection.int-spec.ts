import { describeProjection } from '#test/support/projection-spec.js';
import { echoDecoders } from '#test/support/echo-decoder.js';
import { aReading, aReadingsReported } from '#test/fixtures/readings-events.fixtures.js';
import { bucketRows, latestRows, rawRows } from '#test/fixtures/readings-rows.fixtures.js';
import type { OwnershipPeriodErased } from '../../../domain/gateways/gateway.events.js';
import { readingsProjection } from './readings.projection.js';

const projection = readingsProjection({ decoders: echoDecoders });
const HANDOVER = '2024-05-01T10:07:00.000Z';

const erased: OwnershipPeriodErased = {
  type: 'OwnershipPeriodErased',
  data: { gatewayId: 'g1', ownerId: 'ann', from: null, to: HANDOVER, reason: 'asked', at: '2024-06-01T00:00:00.000Z' },
};

describeProjection('readings projection: an erased ownership period', projection, (spec) => {
  it('Given readings on both sides of a handover in one frame, When the first period is erased, Then only what was measured after it stays, also after a rebuild', async () => {
    const b = spec.backend;
    // One frame, so one raw chunk holds the quarter hour across the handover: it is rewritten, not dropped.
    await spec.given('readings-g1', [
      aReadingsReported(
        'g1',
        1,
        [
          { quantity: 'power' as const, value: 100, measuredAt: '2024-05-01T09:50:00.000Z' },
          { quantity: 'power' as const, value: 110, measuredAt: '2024-05-01T10:05:00.000Z' },
          { quantity: 'power' as const, value: 20, measuredAt: '2024-05-01T10:09:00.000Z' },
          { quantity: 'power' as const, value: 30, measuredAt: '2024-05-01T10:20:00.000Z' },
        ].map((r) => aReading(r)),
      ),
    ]);
    await spec.given('gateway-g1', [erased]);
    const expectErased = async (): Promise<void> => {
      expect((await rawRows(b.db)).map((r) => r.value)).toEqual([20, 30]);
      expect((await latestRows(b.db)).map((r) => r.value)).toEqual([30]);
      // Only buckets wholly after the handover stay: the quarter hour and hour across it mixed both owners.
      expect((await bucketRows(b.db)).map((r) => [r.width, r.start])).toEqual([['15m', '2024-05-01T10:15:00.000Z']]);
    };
    await spec.project();
    await expectErased();
    await spec.rebuild();
    await expectErased();
  });
});
