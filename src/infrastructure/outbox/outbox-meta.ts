import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

/** The outbox's small mutable state, replaced atomically (write, fsync, rename, fsync the directory). */
export interface OutboxMeta {
  readonly version: 1;
  /** False until the first accept fixed how local indexes map to the server's sequence numbers. */
  readonly synced: boolean;
  /** Wire sequence = local index + seqOffset. */
  readonly seqOffset: number;
  /** Highest local index that is no longer pending (acked, known stored, or dropped when full); -1 for none. */
  readonly doneThrough: number;
}

export const META_FILE = 'outbox.json';
export const INITIAL_META: OutboxMeta = { version: 1, synced: false, seqOffset: 0, doneThrough: -1 };

export class OutboxCorruptError extends Error {
  override readonly name = 'OutboxCorruptError';
}

function isMeta(value: unknown): value is OutboxMeta {
  const v = value as Partial<OutboxMeta> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.version === 1 &&
    typeof v.synced === 'boolean' &&
    Number.isSafeInteger(v.seqOffset) &&
    Number.isSafeInteger(v.doneThrough) &&
    (v.doneThrough ?? -2) >= -1
  );
}

export async function readMeta(dir: string): Promise<OutboxMeta | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, META_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  // Written by rename only, so a bad file is not a torn write but damage: refuse rather than renumber frames.
  if (!isMeta(value)) throw new OutboxCorruptError(`${join(dir, META_FILE)} is not a valid outbox state file`);
  return value;
}

export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeMeta(dir: string, meta: OutboxMeta): Promise<void> {
  const tmp = join(dir, `${META_FILE}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(JSON.stringify(meta));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, join(dir, META_FILE));
  await syncDirectory(dir);
}
