import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  jsonEvent,
  type AppendExpectedRevision,
  type JSONType,
  type Position as EsdbPosition,
} from '@eventstore/db-client';
import {
  DuplicateEventIdError,
  EventStoreUnavailableError,
  type AllFilter,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../../../application/ports/event-store.port.js';
import { assertEventSizes } from '../shared/event-size.js';
import { isStreamNotFound, mapEsdbError } from './esdb-errors.js';
import { planFilter } from './esdb-filter.js';
import { countEventsAfter, readHeadPosition } from './esdb-log-metrics.js';
import { compareEsdbPositions, decodeEsdbPosition, encodeEsdbPosition } from './esdb-position.js';
import { consume, toRecorded } from './esdb-read.js';
import { esdbSubscription } from './esdb-subscription.js';

export { COUNT_AFTER_CAP } from './esdb-log-metrics.js';

// readAll pages when the caller filters: the client cannot ask the server to filter reads (only subscriptions).
const SCAN_PAGE = 1000;
const DEFAULT_PING_TIMEOUT_MS = 5000;

export interface EventStoreDbOptions {
  /** e.g. `esdb://127.0.0.1:2113?tls=false` */
  readonly connectionString: string;
  readonly pingTimeoutMs?: number;
}

function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  if (!Number.isSafeInteger(expected) || expected < 0) throw new RangeError(`invalid expected revision ${expected}`);
  return BigInt(expected);
}

/** The event store on EventStoreDB over gRPC: one ESDB stream per stream, positions are $all commit positions. */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly pingTimeoutMs: number;
  private readonly subscriptions = new Set<Subscription>();

  constructor(options: EventStoreDbOptions | string) {
    if (typeof options === 'string') options = { connectionString: options };
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.pingTimeoutMs = options.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS;
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    assertEventSizes(events);
    const expected = options.expectedRevision;
    const esdbExpected = toEsdbExpected(expected);
    try {
      if (typeof expected === 'number') await this.refuseIdsAtTail(stream, events, expected);
      const result = await this.client.appendToStream(
        stream,
        events.map((e) =>
          jsonEvent({ id: e.id, type: e.type, data: (e.data ?? null) as JSONType, metadata: e.metadata ?? {} }),
        ),
        { expectedRevision: esdbExpected },
      );
      const revision = Number(result.nextExpectedRevision);
      // Some server versions answer an idempotent re-append without a position: look the event up instead.
      const position = result.position ?? (await this.positionAt(stream, revision));
      return { nextExpectedRevision: revision, position: encodeEsdbPosition(position) };
    } catch (error) {
      throw mapEsdbError(error, { stream, expected });
    }
  }

  /**
   * At the current revision the server writes whatever arrives without looking at ids, so re-sending a batch that
   * already landed, at the revision it produced, would store a second copy. Such a batch sits at the tail, so the
   * tail is what we compare with (ESDB has no global id index to ask). Below the current revision the server checks
   * ids itself (idempotent or conflict), and above it the append fails anyway: both are left to the server.
   */
  private async refuseIdsAtTail(stream: string, events: readonly NewEvent[], expected: number): Promise<void> {
    const tail = await this.readStreamRaw(stream, { fromRevision: END, maxCount: events.length, direction: BACKWARDS });
    if (tail[0]?.revision !== expected) return;
    const ids = new Set(events.map((e) => e.id));
    const repeated = tail.filter((e) => ids.has(e.id)).map((e) => e.id);
    if (repeated.length > 0) throw new DuplicateEventIdError(repeated);
  }

  private async positionAt(stream: string, revision: number): Promise<EsdbPosition> {
    const [event] = await this.readStreamRaw(stream, {
      fromRevision: BigInt(revision),
      maxCount: 1,
      direction: FORWARDS,
    });
    if (!event) throw new Error(`stream ${stream} has no event at revision ${revision} right after appending it`);
    return decodeEsdbPosition(event.position);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    if (options.max !== undefined && options.max <= 0) return [];
    if (options.from !== undefined && (!Number.isSafeInteger(options.from) || options.from < 0)) {
      throw new RangeError(`invalid revision ${options.from}`);
    }
    try {
      return await this.readStreamRaw(stream, {
        fromRevision: options.from !== undefined ? BigInt(options.from) : backwards ? END : START,
        maxCount: options.max ?? Number.MAX_SAFE_INTEGER,
        direction: backwards ? BACKWARDS : FORWARDS,
      });
    } catch (error) {
      throw mapEsdbError(error);
    }
  }

  private async readStreamRaw(
    stream: string,
    options: {
      fromRevision: bigint | typeof START | typeof END;
      maxCount: number;
      direction: typeof FORWARDS | typeof BACKWARDS;
    },
  ): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    try {
      await consume(this.client.readStream(stream, options), (resolved) => {
        const recorded = toRecorded(resolved);
        if (recorded) out.push(recorded);
        return true;
      });
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return out;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    await this.scanAll(options, (event) => out.push(event));
    return out;
  }

  async scanAll(options: ReadAllOptions, visit: (event: RecordedEvent) => void): Promise<void> {
    // An empty list matches nothing: say so without scanning the whole log to prove it.
    if (options.max <= 0 || options.filter?.types?.length === 0 || options.filter?.streamPrefixes?.length === 0) return;
    const plan = planFilter(options.filter);
    let after = options.after ? decodeEsdbPosition(options.after) : undefined;
    // The read includes the event at `after`, hence one more than wanted when nothing needs filtering out.
    const page = options.filter ? Math.max(SCAN_PAGE, options.max + 1) : options.max + 1;
    let handed = 0;
    let failure: { error: unknown } | undefined;
    try {
      for (;;) {
        let seen = 0;
        let last: EsdbPosition | undefined;
        await consume(
          this.client.readAll({ fromPosition: after ?? START, maxCount: page, direction: FORWARDS }),
          (resolved) => {
            seen += 1;
            const event = resolved.event;
            if (!event?.position) return true;
            last = event.position;
            if (after && compareEsdbPositions(event.position, after) <= 0) return true;
            if (!plan.accepts(event)) return true;
            const recorded = toRecorded(resolved);
            if (recorded) {
              handed += 1;
              try {
                visit(recorded);
              } catch (error) {
                failure = { error };
                return false;
              }
            }
            return handed < options.max;
          },
        );
        if (failure || handed >= options.max || seen < page || !last) break;
        after = last;
      }
    } catch (error) {
      throw mapEsdbError(error);
    }
    if (failure) throw failure.error;
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    const subscription = esdbSubscription(this.client, options, toRecorded, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Newest non-system event; pages backwards past system events (the server writes its own, e.g. stats). */
  headPosition(): Promise<Position | null> {
    return readHeadPosition(this.client);
  }

  /** Non-system events after `after`, approximate and capped at COUNT_AFTER_CAP (see esdb-log-metrics). */
  countAfter(after: Position | null, filter?: AllFilter): Promise<number> {
    return countEventsAfter(this.client, after, filter);
  }

  async ping(): Promise<void> {
    const read = this.client.readAll({ fromPosition: END, maxCount: 1, direction: BACKWARDS });
    let timer: NodeJS.Timeout | undefined;
    // Reads carry no deadline in this client, so a server that accepts the call but never answers needs a timer.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void read.cancel().finally(() => read.destroy());
        reject(new EventStoreUnavailableError(`EventStoreDB did not answer a ping within ${this.pingTimeoutMs} ms`));
      }, this.pingTimeoutMs);
    });
    try {
      await Promise.race([consume(read, () => true), timeout]);
    } catch (error) {
      throw mapEsdbError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }
}
