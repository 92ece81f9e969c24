import { describeProjection } from '#test/support/projection-spec.js';
import { dsmrDecoder } from '../../../domain/metering/protocols/dsmr/index.js';
import { DSMR50_THREE_PHASE_GAS } from '#test/fixtures/telegram.fixtures.js';
import { decoded, refused, type PayloadDecoder } from '../../../domain/metering/protocols/payload-decoder.js';
import type { DecoderLookup } from '../ports/payload-decoders.port.js';
import { aReading, aReadingsReported, aV1ReadingsReported } from '#test/fixtures/readings-events.fixtures.js';
import { readingsProjection } from './readings.projection.js';
import { latestRows, rawRows } from '#test/fixtures/readings-rows.fixtures.js';

/**
 * A module that, like the ZigBee one, can only decode what its asynchronous `prepare` has seen: a v1 event read
 * without the warm-up would lose its readings.
 */
function preparedOnlyDecoder(): PayloadDecoder {
  const prepared = new Set<string>();
  return {
    protocol: 'prepared',
    async prepare(payloads) {
      await Promise.resolve();
      for (const payload of payloads) prepared.add(String(payload.model));
    },
    decode(payload, { gatewayId, receivedAt }) {
      if (!prepared.has(String(payload.model)))
        return refused('not_prepared', `model ${String(payload.model)} was not prepared`);
      if (typeof payload.w !== 'number') return refused('no_w', 'a numeric w is needed');
      const nodeId = `prepared:${String(payload.model)}`;
      return decoded([
        {
          sensorId: `${nodeId}/power`,
          nodeId,
          gatewayId,
          quantity: 'power',
          unit: 'W',
          value: payload.w,
          measuredAt: receivedAt,
          receivedAt,
          source: { protocol: 'zigbee' },
        },
      ]);
    },
  };
}

describeProjection(
  'readings projection upcasting version 1 events',
  readingsProjection({ decoders: () => undefined }),
  (spec) => {
    const project = async (decoders: DecoderLookup): Promise<void> => {
      await spec.project({ projection: readingsProjection({ decoders }), batchSize: 100 });
    };

    it('Given a v1 DSMR frame, Then its telegram is decoded on read into the same rows a v2 frame would give', async () => {
      const b = spec.backend;
      const payload = { kind: 'dsmr', telegram: DSMR50_THREE_PHASE_GAS };
      const receivedAt = '2024-05-01T12:00:00.000Z';
      await spec.given(
        'readings-p1',
        [aV1ReadingsReported('p1', 1, 'dsmr', [payload, { kind: 'dsmr', telegram: 'garbage' }], receivedAt)],
        'no_stream',
      );
      await project((networkType) => (networkType === 'dsmr' ? dsmrDecoder : undefined));

      const outcome = dsmrDecoder.decode(payload, { gatewayId: 'p1', receivedAt });
      if (!outcome.ok) throw new Error(`fixture telegram refused: ${outcome.message}`);
      const expected = outcome.readings
        .map((r) => ({
          sensorId: r.sensorId,
          measuredAt: new Date(r.measuredAt).toISOString(),
          value: r.value,
          gatewayId: 'p1',
        }))
        .sort((x, y) => x.sensorId.localeCompare(y.sensorId) || x.value - y.value);
      const raw = await rawRows(b.db);
      expect(raw.length).toBeGreaterThan(5);
      expect([...raw].sort((x, y) => x.sensorId.localeCompare(y.sensorId) || x.value - y.value)).toEqual(expected);
      const latest = await latestRows(b.db);
      expect(latest.find((r) => r.quantity === 'energyImported' && r.tariff === 1)).toMatchObject({
        value: 4.426,
        unit: 'kWh',
        gatewayId: 'p1',
      });
      expect(latest.every((r) => (r.source as { protocol?: string }).protocol === 'dsmr')).toBe(true);
    });

    it('Given v1 frames of a module that needs preparing, Then the batch prepares it before decoding', async () => {
      const b = spec.backend;
      await spec.given(
        'readings-z1',
        [
          aV1ReadingsReported('z1', 1, 'prepared', [{ model: 'plug', w: 40 }], '2024-05-01T10:00:00.000Z'),
          aV1ReadingsReported(
            'z1',
            2,
            'prepared',
            [
              { model: 'plug', w: 55 },
              { model: 'lamp', w: 7 },
            ],
            '2024-05-01T10:01:00.000Z',
          ),
          aReadingsReported('z1', 3, [
            aReading({ node: 'prepared:plug', quantity: 'power', value: 60, measuredAt: '2024-05-01T10:02:00.000Z' }),
          ]),
        ],
        'no_stream',
      );
      const decoder = preparedOnlyDecoder();
      await project(() => decoder);
      const stored = (await rawRows(b.db)).map((r) => `${r.sensorId}=${r.value}`).sort();
      expect(stored).toEqual([
        'prepared:lamp/power=7',
        'prepared:plug/1/power=60',
        'prepared:plug/power=40',
        'prepared:plug/power=55',
      ]);
    });
  },
);
