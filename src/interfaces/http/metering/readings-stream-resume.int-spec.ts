import { randomUUID } from 'node:crypto';
import type { StoredReading } from '../../../domain/metering/gateway-frame.events.js';
import { startReadingsApi, type ReadingsApi } from '#test/fixtures/readings-read-model.fixtures.js';
import { openSse, type SseClient } from '#test/fixtures/sse-client.fixtures.js';

const TOKEN = 'f'.repeat(64);
const AUTH = { authorization: `Bearer ${TOKEN}` };
const MINE = 'zigbee2mqtt:gw-r1/meter/power';
const OTHER = 'zigbee2mqtt:gw-r1/other/power';

function stored(sensorId: string, value: number): StoredReading {
  return {
    sensorId,
    nodeId: sensorId.split('/')[0] ?? sensorId,
    quantity: 'power',
    unit: 'W',
    value,
    measuredAt: new Date(Date.UTC(2025, 2, 1, 12, 0, value)).toISOString(),
    source: { protocol: 'zigbee2mqtt', field: 'power' },
  };
}

async function eventually(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('GET /api/readings/stream: event ids and Last-Event-ID resume', () => {
  let api: ReadingsApi;
  let sequence = 0;
  const open = (headers: Record<string, string> = {}): Promise<SseClient> =>
    openSse(
      `${api.server.url}/api/readings/stream?sensor=${encodeURIComponent(MINE)}`,
      { ...AUTH, ...headers },
      api.ca,
    );
  const report = async (readings: readonly StoredReading[]): Promise<string> => {
    const data = {
      gatewayId: 'gw-r1',
      sequence: sequence++,
      networkType: 'zigbee2mqtt',
      readings,
      receivedAt: new Date().toISOString(),
    };
    const appended = await api.server.storage.eventStore.append(
      'readings-gw-r1',
      [{ id: randomUUID(), type: 'ReadingsReported', data, metadata: { schemaVersion: 2 } }],
      {
        expectedRevision: 'any',
      },
    );
    return appended.position;
  };
  const values = (client: SseClient): number[] =>
    client.messages.map((m) => (JSON.parse(m.data) as { value: number }).value);

  beforeAll(async () => {
    api = await startReadingsApi(TOKEN, 'stream-resume-api', { tls: true });
  }, 30_000);
  afterAll(() => api.close());

  it('puts the log position of each stored event on the last reading of it the client gets', async () => {
    const client = await open();
    await eventually(() => client.comments.includes('connected'), 'the stream to open');
    const position = await report([stored(MINE, 1), stored(OTHER, 9), stored(MINE, 2), stored(OTHER, 9)]);
    const messages = await client.waitForMessages(2);
    expect(messages.map((m) => m.id)).toEqual([undefined, position]);
    client.abort();
  });

  it('resumes after the Last-Event-ID: the readings stored while away, then live ones, each exactly once', async () => {
    const first = await open();
    await eventually(() => first.comments.includes('connected'), 'the stream to open');
    await report([stored(MINE, 10)]);
    const [seen] = await first.waitForMessages(1);
    first.abort();
    await first.ended;
    await report([stored(MINE, 11), stored(MINE, 12)]);
    await report([stored(OTHER, 99)]);
    const last = await report([stored(MINE, 13)]);

    const second = await open({ 'last-event-id': seen!.id! });
    expect(second.status).toBe(200);
    await second.waitForMessages(3);
    const live = await report([stored(MINE, 14)]);
    await second.waitForMessages(4);
    // Time for a duplicate to show up, if the catch-up and the live feed overlapped wrongly.
    await new Promise((r) => setTimeout(r, 300));
    expect(values(second)).toEqual([11, 12, 13, 14]);
    expect(second.messages.map((m) => m.id)).toEqual([undefined, expect.any(String), last, live]);
    second.abort();
  });

  it('refuses a Last-Event-ID that is no position of the log', async () => {
    for (const bad of ['not-a-position', 'x'.repeat(201)]) {
      const client = await open({ 'last-event-id': bad });
      expect(client.status).toBe(400);
      expect(client.headers['content-type']).toContain('application/problem+json');
      client.abort();
    }
  });
});
