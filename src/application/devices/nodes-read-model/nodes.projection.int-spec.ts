import { describeProjection } from '#test/support/projection-spec.js';
import { echoDecoders } from '#test/support/echo-decoder.js';
import {
  aNodeEventReported,
  aReading,
  aReadingsReported,
  aV1ReadingsReported,
} from '#test/fixtures/readings-events.fixtures.js';
import type { NewEvent } from '../../ports/event-store.port.js';
import type { NodeRow } from './node-row.js';
import { nodesProjection } from './nodes.projection.js';
import { NODES_TABLE, selectNodes } from './nodes.sql.js';

const projection = nodesProjection({ decoders: echoDecoders });
const PLUG = 'zigbee:0x00124b0001';

describeProjection('nodes projection', projection, (spec) => {
  const project = async (batchSize = 1000): Promise<void> => {
    await spec.project({ batchSize });
  };
  const append = (gatewayId: string, ...events: NewEvent[]) => spec.given(`readings-${gatewayId}`, events);
  const nodes = (): Promise<NodeRow[]> => selectNodes(spec.backend.db, NODES_TABLE);

  it('Given a node joining, being interviewed, reporting link quality and leaving, Then its row follows each step', async () => {
    await append('g1', aNodeEventReported('g1', 1, 'joined', PLUG, '2024-05-01T10:00:00.000Z', { type: 'Router' }));
    await project();
    expect(await nodes()).toEqual([
      {
        nodeId: PLUG,
        gatewayId: 'g1',
        protocol: null,
        model: null,
        vendor: null,
        firmware: null,
        status: 'joined',
        linkQuality: null,
        availability: null,
        joinedAt: '2024-05-01T10:00:00.000Z',
        interviewedAt: null,
        leftAt: null,
        lastSeenAt: '2024-05-01T10:00:00.000Z',
      },
    ]);
    await append(
      'g1',
      aNodeEventReported('g1', 2, 'interviewed', PLUG, '2024-05-01T10:00:20.000Z', {
        model: 'E1603/E1702/E1708',
        vendor: 'IKEA',
        firmware: '2.3.089',
        supported: true,
      }),
      aNodeEventReported('g1', 3, 'link_quality', PLUG, '2024-05-01T10:05:00.000Z', { linkquality: 142 }),
      aNodeEventReported('g1', 4, 'link_quality', PLUG, '2024-05-01T10:30:00.000Z', { availability: 'offline' }),
      aNodeEventReported('g1', 5, 'outbox_overflow', undefined, '2024-05-01T10:31:00.000Z', { dropped: 12 }),
    );
    await project(2);
    expect(await nodes()).toMatchObject([
      {
        status: 'interviewed',
        model: 'E1603/E1702/E1708',
        vendor: 'IKEA',
        firmware: '2.3.089',
        interviewedAt: '2024-05-01T10:00:20.000Z',
        linkQuality: 142,
        availability: 'offline',
        // An availability change is news about the node, not a sign of life from it.
        lastSeenAt: '2024-05-01T10:05:00.000Z',
      },
    ]);
    await append('g1', aNodeEventReported('g1', 6, 'left', PLUG, '2024-05-01T11:00:00.000Z'));
    await project();
    expect(await nodes()).toMatchObject([
      {
        status: 'left',
        leftAt: '2024-05-01T11:00:00.000Z',
        model: 'E1603/E1702/E1708',
        lastSeenAt: '2024-05-01T10:05:00.000Z',
      },
    ]);
  });

  it('Given readings of an unknown node, Then it appears as joined and last seen follows its newest reading, never back', async () => {
    await append(
      'g2',
      aReadingsReported('g2', 1, [
        aReading({ node: 'dsmr:meter-1', quantity: 'power', value: 5, measuredAt: '2024-05-01T10:00:05.000Z' }),
        aReading({
          node: 'dsmr:meter-1',
          quantity: 'energyImported',
          value: 12,
          measuredAt: '2024-05-01T10:00:00.000Z',
        }),
      ]),
    );
    await project();
    expect(await nodes()).toMatchObject([
      {
        nodeId: 'dsmr:meter-1',
        gatewayId: 'g2',
        status: 'joined',
        protocol: 'zigbee',
        joinedAt: null,
        lastSeenAt: '2024-05-01T10:00:05.000Z',
      },
    ]);
    await append(
      'g2',
      aReadingsReported('g2', 2, [
        aReading({ node: 'dsmr:meter-1', quantity: 'power', value: 6, measuredAt: '2024-05-01T09:00:00.000Z' }),
      ]),
      aNodeEventReported('g2', 3, 'joined', 'dsmr:meter-1', '2024-05-01T08:00:00.000Z'),
      aNodeEventReported('g2', 4, 'link_quality', 'dsmr:meter-1', '2024-05-01T09:30:00.000Z', { linkquality: 80.6 }),
    );
    await project();
    expect(await nodes()).toMatchObject([
      {
        status: 'joined',
        joinedAt: '2024-05-01T08:00:00.000Z',
        linkQuality: 81,
        lastSeenAt: '2024-05-01T10:00:05.000Z',
      },
    ]);
  });

  it('Given a v1 frame, Then its decoded readings mark their node as seen', async () => {
    await append('g3', aV1ReadingsReported('g3', 1, 'echo', [{ n: 3 }], '2024-05-01T10:00:00.000Z'));
    await project();
    expect(await nodes()).toMatchObject([
      { nodeId: 'echo:g3', gatewayId: 'g3', status: 'joined', lastSeenAt: '2024-05-01T10:00:00.000Z' },
    ]);
  });

  it('Given a replay through rebuild, Then the rows equal those applied live in small batches', async () => {
    const lifecycle = ['joined', 'interviewed', 'link_quality', 'left'] as const;
    for (let i = 0; i < 30; i++) {
      const node = `zigbee:0x${(i % 4).toString(16).padStart(4, '0')}`;
      const at = new Date(Date.parse('2024-05-01T10:00:00.000Z') + ((i * 11) % 30) * 60_000).toISOString();
      const gateway = i % 9 === 0 ? 'g5' : 'g4';
      await append(
        gateway,
        aNodeEventReported(gateway, i, lifecycle[i % 4]!, node, at, { linkquality: i, model: `m${i}` }),
      );
      await append(
        gateway,
        aReadingsReported(gateway, i, [aReading({ node, quantity: 'power', value: i, measuredAt: at })]),
      );
    }
    await project(3);
    const live = await nodes();
    expect(live).toHaveLength(4);
    await spec.rebuild({ batchSize: 1000 });
    expect(await nodes()).toEqual(live);
  });
});
