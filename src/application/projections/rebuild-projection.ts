import type { EventStore } from '../ports/event-store.port.js';
import type { ReadModelDb } from '../ports/read-model-db.port.js';
import { deleteCheckpoint, lockCheckpoint, saveCheckpoint, type Checkpoint } from './checkpoint-store.js';
import { catchUp } from './projection-batch.js';
import { partitionsOf, type AnyProjection } from './projection.js';
import { createShadow, SHADOW_SUFFIX, shadowIndexStatements, swapInShadow } from './shadow-tables.js';

export interface RebuildProgress {
  readonly applied: number;
  /** Events in the log when the rebuild started (an estimate for filtered projections). */
  readonly total: number;
}

export interface RebuildResult {
  readonly events: number;
  readonly checkpoint: Checkpoint;
}

/**
 * Rebuilds a projection from the whole log into shadow tables while the live tables keep answering queries,
 * then swaps them in in one transaction. The live checkpoint moves to where the rebuild stopped; a live runner
 * notices the moved checkpoint and continues from there.
 * A partitionable projection is rebuilt under `partitions` (default 1): each partition catches up into the shared
 * shadows under its own checkpoint, side by side, and the swap leaves exactly that layout's checkpoints, so this is
 * also how the partition count is changed (docs/scaling.md).
 */
export async function rebuildProjection(
  store: EventStore,
  db: ReadModelDb,
  projection: AnyProjection,
  options: { batchSize: number; partitions?: number; onProgress?: (progress: RebuildProgress) => void },
): Promise<RebuildResult> {
  const parts = partitionsOf(projection, options.partitions ?? 1);
  const shadowCheckpoint = (name: string): string => `${name}${SHADOW_SUFFIX}`;
  const shadow = (table: string): string => `${table}${SHADOW_SUFFIX}`;
  await db.transaction(async (tx) => {
    for (const table of projection.tables) await createShadow(tx, table);
    await tx.query(
      `DELETE FROM projection_checkpoints WHERE (name = $1 OR starts_with(name, $1 || '#')) AND name LIKE $2`,
      [projection.name, `%${SHADOW_SUFFIX.replace(/_/g, '\\_')}`],
    );
  });
  const total = await store.countAfter(null, projection.eventTypes ? { types: projection.eventTypes } : undefined);
  options.onProgress?.({ applied: 0, total });
  const appliedBy = new Map<string, number>();
  const reachedParts = await Promise.all(
    parts.map((part) =>
      catchUp(
        store,
        db,
        { projection: part, checkpointName: shadowCheckpoint(part.name), table: shadow },
        { position: null, eventsApplied: 0 },
        {
          batchSize: options.batchSize,
          onBatch: (checkpoint) => {
            appliedBy.set(part.name, checkpoint.eventsApplied);
            let applied = 0;
            for (const n of appliedBy.values()) applied += n;
            options.onProgress?.({ applied, total });
          },
        },
      ),
    ),
  );
  const reached: Checkpoint =
    reachedParts.length === 1
      ? reachedParts[0]!
      : { position: null, eventsApplied: reachedParts.reduce((sum, c) => sum + c.eventsApplied, 0) };

  // The shadows are invisible until the swap, so their indexes can be built side by side, each with room to sort
  // in memory: on a multi-core server that is most of the time between the last batch and the swap.
  const statements = await db.transaction(async (tx) => {
    const all: string[] = [];
    for (const table of projection.tables) all.push(...(await shadowIndexStatements(tx, table)));
    return all;
  });
  await Promise.all(
    statements.map((statement) =>
      db.transaction(async (tx) => {
        await tx.query(`SET LOCAL maintenance_work_mem = '256MB'`);
        await tx.query(statement);
      }),
    ),
  );
  await db.transaction(async (tx) => {
    for (const part of parts) await lockCheckpoint(tx, part.name);
    const rebuilt = [];
    for (const part of parts) rebuilt.push(await lockCheckpoint(tx, shadowCheckpoint(part.name)));
    for (const table of projection.tables) await swapInShadow(tx, table);
    for (const [i, part] of parts.entries()) {
      await saveCheckpoint(tx, part.name, rebuilt[i]!);
      await deleteCheckpoint(tx, shadowCheckpoint(part.name));
    }
    // Checkpoints of any other layout: their runners would apply the log again on top of the swapped-in tables.
    await tx.query(
      `DELETE FROM projection_checkpoints WHERE (name = $1 OR starts_with(name, $1 || '#')) AND NOT (name = ANY($2::text[]))`,
      [projection.name, parts.map((part) => part.name)],
    );
  });
  return { events: reached.eventsApplied, checkpoint: reached };
}
