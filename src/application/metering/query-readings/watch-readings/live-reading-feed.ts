import type { CanonicalReading } from '../../../../domain/metering/canonical-reading.js';

/**
 * Why a feed ended. `closed`: its consumer closed it. `overflow`: the consumer fell more than the feed's capacity
 * behind. `failed`: the event store subscription broke. `shutdown`: the server is stopping.
 */
export type FeedEnd = 'closed' | 'overflow' | 'failed' | 'shutdown';

/** Live readings for one consumer. Iterate it; `close()` ends it (and, for the last feed, the store subscription). */
export interface LiveReadingFeed extends AsyncIterable<CanonicalReading> {
  readonly ended: Promise<FeedEnd>;
  /**
   * The log position of the stored event whose readings the reading just yielded completes (it is the last one of
   * that event this consumer gets), else null. A consumer that remembers it can resume after exactly that event.
   */
  readonly completedPosition?: string | null;
  close(): Promise<void>;
}

/**
 * A bounded queue between the hub, which must never wait for a consumer, and one consumer. A consumer that falls
 * `capacity` readings behind is ended rather than buffered without bound.
 */
export class BoundedReadingFeed implements LiveReadingFeed {
  readonly ended: Promise<FeedEnd>;
  completedPosition: string | null = null;
  /** The log position of the event the reading just yielded came from. */
  currentPosition: string | null = null;
  private readonly queue: {
    readonly reading: CanonicalReading;
    readonly position: string | null;
    readonly completes: boolean;
  }[] = [];
  private endReason: FeedEnd | null = null;
  private resolveEnded!: (reason: FeedEnd) => void;
  private wake: (() => void) | null = null;

  constructor(
    readonly accepts: (reading: CanonicalReading) => boolean,
    private readonly capacity: number,
    private readonly onClose: (feed: BoundedReadingFeed) => Promise<void>,
  ) {
    this.ended = new Promise((resolve) => (this.resolveEnded = resolve));
  }

  get isEnded(): boolean {
    return this.endReason !== null;
  }

  /** Readings waiting for the consumer, as a share of the capacity (0..1). */
  get backlog(): number {
    return this.queue.length / this.capacity;
  }

  /** The readings of one stored event; `position` is that event's log position, marked on the last one admitted. */
  offer(readings: readonly CanonicalReading[], position: string | null = null): void {
    const admitted = readings.filter((reading) => this.accepts(reading));
    for (const [index, reading] of admitted.entries()) {
      if (this.endReason !== null) return;
      if (this.queue.length >= this.capacity) {
        this.end('overflow');
        return;
      }
      this.queue.push({ reading, position, completes: index === admitted.length - 1 });
      this.wakeConsumer();
    }
  }

  end(reason: FeedEnd): void {
    if (this.endReason !== null) return;
    this.endReason = reason;
    this.queue.length = 0;
    this.resolveEnded(reason);
    this.wakeConsumer();
  }

  async close(): Promise<void> {
    this.end('closed');
    await this.onClose(this);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<CanonicalReading> {
    for (;;) {
      if (this.endReason !== null) return;
      const next = this.queue.shift();
      if (next !== undefined) {
        this.currentPosition = next.position;
        this.completedPosition = next.completes ? next.position : null;
        yield next.reading;
        continue;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private wakeConsumer(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
