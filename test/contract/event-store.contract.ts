import {
  EventTooLargeError,
  MAX_EVENT_BYTES,
  WrongExpectedRevisionError,
  type EventStore,
  type RecordedEvent,
} from '../../src/application/ports/event-store.port.js';
import { describeOrSkip } from '../support/skip.js';
import { anEvent, uniquePrefix, waitFor } from '../support/test-ids.js';

export interface ContractSubject {
  store: EventStore;
  cleanup(): Promise<void>;
}

async function readAllOf(store: EventStore, prefix: string, pageSize = 1000): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.readAll({ after, max: pageSize, filter: { streamPrefixes: [prefix] } });
    out.push(...page);
    if (page.length < pageSize) return out;
    after = page[page.length - 1]!.position;
  }
}

/** Every EventStore adapter must pass this suite unchanged; skipped, with the reason, when its store is absent. */
export function describeEventStoreContract(
  name: string,
  make: () => Promise<ContractSubject>,
  skipReason?: string,
): void {
  describeOrSkip(skipReason)(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject | undefined;
    let store: EventStore;

    beforeAll(async () => {
      subject = await make();
      store = subject.store;
    });
    afterAll(async () => {
      await subject?.cleanup();
    });

    it('appends and reads a stream forwards and backwards', async () => {
      const stream = `${uniquePrefix('order')}1`;
      const events = [anEvent('A', { i: 0 }), anEvent('B', { i: 1 }), anEvent('C', { i: 2 })];
      const result = await store.append(stream, events, { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(2);

      const forwards = await store.readStream(stream);
      expect(forwards.map((e) => [e.revision, e.type, e.id])).toEqual(events.map((e, i) => [i, e.type, e.id]));
      expect(forwards[1]!.data).toEqual({ i: 1 });
      expect(forwards[0]!.metadata).toMatchObject({ actorId: 'test' });
      expect(Number.isNaN(Date.parse(forwards[0]!.recordedAt))).toBe(false);
      expect(forwards[2]!.position).toBe(result.position);

      const backwards = await store.readStream(stream, { direction: 'backwards', max: 2 });
      expect(backwards.map((e) => e.revision)).toEqual([2, 1]);
      const fromOne = await store.readStream(stream, { from: 1 });
      expect(fromOne.map((e) => e.revision)).toEqual([1, 2]);
      expect(await store.readStream(`${uniquePrefix('missing')}x`)).toEqual([]);
    });

    it('enforces expected revisions with a typed error', async () => {
      const stream = `${uniquePrefix('rev')}1`;
      await store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });
      await expect(store.append(stream, [anEvent()], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      const stale = store.append(stream, [anEvent()], { expectedRevision: 5 });
      await expect(stale).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', actual: 0, expected: 5 });
      const missing = store.append(`${uniquePrefix('rev')}2`, [anEvent()], { expectedRevision: 0 });
      await expect(missing).rejects.toMatchObject({ actual: 'no_stream' });
      expect((await store.append(stream, [anEvent()], { expectedRevision: 0 })).nextExpectedRevision).toBe(1);
      expect((await store.append(stream, [anEvent()], { expectedRevision: 'any' })).nextExpectedRevision).toBe(2);
      expect((await store.readStream(stream)).length).toBe(3);
    });

    it('treats re-appending the same ids at the same revision as a no-op', async () => {
      const stream = `${uniquePrefix('idem')}1`;
      await store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });
      const batch = [anEvent('X'), anEvent('Y')];
      const first = await store.append(stream, batch, { expectedRevision: 0 });
      const again = await store.append(stream, batch, { expectedRevision: 0 });
      expect(again).toEqual(first);
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['SomethingHappened', 'X', 'Y']);
      // The same ids at a different revision are a conflict, never a second copy.
      await expect(store.append(stream, batch, { expectedRevision: 2 })).rejects.toThrow();
      expect((await store.readStream(stream)).length).toBe(3);
    });

    it('lets exactly one of 20 concurrent appenders win each revision', async () => {
      const stream = `${uniquePrefix('race')}1`;
      await store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });
      for (let round = 0; round < 5; round++) {
        const revision = round;
        const outcomes = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            store.append(stream, [anEvent('Raced', { round, i })], { expectedRevision: revision }),
          ),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o) => o.status === 'rejected');
        expect(won.length).toBe(1);
        for (const o of lost) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      }
      const stored = await store.readStream(stream);
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
    }, 60_000);

    // 120 separate appends: enough for positions to cross a decimal digit boundary, where a textual sort breaks.
    it('reads all events in one total order, in pages, with positions that resume exactly', async () => {
      const prefix = uniquePrefix('all');
      const appended: string[] = [];
      for (let i = 0; i < 120; i++) {
        const e = anEvent('Counted', { i });
        appended.push(e.id);
        await store.append(`${prefix}${i % 3}`, [e], { expectedRevision: 'any' });
      }
      const all = await readAllOf(store, prefix, 7);
      expect(all.map((e) => e.id)).toEqual(appended);
      expect(new Set(all.map((e) => e.position)).size).toBe(120);
      const resumed = await store.readAll({ after: all[9]!.position, max: 5, filter: { streamPrefixes: [prefix] } });
      expect(resumed.map((e) => e.id)).toEqual(appended.slice(10, 15));
      const head = await store.headPosition();
      expect(head).not.toBeNull();
      expect(await store.countAfter(null)).toBeGreaterThanOrEqual(120);
    });

    it('scans all events one by one: the events readAll answers, and a visitor that throws rejects the scan', async () => {
      const prefix = uniquePrefix('scan');
      // Big enough that rows span the chunks a driver reads from its socket.
      const events = Array.from({ length: 40 }, (_, i) =>
        anEvent(i % 2 ? 'Odd' : 'Even', { i, pad: 'x'.repeat(3000), text: 'tab\there é€' }),
      );
      for (let i = 0; i < events.length; i += 10)
        await store.append(`${prefix}${i}`, events.slice(i, i + 10), { expectedRevision: 'no_stream' });
      const filter = { streamPrefixes: [prefix] };
      const read = await store.readAll({ max: 25, filter });
      const scanned: RecordedEvent[] = [];
      await store.scanAll({ max: 25, filter }, (event) => scanned.push(event));
      expect(scanned).toEqual(read);
      expect(scanned.map((e) => e.id)).toEqual(events.slice(0, 25).map((e) => e.id));
      expect(scanned[3]!.data).toEqual({ i: 3, pad: 'x'.repeat(3000), text: 'tab\there é€' });
      const resumed: string[] = [];
      await store.scanAll({ after: read[24]!.position, max: 100, filter: { ...filter, types: ['Odd'] } }, (event) =>
        resumed.push(event.id),
      );
      expect(resumed).toEqual(events.filter((_, i) => i > 24 && i % 2 === 1).map((e) => e.id));

      let visits = 0;
      const refusing = store.scanAll({ max: 100, filter }, () => {
        visits += 1;
        if (visits === 2) throw new Error('visitor refused');
      });
      await expect(refusing).rejects.toThrow('visitor refused');
      expect(visits).toBe(2);
      expect((await store.readAll({ max: 100, filter })).length).toBe(40);
    });

    it('filters by event type and stream prefix', async () => {
      const prefix = uniquePrefix('flt');
      const typeA = `${prefix}TypeA`;
      await store.append(`${prefix}gw-1`, [anEvent(typeA), anEvent('Other')], { expectedRevision: 'any' });
      await store.append(`${prefix}node-1`, [anEvent(typeA)], { expectedRevision: 'any' });
      const byType = await store.readAll({ max: 100, filter: { types: [typeA] } });
      expect(byType.map((e) => e.stream)).toEqual([`${prefix}gw-1`, `${prefix}node-1`]);
      const byPrefix = await store.readAll({ max: 100, filter: { streamPrefixes: [`${prefix}gw-`] } });
      expect(byPrefix.map((e) => e.type)).toEqual([typeA, 'Other']);
      const both = await store.readAll({ max: 100, filter: { types: [typeA], streamPrefixes: [`${prefix}node-`] } });
      expect(both.map((e) => e.stream)).toEqual([`${prefix}node-1`]);
    });

    it('subscribes: catches up, goes live, and resumes from a checkpoint', async () => {
      const prefix = uniquePrefix('sub');
      const filter = { streamPrefixes: [prefix] };
      await store.append(`${prefix}1`, [anEvent('Old', { i: 0 }), anEvent('Old', { i: 1 })], {
        expectedRevision: 'any',
      });
      const seen: RecordedEvent[] = [];
      const subscription = store.subscribe({ filter });
      const consuming = (async () => {
        for await (const event of subscription) seen.push(event);
      })();
      await waitFor(() => seen.length === 2, 10_000, 'catch-up');
      await store.append(`${prefix}2`, [anEvent('New', { i: 2 })], { expectedRevision: 'any' });
      await waitFor(() => seen.length === 3, 10_000, 'live event');
      await subscription.close();
      await consuming;

      const checkpoint = seen[1]!.position;
      await store.append(`${prefix}1`, [anEvent('Later', { i: 3 })], { expectedRevision: 'any' });
      const resumedSeen: RecordedEvent[] = [];
      const resumed = store.subscribe({ after: checkpoint, filter });
      const resumedConsuming = (async () => {
        for await (const event of resumed) resumedSeen.push(event);
      })();
      await waitFor(() => resumedSeen.length === 2, 10_000, 'resume');
      await new Promise((r) => setTimeout(r, 300));
      await resumed.close();
      await resumedConsuming;
      expect(resumedSeen.map((e) => (e.data as { i: number }).i)).toEqual([2, 3]);
    }, 30_000);

    it('refuses an event over 1 MB with a clear error and stores nothing', async () => {
      const stream = `${uniquePrefix('big')}1`;
      const big = anEvent('Huge', { blob: 'x'.repeat(MAX_EVENT_BYTES) });
      const attempt = store.append(stream, [anEvent('Small'), big], { expectedRevision: 'any' });
      await expect(attempt).rejects.toBeInstanceOf(EventTooLargeError);
      await expect(attempt).rejects.toThrow(/limit is 1048576 bytes/);
      expect(await store.readStream(stream)).toEqual([]);
      const justUnder = anEvent('Fits', { blob: 'x'.repeat(MAX_EVENT_BYTES - 100) });
      await store.append(stream, [justUnder], { expectedRevision: 'no_stream' });
      expect((await store.readStream(stream))[0]!.data).toEqual(justUnder.data);
    }, 30_000);

    it('round-trips awkward text in streams, types, data and filters', async () => {
      const prefix = uniquePrefix("odd_%'\\");
      const data = {
        text: 'tab\there, newline\nthere, back\\slash, quote\' "double", ünïcødé ⚡',
        nested: { list: [1, 'x\\y'] },
      };
      const event = { ...anEvent("Type\\With'Quote", data), metadata: { actorId: 'user\\one\t' } };
      await store.append(`${prefix}1`, [event], { expectedRevision: 'no_stream' });
      const [read] = await store.readAll({
        max: 10,
        filter: { streamPrefixes: [prefix], types: ["Type\\With'Quote"] },
      });
      expect(read).toMatchObject({
        stream: `${prefix}1`,
        type: "Type\\With'Quote",
        data,
        metadata: { actorId: 'user\\one\t' },
      });
      expect(await store.readAll({ max: 10, filter: { streamPrefixes: [`${prefix.slice(0, -2)}X`] } })).toEqual([]);
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
