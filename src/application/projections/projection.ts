import type { RecordedEvent } from '../ports/event-store.port.js';
import type { SqlExecutor } from '../ports/read-model-db.port.js';

/** Maps a projection's logical table name to the physical table to write (live, or a rebuild shadow). */
export type TableResolver = (logical: string) => string;

export interface Projection<Prepared = unknown, Decoded = unknown> {
  /** Stable; checkpoints and locks are keyed by it. */
  readonly name: string;
  /** Event types it consumes; undefined for every event. */
  readonly eventTypes?: readonly string[];
  /** Tables it owns: a replay rebuilds them into shadows and swaps them in. */
  readonly tables: readonly string[];
  /**
   * For processes that act outside the read models (alarm evaluation appends to the log): runs before the batch's
   * transaction, outside it, and hands `apply` what it worked out. A batch whose transaction fails or is dropped is
   * prepared again, so whatever it does must be idempotent — the same batch after the same checkpoint, the same effect.
   */
  prepare?(batch: readonly RecordedEvent[], context: { db: SqlExecutor; table: TableResolver }): Promise<Prepared>;
  /**
   * Work that depends on the batch alone (decoding readings, grouping them): the engine starts it for the next batch
   * as soon as that is read, while the database is still writing the current one, and hands the result to `apply`
   * once. It must not read or write any store.
   */
  decode?(batch: readonly RecordedEvent[]): Promise<Decoded>;
  /**
   * Applies one ordered batch inside the engine's transaction. `sequence` is the number of events this
   * projection had applied before the batch, so rows can carry a gap-free order of their own.
   */
  apply(
    batch: readonly RecordedEvent[],
    tx: SqlExecutor,
    context: { table: TableResolver; sequence: number; prepared?: Prepared; decoded?: Decoded },
  ): Promise<void>;
}

export const liveTables: TableResolver = (logical) => logical;

/** Name of the lock that keeps a projection to one active runner across processes. */
export function projectionLockName(projection: string): string {
  return `wattlog:projection:${projection}`;
}
