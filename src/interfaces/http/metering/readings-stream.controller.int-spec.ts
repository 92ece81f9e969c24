import { randomUUID } from 'node:crypto';
import type { EventStore, SubscribeOptions, Subscription } from '../../../application/ports/event-store.port.js';
import type { CanonicalReading } from '../../../domain/metering/canonical-reading.js';
import type { StoredReading } from '../../../domain/metering/gateway-frame.events.js';
import { startReadingsApi, type ReadingsApi } from '#test/fixtures/readings-read-model.fixtures.js';
import { openSse, type SseClient } from '#test/fixtures/sse-client.fixtures.js';

const TOKEN = 'e'.repeat(64);
const AUTH = { authorization: `Bearer ${TOKEN}` };

/** Counts the store subscriptions opened and fully closed, to prove that streams leave none behind. */
function countSubscriptions(store: EventStore): { opened: number; closed: number } {
  const counts = { opened: 0, closed: 0 };
  const subscribe = store.subscribe.bind(store);
  store.subscribe = (options?: SubscribeOptions): Subscription => {
    const subscription = subscribe(options);
    counts.opened += 1;
    return {
      [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
      close: async () => {
        await subscription.close();
        counts.closed += 1;
      },
    };
  };
  return counts;
}

function stored(sensorId: string, value: number, quantity: 'power' | 'energyImported' = 'power'): StoredReading {
  return {
    sensorId,
    nodeId: sensorId.split('/')[0] ?? sensorId,
    quantity,
    unit: quantity === 'power' ? 'W' : 'kWh',
    value,
    measuredAt: new Date(Date.UTC(2025, 2, 1, 12, 0, 0, value % 1000)).toISOString(),
    source: { protocol: 'zigbee2mqtt', field: quantity },
  };
}

async function eventually(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('GET /api/readings/stream over HTTPS', () => {
  let api: ReadingsApi;
  let subscriptions: { opened: number; closed: number };
  let sequence = 0;
  const url = (sensors: readonly string[]): string =>
    `${api.server.url}/api/readings/stream?${sensors.map((s) => `sensor=${encodeURIComponent(s)}`).join('&')}`;
  const open = (sensors: readonly string[]): Promise<SseClient> => openSse(url(sensors), AUTH, api.ca);
  const report = async (gatewayId: string, readings: readonly StoredReading[]): Promise<string> => {
    const receivedAt = new Date().toISOString();
    const data = { gatewayId, sequence: sequence++, networkType: 'zigbee2mqtt', readings, receivedAt };
    await api.server.storage.eventStore.append(
      `readings-${gatewayId}`,
      [{ id: randomUUID(), type: 'ReadingsReported', data, metadata: { schemaVersion: 2 } }],
      {
        expectedRevision: 'any',
      },
    );
    return receivedAt;
  };

  beforeAll(async () => {
    api = await startReadingsApi(TOKEN, 'stream-api', { tls: true });
    subscriptions = countSubscriptions(api.server.storage.eventStore);
  }, 30_000);
  afterAll(() => api.close());

  it('sends readings stored after the client connected, for its sensors only, as canonical readings', async () => {
    const mine = 'zigbee2mqtt:gw-s1/meter/power';
    await report('gw-s1', [stored(mine, 1)]);
    const client = await open([mine, 'zigbee2mqtt:gw-s1/meter/energyImported']);
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await eventually(() => client.comments.includes('connected'), 'the stream to open');
    const receivedAt = await report('gw-s1', [
      stored('zigbee2mqtt:gw-s1/other/power', 5),
      stored(mine, 2),
      stored('zigbee2mqtt:gw-s1/meter/energyImported', 3, 'energyImported'),
    ]);
    const messages = await client.waitForMessages(2);
    expect(messages.map((m) => m.event)).toEqual(['reading', 'reading']);
    const readings = messages.map((m) => JSON.parse(m.data) as CanonicalReading);
    expect(readings[0]).toEqual({ ...stored(mine, 2), gatewayId: 'gw-s1', receivedAt });
    expect(readings.map((r) => r.sensorId)).toEqual([mine, 'zigbee2mqtt:gw-s1/meter/energyImported']);
    client.abort();
  });

  it('decodes version 1 events (native payloads) with the installed protocol modules', async () => {
    const client = await open(['zigbee2mqtt:gw-s2/meter-1/power']);
    await eventually(() => client.comments.includes('connected'), 'the stream to open');
    const payload = {
      kind: 'zigbee2mqtt',
      topic: 'zigbee2mqtt/meter-1',
      message: { power: 412.5, energy: 1000.25 },
      measuredAt: '2025-03-01T12:00:00.000Z',
    };
    const data = {
      gatewayId: 'gw-s2',
      sequence: 0,
      networkType: 'zigbee2mqtt',
      payloads: [payload],
      receivedAt: '2025-03-01T12:00:01.000Z',
    };
    await api.server.storage.eventStore.append(
      'readings-gw-s2',
      [{ id: randomUUID(), type: 'ReadingsReported', data, metadata: { schemaVersion: 1 } }],
      {
        expectedRevision: 'any',
      },
    );
    const [message] = await client.waitForMessages(1);
    expect(JSON.parse(message?.data ?? '{}')).toMatchObject({
      sensorId: 'zigbee2mqtt:gw-s2/meter-1/power',
      gatewayId: 'gw-s2',
      quantity: 'power',
      unit: 'W',
      value: 412.5,
      receivedAt: '2025-03-01T12:00:01.000Z',
    });
    client.abort();
  });

  it('shares one store subscription between clients and closes it when the last one disconnects', async () => {
    await eventually(() => subscriptions.closed === subscriptions.opened, 'earlier streams to let go');
    const before = subscriptions.opened;
    const first = await open(['zigbee2mqtt:gw-s3/a/power']);
    const second = await open(['zigbee2mqtt:gw-s3/b/power']);
    await report('gw-s3', [stored('zigbee2mqtt:gw-s3/a/power', 1), stored('zigbee2mqtt:gw-s3/b/power', 2)]);
    await first.waitForMessages(1);
    await second.waitForMessages(1);
    expect(subscriptions.opened - before).toBe(1);
    first.abort();
    await report('gw-s3', [stored('zigbee2mqtt:gw-s3/b/power', 3)]);
    await second.waitForMessages(2);
    expect(subscriptions.closed).toBe(before);
    second.abort();
    await eventually(
      () => subscriptions.closed === subscriptions.opened,
      'the subscription to close after the last client left',
    );
  });

  it('drops a client that stops reading instead of buffering for it, and lets go of the subscription', async () => {
    await eventually(() => subscriptions.closed === subscriptions.opened, 'earlier streams to let go');
    const sensor = 'zigbee2mqtt:gw-s4/flood/power';
    const client = await open([sensor]);
    await eventually(() => client.comments.includes('connected'), 'the stream to open');
    client.response.pause();
    let sent = 0;
    // Frames well under the feed's capacity (5000): it is the sum that fills the socket buffers and then the queue.
    while (subscriptions.closed < subscriptions.opened && sent < 200_000) {
      await report(
        'gw-s4',
        Array.from({ length: 1000 }, () => stored(sensor, sent++)),
      );
      // Lets the hub keep up, so that the loop stops soon after the drop.
      await new Promise((r) => setTimeout(r, 25));
    }
    await eventually(() => subscriptions.closed === subscriptions.opened, 'the server to drop the slow client');
    client.response.resume();
    await client.ended;
    expect(client.messages.length).toBeLessThan(sent);
    expect(client.messages.length).toBeGreaterThan(0);
  }, 60_000);

  it('keeps a client that reads through a burst of most of the feed capacity', async () => {
    const sensor = 'zigbee2mqtt:gw-s5/burst/power';
    const client = await open([sensor]);
    await eventually(() => client.comments.includes('connected'), 'the stream to open');
    let sent = 0;
    for (let frame = 0; frame < 20; frame += 1)
      await report(
        'gw-s5',
        Array.from({ length: 200 }, () => stored(sensor, sent++)),
      );
    const messages = await client.waitForMessages(sent, 30_000);
    expect(messages.map((m) => (JSON.parse(m.data) as CanonicalReading).value)).toEqual(
      Array.from({ length: sent }, (_, i) => i),
    );
    client.abort();
  }, 60_000);

  it('answers bad input with 400 and a missing token with 401 before any stream opens', async () => {
    const none = await openSse(`${api.server.url}/api/readings/stream`, AUTH, api.ca);
    expect(none.status).toBe(400);
    const many = await open(Array.from({ length: 501 }, (_, i) => `s${i}`));
    expect(many.status).toBe(400);
    const unauthorised = await openSse(url(['a']), {}, api.ca);
    expect(unauthorised.status).toBe(401);
    await Promise.all([none.ended, many.ended, unauthorised.ended]);
  });
});

describe('GET /api/readings/stream at shutdown', () => {
  it('ends open streams so that the server can close', async () => {
    const api = await startReadingsApi(TOKEN, 'stream-close');
    const client = await openSse(`${api.server.url}/api/readings/stream?sensor=x`, AUTH);
    await eventually(() => client.comments.includes('connected'), 'the stream to open');
    await api.close();
    await client.ended;
    expect(client.response.complete).toBe(true);
  }, 30_000);
});
