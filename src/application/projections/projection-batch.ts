import type { EventStore, RecordedEvent } from '../ports/event-store.port.js';
import type { ReadModelDb } from '../ports/read-model-db.port.js';
import { lockCheckpoint, saveCheckpoint, type Checkpoint } from './checkpoint-store.js';
import type { Projection, TableResolver } from './projection.js';

export interface BatchTarget {
  readonly projection: Projection;
  /** Checkpoint row name; differs from the projection name while rebuilding. */
  readonly checkpointName: string;
  readonly table: TableResolver;
}

export interface BatchOutcome {
  /** False when the checkpoint had moved under us and the batch was dropped. */
  readonly accepted: boolean;
  readonly checkpoint: Checkpoint;
}

export function readBatch(store: EventStore, projection: Projection, after: Checkpoint, max: number): Promise<RecordedEvent[]> {
  return store.readAll({
    after: after.position,
    max,
    ...(projection.eventTypes ? { filter: { types: projection.eventTypes } } : {}),
  });
}

interface ReadAhead {
  readonly batch: RecordedEvent[];
  readonly decoding?: Promise<unknown>;
}

/** The next batch, with its decoding started: it runs while the database is still writing the current batch. */
function readAhead(store: EventStore, projection: Projection, after: Checkpoint, max: number): Promise<ReadAhead> {
  return readBatch(store, projection, after, max).then((batch) => {
    const decoding = batch.length > 0 ? projection.decode?.(batch) : undefined;
    // Observed by applyBatch, unless the batch is dropped first.
    decoding?.catch(() => undefined);
    return decoding ? { batch, decoding } : { batch };
  });
}

/**
 * Applies a batch read after `known` together with the new checkpoint in one transaction, so a crash anywhere
 * leaves either both or neither (a projection's `prepare` runs first, outside it). The checkpoint row is locked and re-checked inside the transaction: if it moved
 * (a replay swapped the tables in), the batch is dropped and the caller re-reads from the returned checkpoint.
 */
export async function applyBatch(
  db: ReadModelDb,
  target: BatchTarget,
  known: Checkpoint,
  batch: readonly RecordedEvent[],
  decoding?: Promise<unknown>,
): Promise<BatchOutcome> {
  const decoded = await (decoding ?? target.projection.decode?.(batch));
  const prepared = await target.projection.prepare?.(batch, { db, table: target.table });
  return db.transaction(async (tx) => {
    const current = await lockCheckpoint(tx, target.checkpointName);
    if (current.position !== known.position) return { accepted: false, checkpoint: current };
    await target.projection.apply(batch, tx, {
      table: target.table,
      sequence: current.eventsApplied,
      ...(prepared !== undefined ? { prepared } : {}),
      ...(decoded !== undefined ? { decoded } : {}),
    });
    const next: Checkpoint = {
      position: batch[batch.length - 1]!.position,
      eventsApplied: current.eventsApplied + batch.length,
    };
    await saveCheckpoint(tx, target.checkpointName, next);
    return { accepted: true, checkpoint: next };
  });
}

/**
 * Applies batches until a read comes back short (caught up). The next read is issued while the current batch
 * is being applied, so reading the log and writing the read model overlap.
 */
export async function catchUp(
  store: EventStore,
  db: ReadModelDb,
  target: BatchTarget,
  start: Checkpoint,
  options: { batchSize: number; onBatch?: (checkpoint: Checkpoint, applied: number) => void; shouldStop?: () => boolean },
): Promise<Checkpoint> {
  let checkpoint = start;
  let pending = readAhead(store, target.projection, checkpoint, options.batchSize);
  for (;;) {
    const { batch, decoding } = await pending;
    if (batch.length === 0 || options.shouldStop?.()) return checkpoint;
    const full = batch.length === options.batchSize;
    const after: Checkpoint = { position: batch[batch.length - 1]!.position, eventsApplied: checkpoint.eventsApplied + batch.length };
    pending = full ? readAhead(store, target.projection, after, options.batchSize) : Promise.resolve({ batch: [] });
    // A failed apply must not leave the prefetch rejecting unobserved.
    pending.catch(() => undefined);
    const outcome = await applyBatch(db, target, checkpoint, batch, decoding);
    checkpoint = outcome.checkpoint;
    if (!outcome.accepted) {
      pending = readAhead(store, target.projection, checkpoint, options.batchSize);
      continue;
    }
    options.onBatch?.(checkpoint, batch.length);
    if (!full) return checkpoint;
  }
}
