import { mkdir, open, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { INITIAL_META, readMeta, syncDirectory, writeMeta, type OutboxMeta } from './outbox-meta.js';
import { encodeRecord } from './outbox-record.js';
import { readRecords, writeRecords } from './outbox-segment-io.js';
import { chunks, lastIndexOf, loadSegments, segmentName, type Segment } from './outbox-segments.js';
import type { OutboxAppendResult, OutboxOptions, OutboxSyncResult, PendingFrame } from './outbox-types.js';

export type { OutboxAppendResult, OutboxOptions, OutboxSyncResult, PendingFrame } from './outbox-types.js';

const MIN_SEGMENT_BYTES = 64 * 1024;
const MAX_SEGMENT_BYTES = 8 * 1024 * 1024;
const META_FLUSH_MS = 1000;

/**
 * The gateway's store-and-forward queue: append-only segment files, one fsync per appended batch. On open, a record
 * cut short by kill -9 or power loss fails its length/CRC check and is truncated away. Entries get a local index
 * when written; their wire sequence is index + offset, where the offset is fixed at the first accept and moved only
 * when the server proves a renumbering safe (see sync).
 *
 * Full policy: the oldest segment is dropped. For meters the newest data carries the current counter values, so
 * losing the oldest interval detail is the lesser harm, and a full disk never stops the gateway reading its devices.
 */
export class DurableOutbox<T> {
  private writer: FileHandle | null = null;
  private metaDirty = false;
  private metaTimer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly options: Required<Omit<OutboxOptions, 'logger'>> & { logger?: Logger },
    private meta: OutboxMeta,
    private readonly segments: Segment[],
    private nextIndex: number,
  ) {}

  static async open<T>(dir: string, options: OutboxOptions): Promise<DurableOutbox<T>> {
    const segmentBytes =
      options.segmentBytes ??
      Math.min(MAX_SEGMENT_BYTES, Math.max(MIN_SEGMENT_BYTES, Math.floor(options.maxBytes / 8)));
    if (options.maxBytes < 2 * segmentBytes) {
      throw new RangeError(
        `outbox maxBytes ${options.maxBytes} must be at least twice the segment size ${segmentBytes}`,
      );
    }
    await mkdir(dir, { recursive: true });
    const meta = (await readMeta(dir)) ?? INITIAL_META;
    const { segments, removed } = await loadSegments(
      dir,
      meta.doneThrough,
      Math.max(options.maxBytes, 64 * 1024 * 1024),
      options.logger,
    );
    const last = segments.at(-1);
    const nextIndex = last ? lastIndexOf(last) + 1 : meta.doneThrough + 1;
    const outbox = new DurableOutbox<T>(
      dir,
      { maxBytes: options.maxBytes, segmentBytes, logger: options.logger },
      meta,
      segments,
      nextIndex,
    );
    if (removed > 0) await syncDirectory(dir);
    return outbox;
  }

  get pendingCount(): number {
    return this.nextIndex - 1 - this.meta.doneThrough;
  }

  get bytes(): number {
    return this.segments.reduce((n, s) => n + s.bytes, 0);
  }

  get isSynced(): boolean {
    return this.meta.synced;
  }

  /** Wire sequence of the oldest pending entry (or of the next one written when none is pending). */
  get firstPendingSequence(): number {
    return this.meta.doneThrough + 1 + this.meta.seqOffset;
  }

  get nextSequence(): number {
    return this.nextIndex + this.meta.seqOffset;
  }

  /** Last sequence known to be stored by the server, if any. */
  get lastDoneSequence(): number | undefined {
    return this.meta.synced && this.meta.doneThrough >= 0 ? this.meta.doneThrough + this.meta.seqOffset : undefined;
  }

  /**
   * Durable once this resolves: written and fdatasync'ed, one sync per segment-sized chunk of the batch (a batch
   * larger than the whole outbox keeps only its newest part, by the full policy).
   */
  append(entries: readonly T[]): Promise<OutboxAppendResult> {
    return this.exclusive(async () => {
      const records = entries.map((entry, i) => encodeRecord(this.nextIndex + i, entry));
      // A record larger than a segment gets a segment of its own; one larger than half the outbox cannot be kept.
      const tooBig = records.find((r) => r.length > this.options.maxBytes / 2);
      if (tooBig)
        throw new RangeError(
          `an outbox record of ${tooBig.length} bytes cannot fit an outbox of ${this.options.maxBytes}`,
        );
      let dropped = 0;
      let range: [number, number] | undefined;
      for (const chunk of chunks(records, this.options.segmentBytes)) {
        const result = await this.writeChunk(chunk);
        dropped += result.dropped;
        if (result.droppedRange) range = [range?.[0] ?? result.droppedRange[0], result.droppedRange[1]];
      }
      return range ? { dropped, droppedRange: range } : { dropped };
    });
  }

  private async writeChunk(records: Buffer[]): Promise<OutboxAppendResult> {
    const size = records.reduce((n, r) => n + r.length, 0);
    const result = await this.makeRoom(size);
    let segment = this.segments.at(-1);
    if (!segment || !this.writer || segment.bytes + size > this.options.segmentBytes) segment = await this.roll();
    await writeRecords(this.writer!, segment, records);
    this.nextIndex += records.length;
    return result;
  }

  /** Pending entries from `fromSeq` on, in order, up to `maxEntries` or about `maxBytes`. */
  readPending(fromSeq: number, maxEntries: number, maxBytes: number): Promise<PendingFrame<T>[]> {
    return this.exclusive(async () => {
      const index = Math.max(fromSeq - this.meta.seqOffset, this.meta.doneThrough + 1);
      const records = await readRecords<T>(this.segments, index, maxEntries, maxBytes);
      return records.map((record) => ({ seq: record.index + this.meta.seqOffset, entry: record.entry }));
    });
  }

  /** The server stored everything up to `seq`. Cumulative; persisted lazily (a lost ack only causes a resend). */
  ack(seq: number): Promise<void> {
    return this.exclusive(async () => this.markDone(seq - this.meta.seqOffset));
  }

  /**
   * Aligns with the server's next expected sequence after an accept. A fresh outbox adopts it (nothing was ever
   * sent, so numbering is free). Otherwise pending entries below it are stored already; and when the oldest pending
   * entry lies beyond it (entries dropped while full, or a server restored from backup) the pending entries are
   * renumbered down: the server holds nothing at or after `serverNext`, so no renumbered entry can collide.
   */
  sync(serverNext: number): Promise<OutboxSyncResult> {
    return this.exclusive(async () => {
      let alreadyStored = 0;
      if (this.meta.synced) {
        const before = this.pendingCount;
        await this.markDone(Math.min(serverNext - 1 - this.meta.seqOffset, this.nextIndex - 1));
        alreadyStored = before - this.pendingCount;
      }
      const oldest = this.pendingCount > 0 ? this.meta.doneThrough + 1 : this.nextIndex;
      const offset = serverNext - oldest;
      const renumberedBy = this.meta.synced ? this.meta.seqOffset - offset : 0;
      if (!this.meta.synced || offset !== this.meta.seqOffset) {
        this.meta = { ...this.meta, synced: true, seqOffset: offset };
        await this.flushMeta();
      }
      return { alreadyStored, renumberedBy };
    });
  }

  async close(): Promise<void> {
    await this.exclusive(async () => {
      this.closed = true;
      clearTimeout(this.metaTimer);
      if (this.metaDirty) await this.flushMeta();
      await this.writer?.close();
      this.writer = null;
    });
  }

  private async markDone(index: number): Promise<void> {
    if (index <= this.meta.doneThrough) return;
    this.meta = { ...this.meta, doneThrough: Math.min(index, this.nextIndex - 1) };
    this.metaDirty = true;
    // Fully done segments go, except the one being written; the state must say so before a file disappears.
    const done = this.segments.filter(
      (s, i) => i < this.segments.length - 1 && lastIndexOf(s) <= this.meta.doneThrough,
    );
    if (done.length > 0) {
      await this.flushMeta();
      for (const segment of done) await unlink(segment.path);
      this.segments.splice(0, done.length);
      await syncDirectory(this.dir);
    } else {
      this.metaTimer ??= setTimeout(() => {
        this.metaTimer = undefined;
        void this.exclusive(async () => {
          if (this.metaDirty && !this.closed) await this.flushMeta();
        }).catch((error: unknown) => this.options.logger?.error({ err: error }, 'outbox: writing its state failed'));
      }, META_FLUSH_MS);
      this.metaTimer.unref();
    }
  }

  private async makeRoom(size: number): Promise<OutboxAppendResult> {
    let dropped = 0;
    let firstDropped: number | undefined;
    let lastDropped: number | undefined;
    while (this.bytes + size > this.options.maxBytes && this.segments.length > 0) {
      if (this.segments.length === 1) await this.roll();
      const oldest = this.segments[0]!;
      const from = Math.max(oldest.firstIndex, this.meta.doneThrough + 1);
      const to = lastIndexOf(oldest);
      if (to >= from) {
        dropped += to - from + 1;
        firstDropped ??= from;
        lastDropped = to;
      }
      this.meta = { ...this.meta, doneThrough: Math.max(this.meta.doneThrough, to) };
      await this.flushMeta();
      await unlink(oldest.path);
      this.segments.shift();
      await syncDirectory(this.dir);
    }
    if (dropped > 0) {
      this.options.logger?.warn(
        { dropped, maxBytes: this.options.maxBytes },
        'outbox full: dropped the oldest pending frames',
      );
    }
    return firstDropped !== undefined && lastDropped !== undefined && this.meta.synced
      ? { dropped, droppedRange: [firstDropped + this.meta.seqOffset, lastDropped + this.meta.seqOffset] }
      : { dropped };
  }

  /** Starts a new segment named after the next index, durable in its directory before anything is written to it. */
  private async roll(): Promise<Segment> {
    await this.writer?.close();
    this.writer = null;
    const last = this.segments.at(-1);
    if (last && last.offsets.length === 0) {
      this.writer = await open(last.path, 'r+');
      return last;
    }
    const path = join(this.dir, segmentName(this.nextIndex));
    this.writer = await open(path, 'w');
    await syncDirectory(this.dir);
    const segment: Segment = { path, firstIndex: this.nextIndex, offsets: [], bytes: 0 };
    this.segments.push(segment);
    return segment;
  }

  private async flushMeta(): Promise<void> {
    this.metaDirty = false;
    await writeMeta(this.dir, this.meta);
  }

  private exclusive<R>(work: () => Promise<R>): Promise<R> {
    const run = this.queue.then(() => {
      if (this.closed) throw new Error('outbox is closed');
      return work();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
