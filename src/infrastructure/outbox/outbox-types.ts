import type { Logger } from 'pino';

export interface OutboxOptions {
  /** Upper bound of the segment files together; when a write would exceed it the oldest segment is dropped. */
  readonly maxBytes: number;
  readonly segmentBytes?: number;
  readonly logger?: Logger;
}

export interface PendingFrame<T> {
  readonly seq: number;
  readonly entry: T;
}

export interface OutboxAppendResult {
  /** Pending entries dropped (oldest first) to make room. */
  readonly dropped: number;
  /** Wire sequences of the dropped entries, when the outbox is synced. */
  readonly droppedRange?: readonly [number, number];
}

export interface OutboxSyncResult {
  /** Pending entries the server already had: now done. */
  readonly alreadyStored: number;
  /** How far pending entries were renumbered to continue the server's sequence (0: not at all). */
  readonly renumberedBy: number;
}
