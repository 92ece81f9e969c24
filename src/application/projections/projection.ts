import type { RecordedEvent } from '../ports/event-store.port.js';
import type { SqlExecutor } from '../ports/read-model-db.port.js';

/** Maps a projection's logical table name to the physical table to write (live, or a rebuild shadow). */
export type TableResolver = (logical: string) => string;

interface ProjectionBase {
  /** Stable; checkpoints and locks are keyed by it. */
  readonly name: string;
  /** Event types it consumes; undefined for every event. */
  readonly eventTypes?: readonly string[];
  /** Tables it owns: a replay rebuilds them into shadows and swaps them in. */
  readonly tables: readonly string[];
}

export interface BatchContext {
  readonly table: TableResolver;
  /**
   * The number of events this projection had applied before the batch, so rows can carry a gap-free order of
   * their own.
   */
  readonly sequence: number;
}

/** A projection that applies the events of each batch as they are. */
export interface Projection<Prepared = unknown> extends ProjectionBase {
  /**
   * For processes that act outside the read models (alarm evaluation appends to the log): runs before the batch's
   * transaction, outside it, and hands `apply` what it worked out. A batch whose transaction fails or is dropped is
   * prepared again, so whatever it does must be idempotent — the same batch after the same checkpoint, the same effect.
   */
  prepare?(batch: readonly RecordedEvent[], context: { db: SqlExecutor; table: TableResolver }): Promise<Prepared>;
  /** Applies one ordered batch inside the engine's transaction. */
  apply(batch: readonly RecordedEvent[], tx: SqlExecutor, context: BatchContext & { prepared?: Prepared }): Promise<void>;
}

/** Folds one batch's events, handed over one by one as they are read. */
export interface BatchDecoder<Decoded> {
  add(event: RecordedEvent): void;
  /** Called once, after the last event of the batch. */
  finish(): Promise<Decoded>;
}

/**
 * A projection that only needs what its decoder makes of a batch (readings decoded and grouped): the events are
 * folded as they stream in and never held as a page, and the next batch is read and decoded while the database is
 * still writing the current one. The decoder must not read or write any store.
 */
export interface DecodingProjection<Decoded = unknown> extends ProjectionBase {
  /** A fresh decoder for every batch. */
  decoder(): BatchDecoder<Decoded>;
  /** Applies what the decoder made of one ordered batch inside the engine's transaction. */
  applyDecoded(decoded: Decoded, tx: SqlExecutor, context: BatchContext): Promise<void>;
}

/** Whatever the engine runs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the engine hands each projection back its own Prepared/Decoded
type Some = any;
export type AnyProjection = Projection<Some> | DecodingProjection<Some>;

export function isDecodingProjection(projection: AnyProjection): projection is DecodingProjection<Some> {
  return 'decoder' in projection;
}

export const liveTables: TableResolver = (logical) => logical;

/** Name of the lock that keeps a projection to one active runner across processes. */
export function projectionLockName(projection: string): string {
  return `wattlog:projection:${projection}`;
}
