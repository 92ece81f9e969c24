import { createServer, type AddressInfo, type Socket } from 'node:net';
import {
  DuplicateEventIdError,
  EventStoreUnavailableError,
  EventTooLargeError,
  MAX_EVENT_BYTES,
  WrongExpectedRevisionError,
  type RecordedEvent,
  type Subscription,
} from '../../../application/ports/event-store.port.js';
import { esdbTarget, type EsdbTarget } from '#test/support/esdb-fake/esdb-target.js';
import { startEsdbFake } from '#test/support/esdb-fake/esdb-fake.js';
import { anEvent, uniquePrefix, waitFor } from '#test/support/test-ids.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.adapter.js';

function collect(subscription: Subscription): { seen: RecordedEvent[]; done: Promise<void> } {
  const seen: RecordedEvent[] = [];
  const done = (async () => {
    for await (const event of subscription) seen.push(event);
  })();
  return { seen, done };
}

describe('EventStoreDbEventStore', () => {
  let target: EsdbTarget;
  let store: EventStoreDbEventStore;
  beforeAll(async () => {
    target = await esdbTarget();
    store = new EventStoreDbEventStore({ connectionString: target.url });
  });
  afterAll(async () => {
    await store.close();
    await target.close();
  });

  it('appends, then reads forwards, backwards, from a revision and with a limit', async () => {
    const stream = `${uniquePrefix('meter')}1`;
    const events = [anEvent('Read', { kwh: 1 }), anEvent('Read', { kwh: 2 }), anEvent('Read', { kwh: 3 })];
    const appended = await store.append(stream, events, { expectedRevision: 'no_stream' });
    expect(appended.nextExpectedRevision).toBe(2);

    const all = await store.readStream(stream);
    expect(all.map((e) => [e.id, e.revision, e.stream])).toEqual(events.map((e, i) => [e.id, i, stream]));
    expect(all.map((e) => e.data)).toEqual([{ kwh: 1 }, { kwh: 2 }, { kwh: 3 }]);
    expect(all[2]!.position).toBe(appended.position);
    expect(Math.abs(Date.parse(all[0]!.recordedAt) - Date.now())).toBeLessThan(60_000);
    expect((await store.readStream(stream, { direction: 'backwards' })).map((e) => e.revision)).toEqual([2, 1, 0]);
    expect((await store.readStream(stream, { direction: 'backwards', from: 1 })).map((e) => e.revision)).toEqual([
      1, 0,
    ]);
    expect((await store.readStream(stream, { from: 1, max: 1 })).map((e) => e.revision)).toEqual([1]);
    expect(await store.readStream(stream, { from: 3 })).toEqual([]);
    expect(await store.readStream(`${uniquePrefix('absent')}1`, { direction: 'backwards' })).toEqual([]);
  });

  it('maps no_stream, any and exact revisions, and reports the actual revision on conflict', async () => {
    const stream = `${uniquePrefix('rev')}1`;
    const missing = store.append(stream, [anEvent()], { expectedRevision: 3 });
    await expect(missing).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(missing).rejects.toMatchObject({ stream, expected: 3, actual: 'no_stream' });

    await store.append(stream, [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
    await expect(store.append(stream, [anEvent()], { expectedRevision: 'no_stream' })).rejects.toMatchObject({
      name: 'WrongExpectedRevisionError',
      expected: 'no_stream',
      actual: 1,
    });
    await expect(store.append(stream, [anEvent()], { expectedRevision: 0 })).rejects.toMatchObject({ actual: 1 });
    expect((await store.append(stream, [anEvent()], { expectedRevision: 1 })).nextExpectedRevision).toBe(2);
    expect((await store.append(stream, [anEvent()], { expectedRevision: 'any' })).nextExpectedRevision).toBe(3);
    expect(
      (await store.append(`${uniquePrefix('rev')}2`, [anEvent()], { expectedRevision: 'any' })).nextExpectedRevision,
    ).toBe(0);
  });

  it('answers a re-append of the same ids at the same revision with the original result, storing nothing', async () => {
    const stream = `${uniquePrefix('idem')}1`;
    const first = [anEvent('Joined')];
    const original = await store.append(stream, first, { expectedRevision: 'no_stream' });
    expect(await store.append(stream, first, { expectedRevision: 'no_stream' })).toEqual(original);
    expect(await store.append(stream, first, { expectedRevision: 'any' })).toEqual(original);

    const batch = [anEvent('A'), anEvent('B')];
    const second = await store.append(stream, batch, { expectedRevision: 0 });
    await store.append(stream, [anEvent('Later')], { expectedRevision: 2 });
    // A retry after the stream moved on is still recognised: the ids sit right after the expected revision.
    expect(await store.append(stream, batch, { expectedRevision: 0 })).toEqual(second);
    expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['Joined', 'A', 'B', 'Later']);
  });

  it('refuses ids that already sit at the tail of the stream when appended at its current revision', async () => {
    const stream = `${uniquePrefix('dup')}1`;
    const batch = [anEvent('A'), anEvent('B')];
    await store.append(stream, batch, { expectedRevision: 'no_stream' });
    const again = store.append(stream, [batch[1]!], { expectedRevision: 1 });
    await expect(again).rejects.toBeInstanceOf(DuplicateEventIdError);
    await expect(again).rejects.toMatchObject({ eventIds: [batch[1]!.id] });
    // Away from the tail the revision itself is wrong, and that is what the caller hears.
    await expect(store.append(stream, [batch[1]!], { expectedRevision: 5 })).rejects.toMatchObject({ actual: 1 });
    await expect(store.append(stream, [batch[1]!], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect((await store.readStream(stream)).length).toBe(2);
  });

  it('reads $all after a position, filtered by exact types (special characters included) and stream prefixes', async () => {
    const prefix = uniquePrefix('all');
    const dotted = `${prefix}Meter.Read+v2`;
    const lookalike = `${prefix}MeterXRead+v2`;
    await store.append(`${prefix}gw-1`, [anEvent(dotted, { i: 0 }), anEvent(lookalike, { i: 1 })], {
      expectedRevision: 'any',
    });
    await store.append(`${prefix}node-1`, [anEvent(dotted, { i: 2 }), anEvent('Other', { i: 3 })], {
      expectedRevision: 'any',
    });

    const byType = await store.readAll({ max: 10, filter: { types: [dotted] } });
    expect(byType.map((e) => (e.data as { i: number }).i)).toEqual([0, 2]);
    const byPrefix = await store.readAll({ max: 10, filter: { streamPrefixes: [`${prefix}node-`] } });
    expect(byPrefix.map((e) => e.type)).toEqual([dotted, 'Other']);
    const both = await store.readAll({
      max: 10,
      filter: { types: [dotted, 'Other'], streamPrefixes: [`${prefix}node-`] },
    });
    expect(both.map((e) => (e.data as { i: number }).i)).toEqual([2, 3]);
    expect(await store.readAll({ max: 10, filter: { types: [] } })).toEqual([]);

    const mine = await store.readAll({ max: 10, filter: { streamPrefixes: [prefix] } });
    const after = await store.readAll({ after: mine[0]!.position, max: 2, filter: { streamPrefixes: [prefix] } });
    expect(after.map((e) => e.id)).toEqual(mine.slice(1, 3).map((e) => e.id));
    expect(await store.countAfter(mine[1]!.position)).toBeGreaterThanOrEqual(2);
  });

  it('subscribes with a server-side type filter: catch-up, then live, then resume after a position', async () => {
    const prefix = uniquePrefix('sub');
    const wanted = `${prefix}Wanted`;
    await store.append(`${prefix}1`, [anEvent(wanted, { i: 0 }), anEvent('Noise'), anEvent(wanted, { i: 1 })], {
      expectedRevision: 'any',
    });
    const first = collect(store.subscribe({ filter: { types: [wanted] } }));
    await waitFor(() => first.seen.length === 2, 10_000, 'catch-up');
    await store.append(`${prefix}2`, [anEvent('Noise'), anEvent(wanted, { i: 2 })], { expectedRevision: 'any' });
    await waitFor(() => first.seen.length === 3, 10_000, 'live event');
    expect(first.seen.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2]);
    await store.close(); // closes open subscriptions too
    await first.done;

    store = new EventStoreDbEventStore({ connectionString: target.url });
    const resumed = collect(
      store.subscribe({ after: first.seen[0]!.position, filter: { types: [wanted], streamPrefixes: [prefix] } }),
    );
    await waitFor(() => resumed.seen.length === 2, 10_000, 'resume');
    const closing = store.subscribe({});
    await closing.close();
    expect(await closing[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
    expect(resumed.seen.map((e) => (e.data as { i: number }).i)).toEqual([1, 2]);
  }, 30_000);

  it('delivers a long catch-up completely and in order to a slow consumer', async () => {
    const prefix = uniquePrefix('slow');
    for (let batch = 0; batch < 6; batch++) {
      const events = Array.from({ length: 100 }, (_, i) => anEvent('Tick', { i: batch * 100 + i }));
      await store.append(`${prefix}1`, events, { expectedRevision: 'any' });
    }
    const subscription = store.subscribe({ filter: { streamPrefixes: [prefix] } });
    const seen: number[] = [];
    for await (const event of subscription) {
      seen.push((event.data as { i: number }).i);
      // A long stall lets the subscription's buffer fill past its high-water mark, so the stream pauses and resumes.
      if (seen.length === 1) await new Promise((r) => setTimeout(r, 1000));
      if (seen.length === 600) break;
    }
    expect(seen).toEqual(Array.from({ length: 600 }, (_, i) => i));
  }, 30_000);

  it('refuses an event over MAX_EVENT_BYTES before sending anything', async () => {
    const stream = `${uniquePrefix('big')}1`;
    const big = anEvent('Huge', { blob: 'é'.repeat(MAX_EVENT_BYTES / 2) }); // two UTF-8 bytes per character
    await expect(store.append(stream, [anEvent('Small'), big], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
      EventTooLargeError,
    );
    expect(await store.readStream(stream)).toEqual([]);
  });
});

describe('EventStoreDbEventStore against the fake only', () => {
  it('finds the head and counts past system events the server writes itself', async () => {
    const fake = await startEsdbFake();
    const store = new EventStoreDbEventStore(fake.url);
    try {
      expect(await store.headPosition()).toBeNull();
      expect(await store.countAfter(null)).toBe(0);
      expect(await store.readAll({ max: 10 })).toEqual([]);
      const appended = await store.append('gateway-1', [anEvent('GatewayRegistered')], {
        expectedRevision: 'no_stream',
      });
      // More system events than one backwards page, so the head search has to page.
      for (let i = 0; i < 40; i++) fake.appendSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
      expect(await store.headPosition()).toBe(appended.position);
      expect(await store.countAfter(null)).toBe(1);
      expect(await store.countAfter(appended.position)).toBe(0);
      expect((await store.readAll({ max: 10 })).map((e) => e.type)).toEqual(['GatewayRegistered']);
    } finally {
      await store.close();
      await fake.close();
    }
  });

  it('looks up the original position when the server answers an idempotent append without one', async () => {
    const fake = await startEsdbFake({ idempotentPosition: 'none' });
    const store = new EventStoreDbEventStore(fake.url);
    try {
      const batch = [anEvent('A'), anEvent('B')];
      const original = await store.append('s-1', batch, { expectedRevision: 'no_stream' });
      await store.append('s-1', [anEvent('C')], { expectedRevision: 1 });
      expect(await store.append('s-1', batch, { expectedRevision: 'no_stream' })).toEqual(original);
    } finally {
      await store.close();
      await fake.close();
    }
  });

  it('gives up a ping on a server that accepts connections but never answers', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const store = new EventStoreDbEventStore({
      connectionString: `esdb://127.0.0.1:${(silent.address() as AddressInfo).port}?tls=false`,
      pingTimeoutMs: 300,
    });
    try {
      const started = Date.now();
      await expect(store.ping()).rejects.toThrow(/did not answer a ping within 300 ms/);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await store.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 20_000);

  it('reports a stopped server as EventStoreUnavailableError', async () => {
    const fake = await startEsdbFake();
    const store = new EventStoreDbEventStore({ connectionString: fake.url, pingTimeoutMs: 2000 });
    try {
      await store.ping();
      const subscription = collect(store.subscribe());
      await fake.close();
      await expect(subscription.done).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.append('s-1', [anEvent()], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      await expect(store.readAll({ max: 1 })).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await store.close();
    }
  }, 20_000);
});
