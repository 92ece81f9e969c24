import type { AllFilter, EventStore, Position, ReadAllOptions, RecordedEvent } from '../ports/event-store.port.js';
import type { ReadModelDb, SqlExecutor } from '../ports/read-model-db.port.js';
import { lockCheckpoint, saveCheckpoint, type Checkpoint } from './checkpoint-store.js';
import {
  isDecodingProjection,
  isLogProcess,
  type BatchContext,
  type DecodingProjection,
  type Runnable,
  type TableResolver,
} from './projection.js';

export interface BatchTarget {
  readonly projection: Runnable;
  /** Checkpoint row name; differs from the projection name while rebuilding. */
  readonly checkpointName: string;
  readonly table: TableResolver;
}

export interface BatchOutcome {
  /** False when the checkpoint had moved under us and the batch was dropped. */
  readonly accepted: boolean;
  readonly checkpoint: Checkpoint;
}

/** One batch as read: how many events and up to where, and either the events or what a decoder made of them. */
export interface ReadBatch {
  readonly count: number;
  /** Position of the batch's last event; undefined for an empty batch. */
  readonly last: Position | undefined;
  readonly events?: readonly RecordedEvent[];
  /** A decoding projection's fold of the events; observed by `applyBatch`, unless the batch is dropped first. */
  readonly decoded?: Promise<unknown>;
  /**
   * For a filtered projection, the head of the log taken just before the read: when the read comes back empty,
   * every event up to it is one the projection ignores, and the checkpoint may move there.
   */
  readonly headBefore?: Position | null;
}

/** The events a projection consumes, as a log filter; undefined when it consumes every event. */
export function projectionFilter(projection: Runnable): AllFilter | undefined {
  const partition = projection.partition
    ? { count: projection.partition.count, index: projection.partition.index }
    : undefined;
  if (!projection.eventTypes && !partition) return undefined;
  return { ...(projection.eventTypes ? { types: projection.eventTypes } : {}), ...(partition ? { partition } : {}) };
}

function readOptions(projection: Runnable, after: Checkpoint, max: number): ReadAllOptions {
  const filter = projectionFilter(projection);
  return { after: after.position, max, ...(filter ? { filter } : {}) };
}

export function eventsBatch(events: readonly RecordedEvent[]): ReadBatch {
  return { count: events.length, last: events[events.length - 1]?.position, events };
}

/** The next batch after `after`: for a decoding projection, its events are folded as they arrive and not kept. */
export async function readBatch(
  store: EventStore,
  projection: Runnable,
  after: Checkpoint,
  max: number,
): Promise<ReadBatch> {
  const options = readOptions(projection, after, max);
  // Readability only grows at the end of the order (see the stores), so nothing can appear at or before this head
  // later: a filtered read that finds nothing after the checkpoint proves everything up to it is ignored.
  const headBefore = options.filter ? await store.headPosition() : undefined;
  const withHead = <T extends ReadBatch>(batch: T): T => (options.filter ? { ...batch, headBefore } : batch);
  if (!isDecodingProjection(projection)) return withHead(eventsBatch(await store.readAll(options)));
  const decoder = projection.decoder();
  let count = 0;
  let last: Position | undefined;
  await store.scanAll(options, (event) => {
    count += 1;
    last = event.position;
    decoder.add(event);
  });
  if (count === 0) return withHead({ count, last });
  const decoded = decoder.finish();
  decoded.catch(() => undefined);
  return withHead({ count, last, decoded });
}

/**
 * Applies a batch read after `known` together with the new checkpoint in one transaction, so a crash anywhere
 * leaves either both or neither (a log process's `decide` runs first, outside it). The checkpoint row is locked and
 * re-checked inside the transaction: if it moved
 * (a replay swapped the tables in), the batch is dropped and the caller re-reads from the returned checkpoint.
 */
export async function applyBatch(
  db: ReadModelDb,
  target: BatchTarget,
  known: Checkpoint,
  batch: ReadBatch,
): Promise<BatchOutcome> {
  const last = batch.last;
  if (batch.count === 0 || last === undefined) throw new RangeError('applyBatch needs at least one event');
  const applier = await batchApplier(db, target, batch);
  return db.transaction(async (tx) => {
    const current = await lockCheckpoint(tx, target.checkpointName);
    if (current.position !== known.position) return { accepted: false, checkpoint: current };
    await applier(tx, { table: target.table, sequence: current.eventsApplied });
    const next: Checkpoint = { position: last, eventsApplied: current.eventsApplied + batch.count };
    await saveCheckpoint(tx, target.checkpointName, next);
    return { accepted: true, checkpoint: next };
  });
}

/**
 * Moves a filtered projection's checkpoint over events it ignores, up to `head`, so its lag counts only the events
 * it consumes; nothing is applied and `eventsApplied` stays. Dropped, like a batch, when the checkpoint moved.
 */
export async function skipIgnored(
  db: ReadModelDb,
  target: BatchTarget,
  known: Checkpoint,
  head: Position | null | undefined,
): Promise<Checkpoint> {
  if (head === undefined || head === null || head === known.position) return known;
  return db.transaction(async (tx) => {
    const current = await lockCheckpoint(tx, target.checkpointName);
    if (current.position !== known.position) return current;
    const next: Checkpoint = { position: head, eventsApplied: current.eventsApplied };
    await saveCheckpoint(tx, target.checkpointName, next);
    return next;
  });
}

/** What the batch's transaction runs: everything that can be done before it (decoding, `decide`) is done here. */
async function batchApplier(
  db: ReadModelDb,
  target: BatchTarget,
  batch: ReadBatch,
): Promise<(tx: SqlExecutor, context: BatchContext) => Promise<void>> {
  const { projection } = target;
  const events = batch.events ?? [];
  if (isDecodingProjection(projection)) {
    const decoded: unknown = await (batch.decoded ?? decodeEvents(projection, events));
    return (tx, context) => projection.applyDecoded(decoded, tx, context);
  }
  if (isLogProcess(projection)) {
    const decided: unknown = await projection.decide(events, { db, table: target.table });
    return (tx, context) => projection.record(decided, tx, context);
  }
  return (tx, context) => projection.apply(events, tx, context);
}

function decodeEvents(projection: DecodingProjection<unknown>, events: readonly RecordedEvent[]): Promise<unknown> {
  const decoder = projection.decoder();
  for (const event of events) decoder.add(event);
  return decoder.finish();
}

/**
 * Applies batches until a read comes back short (caught up). The next read is issued while the current batch
 * is being applied, so reading the log (and decoding it) and writing the read model overlap. A filtered projection
 * reads until a read comes back empty, and then moves its checkpoint over the events it ignored (skipIgnored).
 */
export async function catchUp(
  store: EventStore,
  db: ReadModelDb,
  target: BatchTarget,
  start: Checkpoint,
  options: {
    batchSize: number;
    onBatch?: (checkpoint: Checkpoint, applied: number) => void;
    shouldStop?: () => boolean;
  },
): Promise<Checkpoint> {
  const empty: ReadBatch = { count: 0, last: undefined };
  let checkpoint = start;
  const filtered = projectionFilter(target.projection) !== undefined;
  let pending = readBatch(store, target.projection, checkpoint, options.batchSize);
  for (;;) {
    const batch = await pending;
    if (options.shouldStop?.()) return checkpoint;
    if (batch.count === 0) {
      const skipped = await skipIgnored(db, target, checkpoint, batch.headBefore);
      if (skipped.position !== checkpoint.position) options.onBatch?.(skipped, 0);
      return skipped;
    }
    const full = batch.count === options.batchSize;
    const after: Checkpoint = { position: batch.last!, eventsApplied: checkpoint.eventsApplied + batch.count };
    pending = full || filtered ? readBatch(store, target.projection, after, options.batchSize) : Promise.resolve(empty);
    // A failed apply must not leave the prefetch rejecting unobserved.
    pending.catch(() => undefined);
    const outcome = await applyBatch(db, target, checkpoint, batch);
    checkpoint = outcome.checkpoint;
    if (!outcome.accepted) {
      // Gone (a rebuild under another partition layout removed it): the runner checks the layout before going on.
      if (checkpoint.position === null) return checkpoint;
      pending = readBatch(store, target.projection, checkpoint, options.batchSize);
      continue;
    }
    options.onBatch?.(checkpoint, batch.count);
    if (!full && !filtered) return checkpoint;
  }
}
