import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DurableOutbox } from './durable-outbox.js';
import { META_FILE, OutboxCorruptError } from './outbox-meta.js';
import { encodeRecord } from './outbox-record.js';

interface Entry {
  readonly n: number;
  readonly pad?: string;
}

const entries = (from: number, count: number, pad = ''): Entry[] =>
  Array.from({ length: count }, (_, i) => ({ n: from + i, ...(pad ? { pad } : {}) }));
const MiB = 1024 * 1024;

describe('DurableOutbox', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wattlog-outbox-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const segmentFiles = async (): Promise<string[]> =>
    (await readdir(dir)).filter((n) => n.startsWith('segment-')).sort();
  const ns = async (outbox: DurableOutbox<Entry>, from: number): Promise<number[]> =>
    (await outbox.readPending(from, 10_000, 64 * MiB)).map((p) => p.entry.n);

  it('a fresh outbox adopts the server sequence at its first accept, then numbers on from there', async () => {
    const outbox = await DurableOutbox.open<Entry>(dir, { maxBytes: 4 * MiB });
    await outbox.append(entries(0, 3));
    expect(outbox.isSynced).toBe(false);

    await expect(outbox.sync(40)).resolves.toEqual({ alreadyStored: 0, renumberedBy: 0 });

    expect(await outbox.readPending(0, 10, MiB)).toEqual([
      { seq: 40, entry: { n: 0 } },
      { seq: 41, entry: { n: 1 } },
      { seq: 42, entry: { n: 2 } },
    ]);
    await outbox.ack(41);
    expect(await ns(outbox, 0)).toEqual([2]);
    expect(outbox.lastDoneSequence).toBe(41);
    await outbox.close();
  });

  it('keeps every appended entry and its numbering across a reopen without close (crash)', async () => {
    const first = await DurableOutbox.open<Entry>(dir, { maxBytes: 4 * MiB });
    await first.append(entries(0, 5));
    await first.sync(10);
    await first.append(entries(5, 5));
    await first.ack(12);
    // No close(): the process "dies" here; only what append/sync/ack made durable may be relied upon.

    const second = await DurableOutbox.open<Entry>(dir, { maxBytes: 4 * MiB });
    expect(second.isSynced).toBe(true);
    // The ack was only held in memory (persisted lazily), so entries 0..2 may come again: the server dedupes them.
    const pending = await second.readPending(0, 100, MiB);
    expect(pending.map((p) => p.seq)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19].slice(10 - pending.length));
    expect(pending.at(-1)).toEqual({ seq: 19, entry: { n: 9 } });
    await second.close();
    await first.close();
  });

  it('cuts a torn last record off at open and keeps writing after the last good one', async () => {
    const outbox = await DurableOutbox.open<Entry>(dir, { maxBytes: 4 * MiB });
    await outbox.append(entries(0, 3));
    await outbox.close();
    const [segment] = await segmentFiles();
    const path = join(dir, segment!);
    const goodSize = (await stat(path)).size;
    // A fourth record whose write stopped half way (power cut between the length and the end of the body).
    const torn = encodeRecord(3, { n: 3, pad: 'x'.repeat(100) });
    await appendFile(path, torn.subarray(0, torn.length - 17));

    const reopened = await DurableOutbox.open<Entry>(dir, { maxBytes: 4 * MiB });
    expect((await stat(path)).size).toBe(goodSize);
    expect(await ns(reopened, 0)).toEqual([0, 1, 2]);
    await reopened.append(entries(3, 2));
    expect(await ns(reopened, 0)).toEqual([0, 1, 2, 3, 4]);
    await reopened.close();
  });

  it('cuts a last record whose checksum does not match (a torn sector inside it)', async () => {
    const outbox = await DurableOutbox.open<Entry>(dir, { maxBytes: 4 * MiB });
    await outbox.append(entries(0, 3));
    await outbox.close();
    const path = join(dir, (await segmentFiles())[0]!);
    const bytes = await readFile(path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0xff, bytes.length - 3);
    await writeFile(path, bytes);

    const reopened = await DurableOutbox.open<Entry>(dir, { maxBytes: 4 * MiB });
    expect(await ns(reopened, 0)).toEqual([0, 1]);
    await reopened.close();
  });

  it('survives a torn tail of only a few header bytes and a segment that is all garbage', async () => {
    const outbox = await DurableOutbox.open<Entry>(dir, { maxBytes: 4 * MiB });
    await outbox.append(entries(0, 2));
    await outbox.close();
    await appendFile(join(dir, (await segmentFiles())[0]!), Buffer.from([0, 0, 1]));
    await writeFile(join(dir, 'segment-0000000000000099.log'), Buffer.from('not an outbox record at all'));

    const reopened = await DurableOutbox.open<Entry>(dir, { maxBytes: 4 * MiB });
    expect(await ns(reopened, 0)).toEqual([0, 1]);
    expect(await segmentFiles()).toHaveLength(1);
    await reopened.close();
  });

  it('when full drops the oldest segment, counts what it dropped and stays within its bound', async () => {
    const maxBytes = 256 * 1024;
    const outbox = await DurableOutbox.open<Entry>(dir, { maxBytes, segmentBytes: 64 * 1024 });
    await outbox.sync(0);
    const pad = 'p'.repeat(1000);
    let dropped = 0;
    const ranges: (readonly [number, number])[] = [];
    for (let i = 0; i < 400; i += 10) {
      const result = await outbox.append(entries(i, 10, pad));
      dropped += result.dropped;
      if (result.droppedRange) ranges.push(result.droppedRange);
      expect(outbox.bytes).toBeLessThanOrEqual(maxBytes);
    }
    const left = await ns(outbox, 0);
    expect(dropped).toBeGreaterThan(0);
    expect(left.length + dropped).toBe(400);
    expect(left.at(-1)).toBe(399);
    expect(left[0]).toBe(dropped);
    expect(ranges[0]?.[0]).toBe(0);
    expect(ranges.at(-1)?.[1]).toBe(dropped - 1);
    await outbox.close();
  });

  it('after dropping, renumbers pending entries down to continue the server sequence without a gap', async () => {
    const outbox = await DurableOutbox.open<Entry>(dir, { maxBytes: 256 * 1024, segmentBytes: 64 * 1024 });
    await outbox.sync(100);
    await outbox.append(entries(0, 3));
    await outbox.ack(101);
    await outbox.append(entries(3, 1));
    // The server still expects 102 but a full outbox dropped entries 2 and 3 …
    for (let i = 4; i < 400; i += 10) await outbox.append(entries(i, 10, 'p'.repeat(1000)));
    const pending = await outbox.readPending(0, 10_000, 64 * MiB);
    expect(pending[0]!.seq).toBeGreaterThan(102);

    const { alreadyStored, renumberedBy } = await outbox.sync(102);

    expect(alreadyStored).toBe(0);
    expect(renumberedBy).toBe(pending[0]!.seq - 102);
    const renumbered = await outbox.readPending(0, 10_000, 64 * MiB);
    expect(renumbered.map((p) => p.entry)).toEqual(pending.map((p) => p.entry));
    expect(renumbered[0]!.seq).toBe(102);
    await outbox.close();
  });

  it('treats pending entries below the server sequence as stored (acks lost with the connection)', async () => {
    const outbox = await DurableOutbox.open<Entry>(dir, { maxBytes: 4 * MiB });
    await outbox.sync(0);
    await outbox.append(entries(0, 6));
    await expect(outbox.sync(4)).resolves.toEqual({ alreadyStored: 4, renumberedBy: 0 });
    expect((await outbox.readPending(0, 10, MiB)).map((p) => p.seq)).toEqual([4, 5]);
    await outbox.close();
  });

  it('deletes segments once everything in them is acked', async () => {
    const outbox = await DurableOutbox.open<Entry>(dir, { maxBytes: MiB, segmentBytes: 64 * 1024 });
    await outbox.sync(0);
    for (let i = 0; i < 200; i += 10) await outbox.append(entries(i, 10, 'p'.repeat(1000)));
    expect((await segmentFiles()).length).toBeGreaterThan(2);
    await outbox.ack(199);
    expect(await segmentFiles()).toHaveLength(1);
    expect(outbox.pendingCount).toBe(0);
    await outbox.close();

    const reopened = await DurableOutbox.open<Entry>(dir, { maxBytes: MiB, segmentBytes: 64 * 1024 });
    expect(reopened.pendingCount).toBe(0);
    expect(reopened.nextSequence).toBe(200);
    await reopened.close();
  });

  it('refuses a damaged state file rather than renumbering frames', async () => {
    await writeFile(join(dir, META_FILE), '{"version":1');
    await expect(DurableOutbox.open<Entry>(dir, { maxBytes: MiB })).rejects.toBeInstanceOf(OutboxCorruptError);
  });
});
