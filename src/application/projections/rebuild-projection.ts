import type { EventStore } from '../ports/event-store.port.js';
import type { ReadModelDb } from '../ports/read-model-db.port.js';
import { deleteCheckpoint, lockCheckpoint, saveCheckpoint, type Checkpoint } from './checkpoint-store.js';
import { catchUp } from './projection-batch.js';
import type { AnyProjection } from './projection.js';
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
 */
export async function rebuildProjection(
  store: EventStore,
  db: ReadModelDb,
  projection: AnyProjection,
  options: { batchSize: number; onProgress?: (progress: RebuildProgress) => void },
): Promise<RebuildResult> {
  const checkpointName = `${projection.name}${SHADOW_SUFFIX}`;
  const shadow = (table: string): string => `${table}${SHADOW_SUFFIX}`;
  await db.transaction(async (tx) => {
    for (const table of projection.tables) await createShadow(tx, table);
    await deleteCheckpoint(tx, checkpointName);
  });
  const total = await store.countAfter(null);
  options.onProgress?.({ applied: 0, total });
  const target = { projection, checkpointName, table: shadow };
  const reached = await catchUp(
    store,
    db,
    target,
    { position: null, eventsApplied: 0 },
    {
      batchSize: options.batchSize,
      onBatch: (checkpoint) => options.onProgress?.({ applied: checkpoint.eventsApplied, total }),
    },
  );

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
    await lockCheckpoint(tx, projection.name);
    const rebuilt = await lockCheckpoint(tx, checkpointName);
    for (const table of projection.tables) await swapInShadow(tx, table);
    await saveCheckpoint(tx, projection.name, rebuilt);
    await deleteCheckpoint(tx, checkpointName);
  });
  return { events: reached.eventsApplied, checkpoint: reached };
}
