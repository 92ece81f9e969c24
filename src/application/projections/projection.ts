import type { RecordedEvent, StreamPartition } from '../ports/event-store.port.js';
import type { SqlExecutor } from '../ports/read-model-db.port.js';

/** Maps a projection's logical table name to the physical table to write (live, or a rebuild shadow). */
export type TableResolver = (logical: string) => string;

interface ProjectionBase {
  /** Stable; checkpoints are keyed by it. A projection is named after its (main) table: `tables[0]`. */
  readonly name: string;
  /**
   * The name it had before names equalled tables (`audit`, `gateways`, …): the CLI still accepts it, and the
   * runner's lock keeps it, so a runner of an older release and one of this release never run it side by side.
   */
  readonly formerName?: string;
  /** Event types it consumes; undefined for every event. */
  readonly eventTypes?: readonly string[];
  /** Tables it owns: a replay rebuilds them into shadows and swaps them in. */
  readonly tables: readonly string[];
  /**
   * Its batches may be applied by several runners at once, each to the events of its own streams (by stream hash),
   * because nothing it writes for one stream depends on another stream's events.
   */
  readonly partitionable?: boolean;
  /** Set on one partition of a partitionable projection: the streams it applies. */
  readonly partition?: StreamPartition & { readonly of: string };
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
export interface Projection extends ProjectionBase {
  /** Applies one ordered batch inside the engine's transaction. */
  apply(batch: readonly RecordedEvent[], tx: SqlExecutor, context: BatchContext): Promise<void>;
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

/**
 * A process manager that runs on the projection engine (checkpoint, one runner, lag) but appends to the event log
 * (alarm evaluation). Its tables hold its own state, never a read model, and a rebuild never touches it: what it
 * appended is history, and re-deriving it from scratch can only repeat it.
 */
export interface LogProcess<Decided = unknown> extends ProjectionBase {
  /**
   * Decides the batch and appends what it decided, before the batch's transaction and outside it. A batch whose
   * transaction fails or is dropped is decided again, so the appends must be idempotent: the same batch after the
   * same checkpoint, the same events under the same ids at the same revisions.
   */
  decide(batch: readonly RecordedEvent[], context: { db: SqlExecutor; table: TableResolver }): Promise<Decided>;
  /** Stores what `decide` worked out (the process's state) inside the engine's transaction, with the checkpoint. */
  record(decided: Decided, tx: SqlExecutor, context: BatchContext): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the engine hands each runnable back its own Decoded/Decided
type Some = any;
/** A read model's projection: what a rebuild may rebuild. */
export type AnyProjection = Projection | DecodingProjection<Some>;
/** Whatever the engine runs: projections and log processes. */
export type Runnable = AnyProjection | LogProcess<Some>;

export function isDecodingProjection(runnable: Runnable): runnable is DecodingProjection<Some> {
  return 'decoder' in runnable;
}

export function isLogProcess(runnable: Runnable): runnable is LogProcess<Some> {
  return 'decide' in runnable;
}

export const liveTables: TableResolver = (logical) => logical;

/**
 * Name of the lock that keeps a projection to one active runner across processes; a renamed projection keeps the
 * lock of its former name.
 */
export function projectionLockName(runnable: Pick<ProjectionBase, 'name' | 'formerName'>): string {
  return `wattlog:projection:${runnable.formerName ?? runnable.name}`;
}

/** Name (checkpoint, lock) of one partition: `readings_latest#2of4`. */
export function partitionName(base: string, index: number, count: number): string {
  return `${base}#${index + 1}of${count}`;
}

/** The name a partition's projection is known by (its checkpoints of every layout start with it). */
export function baseName(runnable: Pick<ProjectionBase, 'name' | 'partition'>): string {
  return runnable.partition?.of ?? runnable.name;
}

/**
 * What runs of a projection under `count` partitions: itself when it is not partitionable or count is 1, else one
 * runnable per partition, each with its own checkpoint and lock. A changed count is a rebuild (docs/scaling.md).
 */
export function partitionsOf<R extends Runnable>(runnable: R, count: number): R[] {
  if (!runnable.partitionable || count <= 1) return [runnable];
  return Array.from({ length: count }, (_, index) => {
    const { formerName: _former, ...rest } = runnable;
    return {
      ...rest,
      name: partitionName(runnable.name, index, count),
      partition: { count, index, of: runnable.name },
    } as R;
  });
}

/** One migration of the read-model set. Its version is its id in `schema_migrations`: never renumber a shipped one. */
export interface ReadModelMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /**
   * A migration shipped as one that creates the tables of several read models is kept as one, its text split
   * between them: part 1, 2, … are joined in order into the migration that was shipped.
   */
  readonly part?: number;
}
