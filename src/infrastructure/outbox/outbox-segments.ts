import { open, readdir, readFile, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { scanSegment } from './outbox-record.js';

export interface Segment {
  readonly path: string;
  readonly firstIndex: number;
  /** Byte offset of each record; record i has index firstIndex + i. */
  readonly offsets: number[];
  bytes: number;
}

export const SEGMENT_PATTERN = /^segment-(\d{16})\.log$/;

export function segmentName(firstIndex: number): string {
  return `segment-${String(firstIndex).padStart(16, '0')}.log`;
}

export function* chunks(records: readonly Buffer[], maxBytes: number): Generator<Buffer[]> {
  let chunk: Buffer[] = [];
  let bytes = 0;
  for (const record of records) {
    if (chunk.length > 0 && bytes + record.length > maxBytes) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(record);
    bytes += record.length;
  }
  if (chunk.length > 0) yield chunk;
}

export function lastIndexOf(segment: Segment): number {
  return segment.firstIndex + segment.offsets.length - 1;
}

/**
 * Reads every segment, cuts a torn or corrupt tail off (a record failing its length or CRC check and all after it),
 * and deletes segments holding nothing pending. `removed` counts deleted files, so the caller can sync the directory.
 */
export async function loadSegments(
  dir: string,
  doneThrough: number,
  maxRecordBytes: number,
  logger: Logger | undefined,
): Promise<{ segments: Segment[]; removed: number }> {
  const segments: Segment[] = [];
  let removed = 0;
  const names = (await readdir(dir)).filter((n) => SEGMENT_PATTERN.test(n)).sort();
  for (const name of names) {
    const path = join(dir, name);
    const scan = scanSegment(await readFile(path), maxRecordBytes);
    if (scan.tornBytes > 0) {
      logger?.warn({ segment: name, tornBytes: scan.tornBytes, why: scan.why }, 'outbox: cutting off a torn tail');
      await truncate(path, scan.validBytes);
      const handle = await open(path, 'r+');
      await handle.sync().finally(() => handle.close());
    }
    const first = scan.records[0];
    const segment: Segment = {
      path,
      firstIndex: first?.index ?? 0,
      offsets: scan.records.map((r) => r.offset),
      bytes: scan.validBytes,
    };
    if (!first || lastIndexOf(segment) <= doneThrough) {
      await unlink(path);
      removed++;
      continue;
    }
    segments.push(segment);
  }
  return { segments, removed };
}

export async function readRange(path: string, start: number, end: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(end - start);
  const handle = await open(path, 'r');
  try {
    await handle.read(buffer, 0, buffer.length, start);
  } finally {
    await handle.close();
  }
  return buffer;
}
