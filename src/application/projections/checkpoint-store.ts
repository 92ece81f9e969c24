import type { Position } from '../ports/event-store.port.js';
import type { SqlExecutor } from '../ports/read-model-db.port.js';

export interface Checkpoint {
  readonly position: Position | null;
  readonly eventsApplied: number;
}

interface CheckpointRow {
  readonly position: string | null;
  readonly events_applied: string;
}

/** Reads and locks a checkpoint row inside the batch transaction; creates it on first use. */
export async function lockCheckpoint(tx: SqlExecutor, name: string): Promise<Checkpoint> {
  await tx.query(
    'INSERT INTO projection_checkpoints (name, position, events_applied) VALUES ($1, NULL, 0) ON CONFLICT (name) DO NOTHING',
    [name],
  );
  const rows = await tx.query<CheckpointRow>(
    'SELECT position, events_applied::text FROM projection_checkpoints WHERE name = $1 FOR UPDATE',
    [name],
  );
  const row = rows[0];
  return { position: row?.position ?? null, eventsApplied: Number(row?.events_applied ?? 0) };
}

export async function readCheckpoint(db: SqlExecutor, name: string): Promise<Checkpoint> {
  const rows = await db.query<CheckpointRow>(
    'SELECT position, events_applied::text FROM projection_checkpoints WHERE name = $1',
    [name],
  );
  const row = rows[0];
  return { position: row?.position ?? null, eventsApplied: Number(row?.events_applied ?? 0) };
}

export async function saveCheckpoint(tx: SqlExecutor, name: string, checkpoint: Checkpoint): Promise<void> {
  await tx.query(
    'UPDATE projection_checkpoints SET position = $2, events_applied = $3, updated_at = now() WHERE name = $1',
    [name, checkpoint.position, checkpoint.eventsApplied],
  );
}

export async function deleteCheckpoint(tx: SqlExecutor, name: string): Promise<void> {
  await tx.query('DELETE FROM projection_checkpoints WHERE name = $1', [name]);
}
