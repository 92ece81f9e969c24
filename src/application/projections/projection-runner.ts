import type { EventStore } from '../ports/event-store.port.js';
import type { HeldLock, ReadModelDb } from '../ports/read-model-db.port.js';
import { readCheckpoint, type Checkpoint } from './checkpoint-store.js';
import { catchUp } from './projection-batch.js';
import { SHADOW_SUFFIX } from './shadow-tables.js';
import { baseName, liveTables, projectionLockName, type Runnable } from './projection.js';

/** First look after finding events held back behind an older transaction; later looks double it. */
const HELD_BACK_FIRST_RETRY_MS = 20;

export interface RunnerOptions {
  readonly batchSize: number;
  /** Wait between reads once caught up (a poke ends the wait early). */
  readonly idleMs: number;
  /** Wait before retrying the lock while another process runs this projection. */
  readonly standbyMs: number;
  readonly onError: (projection: string, error: unknown) => void;
  /** For a partition: whether this process should take it or hand it over (spreads partitions over the nodes). */
  readonly share?: PartitionShare;
}

/** Decides, per partition runner, whether this process should hold one more partition or one fewer. */
export interface PartitionShare {
  mayTake(runner: ProjectionRunner): boolean;
  shouldRelease(runner: ProjectionRunner): boolean;
}

export class PartitionLayoutError extends Error {
  override readonly name = 'PartitionLayoutError';
}

export interface RunnerStatus {
  readonly name: string;
  readonly active: boolean;
  readonly checkpoint: Checkpoint | null;
  readonly lastError: string | null;
}

/** Keeps one projection up to date; at most one runner per projection holds its lock across all processes. */
export class ProjectionRunner {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private lock: HeldLock | null = null;
  private checkpoint: Checkpoint | null = null;
  private lastError: string | null = null;
  private heldBackStreak = 0;
  private poked = false;

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
    readonly projection: Runnable,
    private readonly options: RunnerOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** New events were appended: read now instead of waiting out the idle interval. */
  poke(): void {
    // A poke while reading is kept: events appended after the last read must not wait out the idle interval.
    if (this.wake) this.wake();
    else this.poked = true;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  status(): RunnerStatus {
    return {
      name: this.projection.name,
      active: this.lock !== null,
      checkpoint: this.checkpoint,
      lastError: this.lastError,
    };
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const share = this.projection.partition ? this.options.share : undefined;
        if (!this.lock && share && !share.mayTake(this)) {
          await this.sleep(this.options.standbyMs);
          continue;
        }
        this.lock ??= await this.db.tryLock(projectionLockName(this.projection));
        if (!this.lock) {
          await this.sleep(this.options.standbyMs);
          continue;
        }
        const start = await readCheckpoint(this.db, this.projection.name);
        if (start.position === null) await this.checkLayout();
        this.checkpoint = await catchUp(
          this.store,
          this.db,
          { projection: this.projection, checkpointName: this.projection.name, table: liveTables },
          start,
          {
            batchSize: this.options.batchSize,
            onBatch: (checkpoint) => (this.checkpoint = checkpoint),
            shouldStop: () => !this.running,
          },
        );
        this.lastError = null;
        if (share?.shouldRelease(this)) {
          await this.releaseLock();
          await this.sleep(this.options.standbyMs);
          continue;
        }
        await this.sleep(await this.idleWait());
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.options.onError(this.projection.name, error);
        await this.releaseLock();
        await this.sleep(this.options.standbyMs);
      }
    }
    await this.releaseLock();
  }

  /** Whether this runner holds its projection's (or partition's) lock now. */
  get holding(): boolean {
    return this.lock !== null;
  }

  /**
   * A runner starting from nothing while checkpoints of another partition layout hold positions would apply the
   * events again on top of what they wrote: the partition count changed without the rebuild it needs.
   */
  private async checkLayout(): Promise<void> {
    const base = baseName(this.projection);
    const partition = this.projection.partition;
    const others = (
      await this.db.query<{ name: string }>(
        `SELECT name FROM projection_checkpoints
          WHERE (name = $1 OR starts_with(name, $1 || '#')) AND position IS NOT NULL`,
        [base],
      )
    ).filter(({ name }) => {
      if (name.endsWith(SHADOW_SUFFIX)) return false;
      // Siblings of the same layout are fine: a partition may start later than the others.
      return partition ? !name.endsWith(`of${partition.count}`) : name !== base;
    });
    if (others.length > 0)
      throw new PartitionLayoutError(
        `projection ${base}: checkpoints of another partition layout exist (${others.map((o) => o.name).join(', ')}); ` +
          `a changed partition count needs \`wattlog rebuild ${base}\` with the new count`,
      );
  }

  /**
   * The idle wait, unless committed events are held back behind an older transaction: its end notifies nobody, so
   * the runner looks again soon, backing off (20 ms, doubling up to the idle wait) while that transaction runs.
   */
  private async idleWait(): Promise<number> {
    // Only a hint: a failed probe must not cost the runner its lock, the next read will tell.
    const heldBack = (await this.store.hasHeldBackEvents?.().catch(() => false)) === true;
    this.heldBackStreak = heldBack ? this.heldBackStreak + 1 : 0;
    return heldBack
      ? Math.min(this.options.idleMs, HELD_BACK_FIRST_RETRY_MS * 2 ** Math.min(this.heldBackStreak - 1, 16))
      : this.options.idleMs;
  }

  private async releaseLock(): Promise<void> {
    const lock = this.lock;
    this.lock = null;
    await lock?.release().catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (this.poked) {
      this.poked = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).then(() => {
      this.wake = undefined;
    });
  }
}
