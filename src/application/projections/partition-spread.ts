import type { ReadModelDb } from '../ports/read-model-db.port.js';
import type { PartitionShare, ProjectionRunner } from './projection-runner.js';

export interface PartitionSpreadOptions {
  /** This process among the nodes (unique per process). */
  readonly nodeId: string;
  /** How often a node says it is alive. */
  readonly heartbeatMs: number;
  /** A node silent for this long no longer counts: the others take over its share. */
  readonly expiryMs: number;
  readonly onError: (error: unknown) => void;
}

/**
 * Spreads the partitions of each partitioned projection over the live nodes: every node beats in
 * `projection_nodes` (on the database clock), and holds at most its fair share, ceil(partitions / live nodes), of
 * each projection's partitions, handing the highest-numbered over one at a time when it holds more. Which node holds
 * a partition is decided by its lock alone, so two never apply it at once; a node whose connection dies loses its
 * locks at once, and its share is taken over once its heartbeat has expired.
 */
export class PartitionSpread implements PartitionShare {
  private liveNodes = 0;
  private runners: readonly ProjectionRunner[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private beating: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly db: ReadModelDb,
    private readonly options: PartitionSpreadOptions,
  ) {}

  attach(runners: readonly ProjectionRunner[]): void {
    this.runners = runners.filter((runner) => runner.projection.partition !== undefined);
  }

  get nodes(): number {
    return this.liveNodes;
  }

  start(): void {
    this.stopped = false;
    const loop = (): void => {
      this.beating = this.beat()
        .catch((error: unknown) => this.options.onError(error))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, this.options.heartbeatMs);
        });
    };
    loop();
  }

  /** Stops beating and leaves at once, so the other nodes take this one's share without waiting for expiry. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.beating;
    await this.db
      .query('DELETE FROM projection_nodes WHERE node_id = $1', [this.options.nodeId])
      .catch((error: unknown) => this.options.onError(error));
  }

  /** Says this node is alive and counts the live ones. */
  async beat(): Promise<void> {
    const rows = await this.db.query<{ live: number }>(
      `WITH me AS (
         INSERT INTO projection_nodes (node_id, seen_at) VALUES ($1, now())
         ON CONFLICT (node_id) DO UPDATE SET seen_at = now()
       )
       SELECT 1 + count(*)::int AS live FROM projection_nodes
        WHERE node_id <> $1 AND seen_at > now() - make_interval(secs => $2::float8)`,
      [this.options.nodeId, this.options.expiryMs / 1000],
    );
    this.liveNodes = rows[0]?.live ?? 1;
  }

  mayTake(runner: ProjectionRunner): boolean {
    const partition = runner.projection.partition;
    if (!partition || this.liveNodes === 0) return false;
    return this.held(partition.of).length < this.fairShare(partition.count);
  }

  shouldRelease(runner: ProjectionRunner): boolean {
    const partition = runner.projection.partition;
    if (!partition || this.liveNodes === 0) return false;
    const held = this.held(partition.of);
    if (held.length <= this.fairShare(partition.count)) return false;
    // One at a time, the highest-numbered first: every node agrees which to hand over.
    return held.at(-1) === runner;
  }

  private fairShare(count: number): number {
    return Math.ceil(count / Math.max(1, this.liveNodes));
  }

  private held(projection: string): ProjectionRunner[] {
    return this.runners
      .filter((runner) => runner.projection.partition?.of === projection && runner.holding)
      .sort((a, b) => (a.projection.partition?.index ?? 0) - (b.projection.partition?.index ?? 0));
  }
}
