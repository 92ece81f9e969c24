import { rawChunkRows, rawChunks } from './raw-chunks.js';
import type { ProjectedReading } from './batch-readings.js';

const reading = (measuredAt: string, value: number, gatewayId = 'gw-1', sensorId = 'm/power'): ProjectedReading => ({
  sensorId,
  nodeId: 'm',
  gatewayId,
  quantity: 'power',
  unit: 'W',
  value,
  measuredAt,
  measuredMs: Date.parse(measuredAt),
  receivedAt: measuredAt,
  source: { protocol: 'zigbee2mqtt' },
});

describe('raw chunks', () => {
  it('starts a chunk at each quarter hour and keeps the readings in order inside it', () => {
    const chunks = rawChunks([
      [
        reading('2025-03-01T12:00:00.000Z', 1),
        reading('2025-03-01T12:14:59.999Z', 2),
        reading('2025-03-01T12:15:00.000Z', 3),
      ],
    ]);
    expect(chunks.map((c) => [new Date(c.bucketStartMs).toISOString(), c.values])).toEqual([
      ['2025-03-01T12:00:00.000Z', [1, 2]],
      ['2025-03-01T12:15:00.000Z', [3]],
    ]);
  });

  it('gives a sensor one chunk per quarter hour and gateway even when its gateways alternate', () => {
    const chunks = rawChunks([
      [
        reading('2025-03-01T12:00:00.000Z', 1, 'gw-1'),
        reading('2025-03-01T12:01:00.000Z', 2, 'gw-2'),
        reading('2025-03-01T12:02:00.000Z', 3, 'gw-1'),
      ],
    ]);
    expect(chunks.map((c) => [c.gatewayId, c.values])).toEqual([
      ['gw-1', [1, 3]],
      ['gw-2', [2]],
    ]);
  });

  it('keeps sensors apart and writes times and values as array literals Postgres reads back exactly', () => {
    const rows = rawChunkRows(
      rawChunks([
        [reading('2025-03-01T12:00:00.000Z', 0.1 + 0.2)],
        [reading('2025-03-01T12:00:00.000Z', -5e-324, 'gw-1', 'n/power')],
      ]),
      7,
    );
    expect(rows).toEqual([
      [
        'm/power',
        '2025-03-01T12:00:00.000Z',
        7,
        'gw-1',
        `{${Date.parse('2025-03-01T12:00:00.000Z')}}`,
        '{0.30000000000000004}',
      ],
      ['n/power', '2025-03-01T12:00:00.000Z', 7, 'gw-1', `{${Date.parse('2025-03-01T12:00:00.000Z')}}`, '{-5e-324}'],
    ]);
  });
});
