import { randomUUID } from 'node:crypto';

/** One record of the fake's transaction log. Positions are log byte offsets, as in EventStoreDB. */
export interface StoredEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  /** The fake writes every event as its own committed record, so commit and prepare positions are equal. */
  readonly position: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch: what the server puts in the `created` metadata entry. */
  readonly created: bigint;
}

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

/** The AppendReq expectation options. Internally, as on the server, revision -1 means "no stream". */
export type Expectation =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

export type AppendOutcome =
  /** `position` is undefined for an empty write, which the server answers without a position. */
  | { readonly kind: 'written'; readonly lastRevision: bigint; readonly position: bigint | undefined }
  | { readonly kind: 'idempotent'; readonly lastRevision: bigint; readonly position: bigint }
  | { readonly kind: 'wrong_expected_version'; readonly current: bigint };

const NO_STREAM = -1n;
// Real logs start after the chunk header and the node's own startup records.
const FIRST_POSITION = 4096n;
const RECORD_OVERHEAD = 120n;
const TICKS_PER_MS = 10_000n;

/** The fake's whole state: an append-only log plus an index by stream and by event id. */
export class FakeLog {
  readonly events: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  // The server's "committed events" cache that answers idempotency for `any`; the fake never evicts.
  private readonly byId = new Map<string, StoredEvent>();
  private readonly listeners = new Set<() => void>();
  private nextPosition = FIRST_POSITION;
  private lastCreated = 0n;

  stream(name: string): readonly StoredEvent[] | undefined {
    return this.streams.get(name);
  }

  /** Called after every write; used by subscriptions to wake up. */
  onWrite(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The server's commit check (optimistic concurrency and idempotency), then the write. */
  append(streamName: string, expectation: Expectation, proposed: readonly ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length === 0 ? NO_STREAM : BigInt(stream.length - 1);
    let expected: bigint | 'any';
    switch (expectation.kind) {
      case 'any':
        expected = 'any';
        break;
      case 'stream_exists':
        if (current === NO_STREAM) return { kind: 'wrong_expected_version', current };
        expected = 'any';
        break;
      case 'no_stream':
        expected = NO_STREAM;
        break;
      case 'revision':
        expected = expectation.revision;
        break;
    }

    if (expected === 'any') {
      const idempotent = this.idempotentByIds(streamName, proposed);
      if (idempotent === 'corrupted') return { kind: 'wrong_expected_version', current };
      if (idempotent) return idempotent;
    } else if (expected < current) {
      // Same ids at the revisions right after `expected` mean a retry of a write that already happened.
      for (let i = 0; i < proposed.length; i++) {
        if (stream[Number(expected) + 1 + i]?.id !== proposed[i]!.id)
          return { kind: 'wrong_expected_version', current };
      }
      if (proposed.length === 0) return { kind: 'wrong_expected_version', current };
      const last = stream[Number(expected) + proposed.length]!;
      return { kind: 'idempotent', lastRevision: last.revision, position: last.position };
    } else if (expected > current) {
      return { kind: 'wrong_expected_version', current };
    }
    // expected === current (or `any` with unknown ids): the server writes without looking at the ids.
    return this.write(streamName, stream, proposed, current);
  }

  /** A system event (type and stream starting with `$`), as the server writes on its own. */
  appendSystemEvent(streamName: string, type: string): StoredEvent {
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length === 0 ? NO_STREAM : BigInt(stream.length - 1);
    const data = new TextEncoder().encode('{}');
    this.write(
      streamName,
      stream,
      [{ id: randomUUID(), type, contentType: 'application/json', data, customMetadata: new Uint8Array() }],
      current,
    );
    return stream[stream.length - 1]!;
  }

  private idempotentByIds(
    streamName: string,
    proposed: readonly ProposedEvent[],
  ): AppendOutcome | 'corrupted' | undefined {
    let last: StoredEvent | undefined;
    for (const [i, event] of proposed.entries()) {
      const known = this.byId.get(event.id);
      if (!known || known.stream !== streamName) return i === 0 ? undefined : 'corrupted';
      last = known;
    }
    if (!last) return undefined;
    return { kind: 'idempotent', lastRevision: last.revision, position: last.position };
  }

  private write(
    streamName: string,
    stream: StoredEvent[],
    proposed: readonly ProposedEvent[],
    current: bigint,
  ): AppendOutcome {
    if (proposed.length === 0) return { kind: 'written', lastRevision: current, position: undefined };
    if (!this.streams.has(streamName)) this.streams.set(streamName, stream);
    let revision = current;
    let last: StoredEvent | undefined;
    const created = this.nextCreated();
    for (const event of proposed) {
      revision += 1n;
      last = { ...event, stream: streamName, revision, position: this.nextPosition, created };
      this.nextPosition +=
        RECORD_OVERHEAD +
        BigInt(event.data.length + event.customMetadata.length + event.type.length + streamName.length);
      stream.push(last);
      this.events.push(last);
      this.byId.set(last.id, last);
    }
    for (const listener of [...this.listeners]) listener();
    return { kind: 'written', lastRevision: last!.revision, position: last!.position };
  }

  private nextCreated(): bigint {
    const now = BigInt(Date.now()) * TICKS_PER_MS;
    this.lastCreated = now > this.lastCreated ? now : this.lastCreated + 1n;
    return this.lastCreated;
  }

  /** Index of the first event whose position is >= `position`. */
  indexAtOrAfter(position: bigint): number {
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.events[mid]!.position < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
