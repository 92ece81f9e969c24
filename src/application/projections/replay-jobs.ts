import { randomUUID } from 'node:crypto';
import type { EventStore } from '../ports/event-store.port.js';
import type { ReadModelDb } from '../ports/read-model-db.port.js';
import type { AnyProjection } from './projection.js';
import { rebuildProjection } from './rebuild-projection.js';
import { replayRate } from './replay-progress.js';

export const REPLAY_JOBS = Symbol('ReplayJobs');

export type ReplayState = 'running' | 'done' | 'failed';

/** A rebuild of one read model or all of them, as the System page follows it. */
export interface ReplayView {
  readonly replayId: string;
  /** What was asked: a read model's name, or `all`. */
  readonly projection: string;
  readonly state: ReplayState;
  /** The read models in the order they are rebuilt. */
  readonly projections: readonly string[];
  /** The one being rebuilt now; null once finished. */
  readonly current: string | null;
  readonly applied: number;
  /** Events to apply, counted at the start and again as each read model's rebuild begins (the log may grow). */
  readonly total: number;
  readonly eventsPerSecond: number;
  readonly etaSeconds: number | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly startedBy: string;
  readonly error: string | null;
}

/** A replay is already running on this node: one at a time, so two never race for the same shadow tables (409). */
export class ReplayAlreadyRunningError extends Error {
  override readonly name = 'ReplayAlreadyRunningError';
  constructor(readonly replayId: string) {
    super(`replay ${replayId} is still running; wait for it to finish`);
  }
}

export class ReplayNotFoundError extends Error {
  override readonly name = 'ReplayNotFoundError';
  constructor(readonly replayId: string) {
    super(`replay ${replayId} not found`);
  }
}

interface Job {
  view: ReplayView;
  readonly startedMs: number;
}

const KEPT = 20;

/**
 * Starts `wattlog rebuild` in the server's own process and keeps its progress for the page to poll: the same shadow
 * tables and swap (ADR 0004), so queries keep reading the live tables until each swap. Jobs live in this process's
 * memory (the latest few): a restart forgets them, and a rebuild cut off by it leaves only shadow tables, which the
 * next rebuild replaces.
 */
export class ReplayJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
    private readonly find: (name: string) => AnyProjection[],
    private readonly options: { readonly batchSize: number; readonly partitions: number; readonly now: () => number },
  ) {}

  /** The read models a replay may be asked for (besides `all`). */
  names(): string[] {
    return this.find('all').map((p) => p.name);
  }

  /** Throws the catalogue's error for an unknown name, and ReplayAlreadyRunningError while one runs. */
  start(name: string, startedBy: string): ReplayView {
    const running = [...this.jobs.values()].find((job) => job.view.state === 'running');
    if (running) throw new ReplayAlreadyRunningError(running.view.replayId);
    const projections = this.find(name);
    const now = this.now();
    const job: Job = {
      startedMs: now,
      view: {
        replayId: randomUUID(),
        projection: name,
        state: 'running',
        projections: projections.map((p) => p.name),
        current: projections[0]?.name ?? null,
        applied: 0,
        total: 0,
        eventsPerSecond: 0,
        etaSeconds: null,
        startedAt: new Date(now).toISOString(),
        finishedAt: null,
        startedBy,
        error: null,
      },
    };
    this.jobs.set(job.view.replayId, job);
    this.forgetOld();
    void this.run(job, projections);
    return job.view;
  }

  get(replayId: string): ReplayView {
    const job = this.jobs.get(replayId);
    if (!job) throw new ReplayNotFoundError(replayId);
    return job.view;
  }

  /** The latest first. */
  list(): ReplayView[] {
    return [...this.jobs.values()].map((job) => job.view).reverse();
  }

  /** Resolves when no replay runs any more (for a clean shutdown). */
  async idle(): Promise<void> {
    while ([...this.jobs.values()].some((job) => job.view.state === 'running'))
      await new Promise((resolve) => setTimeout(resolve, 50));
  }

  private async run(job: Job, projections: readonly AnyProjection[]): Promise<void> {
    let before = 0;
    try {
      // Counted up front so the ETA of `all` covers every read model, then corrected as each one's rebuild counts.
      const planned = await Promise.all(
        projections.map((p) => this.store.countAfter(null, p.eventTypes ? { types: p.eventTypes } : undefined)),
      );
      const sum = () => planned.reduce((a, b) => a + b, 0);
      this.update(job, { total: sum() });
      for (const [i, projection] of projections.entries()) {
        this.update(job, { current: projection.name });
        await rebuildProjection(this.store, this.db, projection, {
          batchSize: this.options.batchSize,
          partitions: this.options.partitions,
          onProgress: (p) => {
            planned[i] = p.total;
            this.update(job, { applied: before + p.applied, total: sum() });
          },
        });
        before = job.view.applied;
      }
      this.update(job, { state: 'done', current: null, finishedAt: new Date(this.now()).toISOString() });
    } catch (error) {
      this.update(job, {
        state: 'failed',
        current: null,
        finishedAt: new Date(this.now()).toISOString(),
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private update(job: Job, change: Partial<ReplayView>): void {
    const next = { ...job.view, ...change };
    const rate = replayRate(next.applied, next.total, this.now() - job.startedMs);
    job.view = {
      ...next,
      eventsPerSecond: rate.eventsPerSecond,
      etaSeconds: next.state === 'running' ? rate.etaSeconds : 0,
    };
  }

  private forgetOld(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= KEPT) return;
      if (job.view.state !== 'running') this.jobs.delete(id);
    }
  }

  private now(): number {
    return this.options.now();
  }
}
