import type { EventMetadata } from '../../domain/shared/event.js';

/** Opaque, totally ordered global position. Compare only through the store that issued it. */
export type Position = string;

/** `no_stream`: the stream must not exist. `any`: no check. A number: the stream's current last revision. */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface NewEvent {
  /** Stable UUID: re-appending the same ids at the same revision is a no-op. */
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: EventMetadata;
}

export interface RecordedEvent {
  readonly id: string;
  readonly stream: string;
  /** 0-based position of the event inside its stream. */
  readonly revision: number;
  readonly position: Position;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  /** ISO-8601 time the store recorded the event. */
  readonly recordedAt: string;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  readonly nextExpectedRevision: number;
  /** Global position of the last appended event (of the original append when idempotent). */
  readonly position: Position;
}

export interface ReadStreamOptions {
  /** Inclusive start revision; for backwards reads defaults to the end. */
  readonly from?: number;
  readonly direction?: 'forwards' | 'backwards';
  readonly max?: number;
}

export interface AllFilter {
  /** Exact event type names. */
  readonly types?: readonly string[];
  /** Stream name prefixes (e.g. `gateway-`). */
  readonly streamPrefixes?: readonly string[];
  /**
   * Only streams whose name hashes to `index` of `count` partitions (a partitioned projection's share). The hash is
   * the store's own: it only has to be the same for every reader of that store.
   */
  readonly partition?: StreamPartition;
}

export interface StreamPartition {
  readonly count: number;
  readonly index: number;
}

export interface ReadAllOptions {
  /** Exclusive; omitted or null reads from the very start. */
  readonly after?: Position | null;
  readonly max: number;
  readonly filter?: AllFilter;
}

export interface SubscribeOptions {
  readonly after?: Position | null;
  readonly filter?: AllFilter;
}

/** Catch-up then live. Iterate it; `close()` ends the iteration. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  append(
    stream: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  /** Missing streams read as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * The events `readAll` answers, handed to `visit` one at a time as they arrive, so a reader that folds them need not
   * hold the page: each event can be collected as soon as `visit` returns. An error `visit` throws rejects the scan.
   */
  scanAll(options: ReadAllOptions, visit: (event: RecordedEvent) => void): Promise<void>;
  subscribe(options?: SubscribeOptions): Subscription;
  /**
   * Calls `onAppend` soon after any process appended (a hint, no content: read to see what); resolves to the
   * unsubscribe function. Absent where the store cannot tell cheaply; readers then poll.
   */
  watchAppends?(onAppend: () => void): Promise<() => Promise<void>>;
  /**
   * Whether committed events are not readable yet because an older transaction is still running (a store whose
   * order is commit-safe holds them back until it ends, and that end may notify nobody). A caught-up reader looks
   * again soon when true. Absent where every committed event is readable at once.
   */
  hasHeldBackEvents?(): Promise<boolean>;
  /** Position of the newest readable event, null when the log is empty. */
  headPosition(): Promise<Position | null>;
  /**
   * Approximate number of events after `after` (all events when null), only those the filter matches when given;
   * used for lag metrics and progress.
   */
  countAfter(after: Position | null, filter?: AllFilter): Promise<number>;
  /** Resolves when the store answers; throws otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');

/** Largest serialised event (data + metadata) any adapter accepts. */
export const MAX_EVENT_BYTES = 1024 * 1024;

export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

export class EventTooLargeError extends Error {
  override readonly name = 'EventTooLargeError';
  constructor(
    readonly eventId: string,
    readonly bytes: number,
  ) {
    super(`event ${eventId} is ${bytes} bytes; the limit is ${MAX_EVENT_BYTES} bytes (data + metadata as JSON)`);
  }
}

export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
}

/** An event id is already stored elsewhere (another stream, or another revision of this one). */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(readonly eventIds: readonly string[]) {
    super(
      `event id(s) already stored at another place: ${eventIds.slice(0, 3).join(', ')}${eventIds.length > 3 ? ', …' : ''}`,
    );
  }
}
