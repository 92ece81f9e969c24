import { randomUUID } from 'node:crypto';
import { InMemoryPrincipalDirectory } from '#test/support/in-memory-principal-directory.js';
import { startPrincipalApi, TEST_PRINCIPAL_HEADER, type PrincipalApi } from '#test/support/principal-api.js';
import type { StoredReading } from '../../../domain/metering/gateway-frame.events.js';
import { aReading, insertLatest } from '#test/fixtures/readings-read-model.fixtures.js';
import { openSse } from '#test/fixtures/sse-client.fixtures.js';

const A = 'a-meter/power';
const B = 'b-plug/power';

function stored(sensorId: string, value: number): StoredReading {
  return {
    sensorId,
    nodeId: sensorId.split('/')[0]!,
    quantity: 'power',
    unit: 'W',
    value,
    measuredAt: new Date(Date.UTC(2025, 2, 1, 12, 0, 0, value)).toISOString(),
    source: { protocol: 'zigbee2mqtt', field: 'power' },
  };
}

describe('live stream under grants', () => {
  let api: PrincipalApi;
  let sequence = 0;
  const report = (gatewayId: string, reading: StoredReading) =>
    api.storage.eventStore.append(
      `readings-${gatewayId}`,
      [
        {
          id: randomUUID(),
          type: 'ReadingsReported',
          data: {
            gatewayId,
            sequence: sequence++,
            networkType: 'zigbee2mqtt',
            readings: [reading],
            receivedAt: new Date().toISOString(),
          },
          metadata: { schemaVersion: 2 },
        },
      ],
      { expectedRevision: 'any' },
    );
  const visibleToBob = async (): Promise<string[]> => {
    const body = (await (
      await api.call('user:bob', 'GET', `/api/readings/latest?sensor=${encodeURIComponent(A)}`)
    ).json()) as { items: { sensorId: string }[] };
    return body.items.map((r) => r.sensorId);
  };
  const until = async (condition: () => Promise<boolean>): Promise<void> => {
    const deadline = Date.now() + 10_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    api = await startPrincipalApi('access-sse', new InMemoryPrincipalDirectory([{ kind: 'user', id: 'bob' }]));
    for (const [id, ownerId] of [
      ['gw-a', 'alice'],
      ['gw-b', 'bob'],
    ] as const) {
      await api.call('admin:root', 'POST', '/api/gateways', {
        id,
        ownerId,
        name: id,
        networkType: 'zigbee2mqtt',
        address: 'mqtt',
        location: { lat: 0, lon: 0 },
      });
    }
    await insertLatest(api.storage.readModels, [aReading({ sensorId: A, nodeId: 'a-meter', gatewayId: 'gw-a' })]);
  }, 90_000);
  afterAll(() => api.close());

  it('streams a granted sensor, and stops within a refresh once the grant is revoked', async () => {
    const created = await api.call('user:alice', 'POST', '/api/grants', {
      grantee: { kind: 'user', id: 'bob' },
      scope: { sensorIds: [A] },
      rights: ['read'],
    });
    const { grantId } = (await created.json()) as { grantId: string };
    await until(async () => (await visibleToBob()).length === 1);
    const url = `${api.url}/api/readings/stream?sensor=${encodeURIComponent(A)}&sensor=${encodeURIComponent(B)}`;
    const client = await openSse(url, { [TEST_PRINCIPAL_HEADER]: 'user:bob' });
    expect(client.status).toBe(200);
    await until(() => Promise.resolve(client.comments.includes('connected')));
    await report('gw-a', stored(A, 1));
    expect((await client.waitForMessages(1)).map((m) => (JSON.parse(m.data) as { sensorId: string }).sensorId)).toEqual(
      [A],
    );
    expect((await api.call('user:alice', 'POST', `/api/grants/${grantId}/revoke`)).status).toBe(200);
    await until(async () => (await visibleToBob()).length === 0);
    // One scope refresh (1 s) later the stream no longer admits the sensor.
    await new Promise((r) => setTimeout(r, 1500));
    await report('gw-a', stored(A, 2));
    await report('gw-b', stored(B, 3));
    const messages = await client.waitForMessages(2);
    expect(messages.map((m) => (JSON.parse(m.data) as { sensorId: string; value: number }).value)).toEqual([1, 3]);
    client.abort();
  }, 60_000);

  it('refuses a stream without credentials', async () => {
    const client = await openSse(`${api.url}/api/readings/stream?sensor=${encodeURIComponent(A)}`, {});
    expect(client.status).toBe(401);
    client.abort();
  }, 60_000);
});
