import type { FileHandle } from 'node:fs/promises';
import { decodeRecord, type OutboxRecord } from './outbox-record.js';
import { lastIndexOf, readRange, type Segment } from './outbox-segments.js';

/**
 * Appends whole records at the segment's end and syncs them, then records their offsets. On a failed write the file
 * is cut back: never leave a partial record before later good ones, the open-time scan would stop at it.
 */
export async function writeRecords(writer: FileHandle, segment: Segment, records: readonly Buffer[]): Promise<void> {
  const size = records.reduce((n, r) => n + r.length, 0);
  try {
    await writer.write(Buffer.concat(records), 0, size, segment.bytes);
    await writer.datasync();
  } catch (error) {
    await writer.truncate(segment.bytes).catch(() => undefined);
    throw error;
  }
  let offset = segment.bytes;
  for (const record of records) {
    segment.offsets.push(offset);
    offset += record.length;
  }
  segment.bytes = offset;
}

/** Records from local index `fromIndex` on, in order, up to `maxEntries` or about `maxBytes`. */
export async function readRecords<T>(
  segments: readonly Segment[],
  fromIndex: number,
  maxEntries: number,
  maxBytes: number,
): Promise<OutboxRecord<T>[]> {
  const out: OutboxRecord<T>[] = [];
  let index = fromIndex;
  let budget = maxBytes;
  for (const segment of segments) {
    if (out.length >= maxEntries || budget <= 0) break;
    if (index > lastIndexOf(segment)) continue;
    const from = Math.max(index, segment.firstIndex) - segment.firstIndex;
    let to = from;
    while (to < segment.offsets.length && to - from < maxEntries - out.length && budget > 0) {
      budget -= (segment.offsets[to + 1] ?? segment.bytes) - segment.offsets[to]!;
      to++;
    }
    const start = segment.offsets[from]!;
    const end = segment.offsets[to] ?? segment.bytes;
    const buffer = await readRange(segment.path, start, end);
    for (let i = from; i < to; i++) {
      const at = segment.offsets[i]! - start;
      out.push(decodeRecord<T>(buffer.subarray(at, (segment.offsets[i + 1] ?? segment.bytes) - start)));
    }
    index = segment.firstIndex + to;
  }
  return out;
}
