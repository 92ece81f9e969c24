import { crc32 } from 'node:zlib';

/*
 * Record layout, all big-endian:
 *   u32 body length | u32 CRC-32 of body | body = u64 local index + UTF-8 JSON of the entry
 * A record is valid only when its whole body is present and the checksum matches, so a write cut short by a crash
 * or power loss is recognised at the tail and cut off.
 */
export const RECORD_HEADER_BYTES = 8;
const INDEX_BYTES = 8;

export interface OutboxRecord<T> {
  /** Local, gap-free position in this outbox; the wire sequence is index + the outbox's sequence offset. */
  readonly index: number;
  readonly entry: T;
}

export interface ScannedRecord {
  readonly index: number;
  readonly offset: number;
  readonly length: number;
}

export interface SegmentScan {
  readonly records: ScannedRecord[];
  /** Bytes of valid records from the start; anything after is a torn or corrupt tail. */
  readonly validBytes: number;
  readonly tornBytes: number;
  readonly why?: 'truncated' | 'checksum' | 'bad_index';
}

export function encodeRecord(index: number, entry: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(entry));
  const record = Buffer.allocUnsafe(RECORD_HEADER_BYTES + INDEX_BYTES + json.length);
  record.writeUInt32BE(INDEX_BYTES + json.length, 0);
  record.writeBigUInt64BE(BigInt(index), RECORD_HEADER_BYTES);
  json.copy(record, RECORD_HEADER_BYTES + INDEX_BYTES);
  record.writeUInt32BE(crc32(record.subarray(RECORD_HEADER_BYTES)), 4);
  return record;
}

/** Walks a segment's bytes; indexes must increase by one from record to record. */
export function scanSegment(bytes: Buffer, maxRecordBytes: number): SegmentScan {
  const records: ScannedRecord[] = [];
  let offset = 0;
  let why: SegmentScan['why'];
  while (offset < bytes.length) {
    if (bytes.length - offset < RECORD_HEADER_BYTES) {
      why = 'truncated';
      break;
    }
    const bodyLength = bytes.readUInt32BE(offset);
    const end = offset + RECORD_HEADER_BYTES + bodyLength;
    if (bodyLength < INDEX_BYTES || bodyLength > maxRecordBytes || end > bytes.length) {
      why = 'truncated';
      break;
    }
    const body = bytes.subarray(offset + RECORD_HEADER_BYTES, end);
    if (crc32(body) !== bytes.readUInt32BE(offset + 4)) {
      why = 'checksum';
      break;
    }
    const index = Number(body.readBigUInt64BE(0));
    const previous = records.at(-1);
    if (!Number.isSafeInteger(index) || (previous && index !== previous.index + 1)) {
      why = 'bad_index';
      break;
    }
    records.push({ index, offset, length: end - offset });
    offset = end;
  }
  return { records, validBytes: offset, tornBytes: bytes.length - offset, ...(why ? { why } : {}) };
}

export function decodeRecord<T>(record: Buffer): OutboxRecord<T> {
  const body = record.subarray(RECORD_HEADER_BYTES);
  return {
    index: Number(body.readBigUInt64BE(0)),
    entry: JSON.parse(body.subarray(INDEX_BYTES).toString('utf8')) as T,
  };
}
