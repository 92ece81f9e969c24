import { policyOf } from '#test/support/gateway-backend.js';
import { describeProjection } from '#test/support/projection-spec.js';
import { BOOTSTRAP_ADMIN } from '../../../domain/access/principal.js';
import type { GatewayEvent } from '../../../domain/gateways/gateway.events.js';
import { GetGatewayHandler } from '../get-gateway/get-gateway.handler.js';
import { GetGateway } from '../get-gateway/get-gateway.query.js';
import { ListGatewaysHandler } from '../list-gateways/list-gateways.handler.js';
import { ListGateways } from '../list-gateways/list-gateways.query.js';
import { gatewayStatusProjection } from './gateway-status.projection.js';
import type { GatewayStatusRow } from './gateway-status.row.js';
import { GATEWAY_STATUS_TABLE, selectStatusRows } from './gateway-status.sql.js';

function registered(gatewayId: string, name = gatewayId): GatewayEvent {
  return {
    type: 'GatewayRegistered',
    data: {
      gatewayId,
      name,
      networkType: 'dsmr',
      address: 'p1.local',
      description: 'smart meter',
      location: { lat: 51.5, lon: -0.12, label: 'London' },
      ownerId: 'owner-7',
      keyFingerprint: 'aaaaaaaaaaaaaaaa',
      registeredAt: '2024-05-01T10:00:00.000Z',
    },
  };
}

const opened = (gatewayId: string, sessionId: string, at: string): GatewayEvent => ({
  type: 'LinkSessionOpened',
  data: { gatewayId, sessionId, remoteAddress: '127.0.0.1:4000', protocolVersion: 1, at },
});
const closed = (gatewayId: string, sessionId: string, at: string): GatewayEvent => ({
  type: 'LinkSessionClosed',
  data: { gatewayId, sessionId, reason: 'link cut', at, framesReceived: 2, readingsReceived: 5 },
});
const readings = (gatewayId: string, sequence: number, payloads: number, receivedAt: string) => ({
  type: 'ReadingsReported',
  data: { gatewayId, sequence, payloads: Array.from({ length: payloads }, (_, i) => ({ raw: i })), receivedAt },
});

describeProjection('gateway status projection', gatewayStatusProjection, (spec) => {
  const project = async (batchSize = 1000): Promise<number> => (await spec.project({ batchSize })).eventsApplied;
  const rows = (): Promise<GatewayStatusRow[]> => selectStatusRows(spec.backend.db, GATEWAY_STATUS_TABLE);

  it('Given a registration, Then one offline, registered row with the registration details', async () => {
    await spec.given('gateway-g1', [registered('g1', 'Home')], 'no_stream');
    await project();
    expect(await rows()).toEqual([
      {
        id: 'g1',
        name: 'Home',
        networkType: 'dsmr',
        address: 'p1.local',
        description: 'smart meter',
        lat: 51.5,
        lon: -0.12,
        locationLabel: 'London',
        ownerId: 'owner-7',
        lifecycle: 'registered',
        keyFingerprint: 'aaaaaaaaaaaaaaaa',
        connection: 'offline',
        lastSeenAt: null,
        openSessions: 0,
        framesReceived: 0,
        readingsReceived: 0,
        payloadsUndecoded: 0,
        lastUndecodedReason: null,
        lastRefusalReason: null,
        lastRefusalDetail: null,
        lastRefusalAt: null,
        registeredAt: '2024-05-01T10:00:00.000Z',
        decommissionedAt: null,
      },
    ]);
  });

  it('Given sessions, frames, a rotation, a refusal and a decommission, Then the row tracks all of them', async () => {
    await spec.given(
      'gateway-g2',
      [
        registered('g2'),
        opened('g2', 's1', '2024-05-01T11:00:00.000Z'),
        opened('g2', 's2', '2024-05-01T11:00:01.000Z'),
      ],
      'no_stream',
    );
    await spec.given(
      'readings-g2',
      [readings('g2', 1, 3, '2024-05-01T11:05:00.000Z'), readings('g2', 2, 4, '2024-05-01T11:06:00.000Z')],
      'no_stream',
    );
    await project();
    expect(await rows()).toMatchObject([
      {
        id: 'g2',
        connection: 'online',
        openSessions: 2,
        framesReceived: 2,
        readingsReceived: 7,
        lastSeenAt: '2024-05-01T11:06:00.000Z',
      },
    ]);

    await spec.given(
      'gateway-g2',
      [
        closed('g2', 's1', '2024-05-01T11:07:00.000Z'),
        closed('g2', 's2', '2024-05-01T11:08:00.000Z'),
        {
          type: 'NetworkKeyRotated',
          data: {
            gatewayId: 'g2',
            keyFingerprint: 'bbbbbbbbbbbbbbbb',
            previousKeyFingerprint: 'aaaaaaaaaaaaaaaa',
            rotatedAt: '2024-05-01T12:00:00.000Z',
          },
        },
        {
          type: 'LinkConnectionRefused',
          data: { gatewayId: 'g2', reason: 'wrong_key', detail: 'old key', at: '2024-05-01T12:00:05.000Z' },
        },
        {
          type: 'GatewayDecommissioned',
          data: { gatewayId: 'g2', reason: 'replaced', at: '2024-05-02T09:00:00.000Z' },
        },
      ],
      2,
    );
    // An old frame arriving late must not move last-seen backwards.
    await spec.given('readings-g2', [readings('g2', 3, 1, '2024-05-01T09:00:00.000Z')], 1);
    await project();
    expect(await rows()).toMatchObject([
      {
        id: 'g2',
        lifecycle: 'decommissioned',
        decommissionedAt: '2024-05-02T09:00:00.000Z',
        keyFingerprint: 'bbbbbbbbbbbbbbbb',
        connection: 'offline',
        openSessions: 0,
        framesReceived: 3,
        readingsReceived: 8,
        lastSeenAt: '2024-05-01T11:08:00.000Z',
        lastRefusalReason: 'wrong_key',
        lastRefusalDetail: 'old key',
        lastRefusalAt: '2024-05-01T12:00:05.000Z',
      },
    ]);
  });

  it('Given frames with payloads kept undecoded, Then the row counts them and keeps the latest reason', async () => {
    await spec.given('gateway-g3', [registered('g3')], 'no_stream');
    const badCrc = {
      index: 0,
      reason: 'refused_by_decoder',
      decoderReason: 'bad_crc',
      message: 'the telegram says 1A2B, its content gives 3C4D',
      payload: { kind: 'dsmr', telegram: '/x' },
    };
    await spec.given(
      'readings-g3',
      [
        {
          type: 'ReadingsReported',
          data: {
            gatewayId: 'g3',
            sequence: 0,
            networkType: 'dsmr',
            readings: [{}, {}],
            undecoded: [{ index: 1, reason: 'kind_mismatch' }],
            receivedAt: '2024-05-01T12:00:00.000Z',
          },
        },
        {
          type: 'UndecodedPayloadReceived',
          data: {
            gatewayId: 'g3',
            sequence: 1,
            networkType: 'dsmr',
            undecoded: [badCrc, badCrc],
            receivedAt: '2024-05-01T12:00:01.000Z',
          },
        },
      ],
      'no_stream',
    );
    await project();
    expect((await rows()).find((r) => r.id === 'g3')).toMatchObject({
      framesReceived: 2,
      readingsReceived: 2,
      payloadsUndecoded: 3,
      lastUndecodedReason: 'bad_crc',
      lastSeenAt: '2024-05-01T12:00:01.000Z',
    });
  });

  it('gives the same rows whatever the batch size, and after a rebuild', async () => {
    for (const id of ['a', 'b', 'c']) await spec.given(`gateway-${id}`, [registered(id)], 'no_stream');
    for (let i = 0; i < 30; i++) {
      const id = ['a', 'b', 'c'][i % 3]!;
      await spec.given(`readings-${id}`, [
        readings(id, i, i % 4, `2024-05-01T10:${String(i).padStart(2, '0')}:00.000Z`),
      ]);
      if (i % 7 === 0) await spec.given(`gateway-${id}`, [opened(id, `s${i}`, '2024-05-01T10:30:00.000Z')]);
    }
    // Frames of a gateway that was never registered are not counted anywhere.
    await spec.given('readings-ghost', [readings('ghost', 1, 9, '2024-05-01T10:00:00.000Z')], 'no_stream');
    expect(await project(4)).toBe(3 + 30 + 5 + 1);
    const incremental = await rows();
    expect(incremental.map((r) => [r.id, r.framesReceived, r.readingsReceived, r.openSessions])).toEqual([
      ['a', 10, 15, 2],
      ['b', 10, 13, 2],
      ['c', 10, 15, 1],
    ]);
    await spec.rebuild({ batchSize: 1000 });
    expect(await rows()).toEqual(incremental);
  });

  it('serves the list and get queries from the read model', async () => {
    const b = spec.backend;
    for (const id of ['q3', 'q1', 'q2']) await spec.given(`gateway-${id}`, [registered(id, `name ${id}`)], 'no_stream');
    await spec.given(
      'gateway-q2',
      [{ type: 'GatewayDecommissioned', data: { gatewayId: 'q2', reason: 'r', at: '2024-05-03T00:00:00.000Z' } }],
      0,
    );
    await project();
    const list = new ListGatewaysHandler(b.db, policyOf(b));
    const first = await list.execute(new ListGateways(BOOTSTRAP_ADMIN, { limit: 2 }));
    expect(first.items.map((g) => g.id)).toEqual(['q1', 'q2']);
    expect(first.nextAfter).toBe('q2');
    expect(
      (await list.execute(new ListGateways(BOOTSTRAP_ADMIN, { limit: 2, after: 'q2' }))).items.map((g) => g.id),
    ).toEqual(['q3']);
    expect(
      (await list.execute(new ListGateways(BOOTSTRAP_ADMIN, { limit: 10, lifecycle: 'decommissioned' }))).items.map(
        (g) => g.id,
      ),
    ).toEqual(['q2']);
    const one = await new GetGatewayHandler(b.db, policyOf(b)).execute(new GetGateway(BOOTSTRAP_ADMIN, 'q1'));
    expect(one).toMatchObject({
      id: 'q1',
      name: 'name q1',
      location: { lat: 51.5, lon: -0.12, label: 'London' },
      lastRefusal: null,
    });
    expect(JSON.stringify(one)).not.toMatch(/"key"/);
    await expect(
      new GetGatewayHandler(b.db, policyOf(b)).execute(new GetGateway(BOOTSTRAP_ADMIN, 'nope')),
    ).rejects.toThrow('gateway nope does not exist');
  });
});
