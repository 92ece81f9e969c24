import type { EventStore } from '../ports/event-store.port.js';
import type { ReadModelDb } from '../ports/read-model-db.port.js';
import { readCheckpoint } from './checkpoint-store.js';
import { projectionFilter } from './projection-batch.js';
import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../ports/clock.port.js';
import { PartitionSpread, type PartitionSpreadOptions } from './partition-spread.js';
import { ProjectionRunner, type RunnerOptions, type RunnerStatus } from './projection-runner.js';
import type { Runnable } from './projection.js';

export interface ProjectionHealth extends RunnerStatus {
  /** Events it consumes in the log after its checkpoint (approximate for some stores). */
  readonly lag: number;
  /** Age of the oldest event it consumes and has not applied yet; 0 when caught up. */
  readonly lagSeconds: number;
}

/** Appends wake the runners at most this often: the polling interval they had before, so batches stay as large. */
const APPEND_WAKE_MS = 100;

/**
 * How long a caught-up runner waits before looking again: long where appends wake it (the wait is a safety net
 * for a missed notification), short where polling is all there is.
 */
export function projectionIdleMs(store: EventStore): number {
  return store.watchAppends ? 1000 : 100;
}

/** Runs every projection of this process and reports their progress. */
export class ProjectionSupervisor {
  private readonly runners: ProjectionRunner[];
  /** Present when a projection runs as partitions: spreads them over the nodes. */
  readonly spread: PartitionSpread | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
    projections: readonly Runnable[],
    private readonly options: RunnerOptions,
    nodes: Partial<Omit<PartitionSpreadOptions, 'onError'>> = {},
    /** Times the lag in seconds. */
    private readonly clock: Clock = systemClock,
  ) {
    this.spread = projections.some((p) => p.partition)
      ? new PartitionSpread(db, {
          nodeId: nodes.nodeId ?? randomUUID(),
          heartbeatMs: nodes.heartbeatMs ?? 1000,
          expiryMs: nodes.expiryMs ?? 5000,
          onError: (error) => options.onError('(partition heartbeat)', error),
        })
      : undefined;
    const runnerOptions = this.spread ? { ...options, share: this.spread } : options;
    this.runners = projections.map((p) => new ProjectionRunner(store, db, p, runnerOptions));
    this.spread?.attach(this.runners);
  }

  private unwatch: Promise<(() => Promise<void>) | undefined> | undefined;
  private lastWakeMs = Number.NEGATIVE_INFINITY;
  private pendingWake: ReturnType<typeof setTimeout> | undefined;

  start(): void {
    this.spread?.start();
    for (const runner of this.runners) runner.start();
    // Appends by any process wake the runners at once; their idle wait is then only a safety net.
    this.unwatch ??= this.store
      .watchAppends?.(() => this.appended())
      .catch((error: unknown) => {
        this.options.onError('(append notifications)', error);
        return undefined;
      });
  }

  poke(): void {
    for (const runner of this.runners) runner.poke();
  }

  /**
   * At most one wake-up per APPEND_WAKE_MS: under a stream of appends a runner woken by each would apply batches of
   * one event, a transaction and a checkpoint apiece, and starve the appends themselves (PGlite has one connection).
   * The first append after a quiet spell wakes at once; later ones are gathered into the next wake-up. Timed on the
   * monotonic clock: only the interval matters.
   */
  private appended(): void {
    const wait = this.lastWakeMs + APPEND_WAKE_MS - performance.now();
    if (wait <= 0) {
      this.lastWakeMs = performance.now();
      this.poke();
      return;
    }
    this.pendingWake ??= setTimeout(() => {
      this.pendingWake = undefined;
      this.lastWakeMs = performance.now();
      this.poke();
    }, wait);
  }

  /** Resolves once appends wake the runners (at once where the store cannot tell; they poll). */
  async watching(): Promise<void> {
    await this.unwatch;
  }

  async stop(): Promise<void> {
    clearTimeout(this.pendingWake);
    this.pendingWake = undefined;
    const unwatch = await this.unwatch;
    this.unwatch = undefined;
    await unwatch?.().catch(() => undefined);
    await Promise.all(this.runners.map((r) => r.stop()));
    await this.spread?.stop();
  }

  async health(): Promise<ProjectionHealth[]> {
    return Promise.all(
      this.runners.map(async (runner) => {
        // A standby runner has no checkpoint in memory; the active one may live in another process.
        const status = runner.status();
        const checkpoint = await readCheckpoint(this.db, runner.projection.name);
        const filter = projectionFilter(runner.projection);
        const [lag, oldest] = await Promise.all([
          this.store.countAfter(checkpoint.position, filter),
          this.store.readAll({ after: checkpoint.position, max: 1, ...(filter ? { filter } : {}) }),
        ]);
        const recordedAt = oldest[0] ? Date.parse(oldest[0].recordedAt) : Number.NaN;
        const lagSeconds = Number.isNaN(recordedAt) ? 0 : Math.max(0, (this.clock.now().getTime() - recordedAt) / 1000);
        return { ...status, checkpoint, lag, lagSeconds };
      }),
    );
  }
}
