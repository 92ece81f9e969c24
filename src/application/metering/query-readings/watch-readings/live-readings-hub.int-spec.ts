import { randomUUID } from 'node:crypto';
import { describeEachBackend, openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import type { CanonicalReading } from '../../../../domain/metering/canonical-reading.js';
import type { StoredReading } from '../../../../domain/metering/gateway-frame.events.js';
import { decoderLookup } from '../../../../infrastructure/protocols/payload-decoders.js';
import type { EventStore, SubscribeOptions, Subscription } from '../../../ports/event-store.port.js';
import type { LiveReadingFeed } from './live-reading-feed.js';
import { LiveReadingsHub } from './live-readings-hub.js';

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

const reading = (sensorId: string, value: number): StoredReading => ({
  sensorId,
  nodeId: 'n',
  quantity: 'power',
  unit: 'W',
  value,
  measuredAt: '2025-03-01T12:00:00.000Z',
  source: { protocol: 'dsmr' },
});

async function take(feed: LiveReadingFeed, count: number): Promise<CanonicalReading[]> {
  const taken: CanonicalReading[] = [];
  const timeout = setTimeout(() => void feed.close(), 10_000);
  for await (const r of feed) {
    taken.push(r);
    if (taken.length === count) break;
  }
  clearTimeout(timeout);
  return taken;
}

describeEachBackend('LiveReadingsHub on %s', (backendName) => {
  let backend: SqlBackend;
  let counts: { opened: number; closed: number };
  let sequence = 0;
  const append = (gatewayId: string, readings: readonly StoredReading[]) =>
    backend!.store.append(
      `readings-${gatewayId}`,
      [
        {
          id: randomUUID(),
          type: 'ReadingsReported',
          data: {
            gatewayId,
            sequence: sequence++,
            networkType: 'dsmr',
            readings,
            receivedAt: '2025-03-01T12:00:01.000Z',
          },
        },
      ],
      { expectedRevision: 'any' },
    );
  const hub = (options = { feedCapacity: 100, maxFeeds: 3 }): LiveReadingsHub =>
    new LiveReadingsHub(backend!.store, decoderLookup(), options);

  beforeAll(async () => {
    backend = await openBackend(backendName, 'live-hub');
    counts = countSubscriptions(backend.store);
  }, 30_000);
  afterAll(() => backend?.cleanup());

  it('delivers only readings stored after joining, through the feed filter, with gateway and receipt time', async () => {
    const earlier = await append('gw-1', [reading('a', 1)]);
    // On Postgres the head is the newest event every reader can see, which may trail a commit by a moment.
    const deadline = Date.now() + 10_000;
    while ((await backend.store.headPosition()) !== earlier.position && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const subject = hub();
    const feed = await subject.join((r) => r.sensorId === 'a');
    try {
      await append('gw-1', [reading('b', 2), reading('a', 3)]);
      await append('gw-2', [reading('a', 4)]);
      const got = await take(feed, 2);
      expect(got.map((r) => [r.gatewayId, r.value])).toEqual([
        ['gw-1', 3],
        ['gw-2', 4],
      ]);
      expect(got[0]).toEqual({ ...reading('a', 3), gatewayId: 'gw-1', receivedAt: '2025-03-01T12:00:01.000Z' });
    } finally {
      await feed.close();
    }
    expect(await feed.ended).toBe('closed');
    expect(counts.closed).toBe(counts.opened);
  }, 20_000);

  it('serves every feed from one subscription, closed when the last feed closes', async () => {
    const subject = hub();
    const before = counts.opened;
    const [one, two] = await Promise.all([subject.join(() => true), subject.join(() => true)]);
    try {
      expect(counts.opened - before).toBe(1);
      await append('gw-3', [reading('c', 1)]);
      expect((await take(one!, 1))[0]?.sensorId).toBe('c');
      await one!.close();
      expect(counts.closed).toBe(before);
      await append('gw-3', [reading('c', 2)]);
      expect((await take(two!, 2)).map((r) => r.value)).toEqual([1, 2]);
    } finally {
      await Promise.all([one!.close(), two!.close()]);
    }
    expect(counts.closed).toBe(counts.opened);
    expect(subject.feedCount).toBe(0);
  }, 20_000);

  it('ends a feed that falls capacity readings behind and lets go of the subscription it alone held', async () => {
    const subject = hub({ feedCapacity: 5, maxFeeds: 3 });
    const feed = await subject.join((r) => r.sensorId === 'd');
    await append('gw-4', [reading('d', 1), reading('x', 0), reading('d', 2)]);
    await append(
      'gw-4',
      Array.from({ length: 4 }, (_, i) => reading('d', 3 + i)),
    );
    expect(await feed.ended).toBe('overflow');
    const deadline = Date.now() + 10_000;
    while (counts.closed < counts.opened && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(counts.closed).toBe(counts.opened);
    expect(subject.feedCount).toBe(0);
  }, 20_000);

  it('refuses feeds beyond maxFeeds and ends all feeds at shutdown', async () => {
    const subject = hub({ feedCapacity: 10, maxFeeds: 2 });
    const feeds = [await subject.join(() => true), await subject.join(() => true)];
    await expect(subject.join(() => true)).rejects.toThrow('the server already serves 2 live reading streams');
    const iterating = take(feeds[0]!, 1);
    await subject.onModuleDestroy();
    expect(await Promise.all(feeds.map((f) => f.ended))).toEqual(['shutdown', 'shutdown']);
    expect(await iterating).toEqual([]);
    expect(counts.closed).toBe(counts.opened);
  });
});
