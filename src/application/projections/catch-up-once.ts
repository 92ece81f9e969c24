import type { EventStore } from '../ports/event-store.port.js';
import type { ReadModelDb } from '../ports/read-model-db.port.js';
import { readCheckpoint, type Checkpoint } from './checkpoint-store.js';
import { catchUp } from './projection-batch.js';
import { liveTables, projectionLockName, type Runnable } from './projection.js';

export class ProjectionBusyError extends Error {
  override readonly name = 'ProjectionBusyError';
}

/** Brings one projection up to the head of the log under its lock, then returns. */
export async function catchUpOnce(
  store: EventStore,
  db: ReadModelDb,
  projection: Runnable,
  batchSize: number,
): Promise<Checkpoint> {
  const lock = await db.tryLock(projectionLockName(projection));
  if (!lock) throw new ProjectionBusyError(`projection ${projection.name} is being run by another process`);
  try {
    const start = await readCheckpoint(db, projection.name);
    return await catchUp(store, db, { projection, checkpointName: projection.name, table: liveTables }, start, {
      batchSize,
    });
  } finally {
    await lock.release();
  }
}
