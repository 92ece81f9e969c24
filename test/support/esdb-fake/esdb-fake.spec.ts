import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  eventTypeFilter,
  jsonEvent,
  type Position,
} from '@eventstore/db-client';
import { startEsdbFake, type EsdbFake } from './esdb-fake.js';

// These speak to the fake with the real client directly, pinning down the server behaviour the adapter relies on.
describe('EventStoreDB fake, seen through the real client', () => {
  let fake: EsdbFake;
  let client: EventStoreDBClient;
  beforeEach(async () => {
    fake = await startEsdbFake();
    client = EventStoreDBClient.connectionString(fake.url);
  });
  afterEach(async () => {
    await client.dispose();
    await fake.close();
  });

  const event = (type: string, data: Record<string, unknown> = {}) => jsonEvent({ type, data });
  async function readAll(options: Parameters<EventStoreDBClient['readAll']>[0]) {
    const out = [];
    for await (const resolved of client.readAll(options)) out.push(resolved.event!);
    return out;
  }

  it('writes duplicate ids at the current revision, as the real server does, and is idempotent below it', async () => {
    const batch = [event('A'), event('B')];
    const first = await client.appendToStream('s', batch, { expectedRevision: 'no_stream' });
    const retry = await client.appendToStream('s', batch, { expectedRevision: 'no_stream' });
    expect(retry).toEqual(first);
    await client.appendToStream('s', batch, { expectedRevision: 1n });
    const stored = [];
    for await (const resolved of client.readStream('s')) stored.push(resolved.event!.id);
    expect(stored).toEqual([batch[0]!.id, batch[1]!.id, batch[0]!.id, batch[1]!.id]);
    // A partial match of the ids is a conflict, never a partial write.
    await expect(
      client.appendToStream('s', [batch[0]!, event('C')], { expectedRevision: 'no_stream' }),
    ).rejects.toMatchObject({
      actualVersion: 3n,
    });
    await expect(client.appendToStream('s', [batch[1]!, event('C')], { expectedRevision: 0n })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    await expect(
      client.appendToStream('missing', [event('A')], { expectedRevision: STREAM_EXISTS }),
    ).rejects.toMatchObject({
      actualVersion: 'no_stream',
    });
  });

  it('reads $all forwards from a position inclusively and backwards from it exclusively, system events included', async () => {
    await client.appendToStream('s', [event('A'), event('B'), event('C')]);
    const all = await readAll({ fromPosition: START });
    expect(all.map((e) => e.type)).toEqual(['$settings', '$User', 'A', 'B', 'C']);
    const middle = all[3]!.position!;
    expect((await readAll({ fromPosition: middle, maxCount: 2 })).map((e) => e.type)).toEqual(['B', 'C']);
    expect((await readAll({ fromPosition: middle, direction: BACKWARDS, maxCount: 1 })).map((e) => e.type)).toEqual([
      'A',
    ]);
    expect((await readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 })).map((e) => e.type)).toEqual(['C']);
    expect(await readAll({ fromPosition: END, direction: FORWARDS })).toEqual([]);
    expect(all[0]!.created.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('subscribes to $all with a regex filter: confirmation, periodic checkpoints, catch-up then live', async () => {
    await client.appendToStream(
      'noise',
      Array.from({ length: 40 }, (_, i) => event('Noise', { i })),
    );
    await client.appendToStream('s', [event('Wanted', { i: 0 })]);
    const checkpoints: Position[] = [];
    const subscription = client.subscribeToAll({
      fromPosition: START,
      filter: eventTypeFilter({ regex: '^Want', checkpointReached: (_s, position) => void checkpoints.push(position) }),
    });
    const seen: number[] = [];
    let confirmed = false;
    let caughtUp = false;
    subscription.on('confirmation', () => (confirmed = true));
    subscription.on('caughtUp', () => (caughtUp = true));
    subscription.on('data', (resolved) => seen.push((resolved.event!.data as { i: number }).i));
    await until(() => caughtUp && seen.length === 1);
    expect(confirmed).toBe(true);
    // 2 system events + 40 + 1 considered, checkpoint every 32 considered with the default window.
    expect(checkpoints).toHaveLength(1);
    await client.appendToStream('s', [event('Unwanted'), event('Wanted', { i: 1 })]);
    await until(() => seen.length === 2);
    expect(seen).toEqual([0, 1]);
    await subscription.unsubscribe();
  });

  it('subscribes to $all after a position, exclusively', async () => {
    await client.appendToStream('s', [event('A', { i: 0 }), event('A', { i: 1 })]);
    const [first] = (await readAll({ fromPosition: START })).filter((e) => e.type === 'A');
    const subscription = client.subscribeToAll({ fromPosition: first!.position! });
    const seen: string[] = [];
    subscription.on('data', (resolved) => seen.push(resolved.event!.type));
    await client.appendToStream('s', [event('B')]);
    await until(() => seen.length === 2);
    expect(seen).toEqual(['A', 'B']);
    await subscription.unsubscribe();
  });

  it('subscribes to a stream after a revision, exclusively, and to a stream that does not exist yet', async () => {
    await client.appendToStream('s', [event('A', { i: 0 }), event('A', { i: 1 })]);
    const fromRevision = client.subscribeToStream('s', { fromRevision: 0n });
    const pending = client.subscribeToStream('later', { fromRevision: START });
    const seen: number[] = [];
    const seenLater: number[] = [];
    fromRevision.on('data', (resolved) => seen.push((resolved.event!.data as { i: number }).i));
    pending.on('data', (resolved) => seenLater.push((resolved.event!.data as { i: number }).i));
    await until(() => seen.length === 1);
    await client.appendToStream('later', [event('A', { i: 7 })]);
    await until(() => seenLater.length === 1);
    expect(seen).toEqual([1]);
    expect(seenLater).toEqual([7]);
    await Promise.all([fromRevision.unsubscribe(), pending.unsubscribe()]);
  });
});

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
