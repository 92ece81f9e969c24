import type { EventStore } from '../ports/event-store.port.js';
import type { ReadModelDb } from '../ports/read-model-db.port.js';
import { readCheckpoint } from './checkpoint-store.js';
import { ProjectionRunner, type RunnerOptions, type RunnerStatus } from './projection-runner.js';
import type { Projection } from './projection.js';

export interface ProjectionHealth extends RunnerStatus {
  /** Events in the log after this projection's checkpoint (approximate for some stores). */
  readonly lag: number;
}

/** Runs every projection of this process and reports their progress. */
export class ProjectionSupervisor {
  private readonly runners: ProjectionRunner[];

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
    projections: readonly Projection[],
    options: RunnerOptions,
  ) {
    this.runners = projections.map((p) => new ProjectionRunner(store, db, p, options));
  }

  start(): void {
    for (const runner of this.runners) runner.start();
  }

  poke(): void {
    for (const runner of this.runners) runner.poke();
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
  }

  async health(): Promise<ProjectionHealth[]> {
    return Promise.all(
      this.runners.map(async (runner) => {
        // A standby runner has no checkpoint in memory; the active one may live in another process.
        const status = runner.status();
        const checkpoint = await readCheckpoint(this.db, runner.projection.name);
        return { ...status, checkpoint, lag: await this.store.countAfter(checkpoint.position) };
      }),
    );
  }
}
