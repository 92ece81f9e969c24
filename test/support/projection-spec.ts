import { randomUUID } from 'node:crypto';
import type { ExpectedRevision, NewEvent } from '../../src/application/ports/event-store.port.js';
import { readCheckpoint, type Checkpoint } from '../../src/application/projections/checkpoint-store.js';
import { catchUp } from '../../src/application/projections/projection-batch.js';
import { liveTables, type AnyProjection, type Runnable } from '../../src/application/projections/projection.js';
import { rebuildProjection, type RebuildResult } from '../../src/application/projections/rebuild-projection.js';
import { describeWithPostgres } from './postgres.js';
import { describeEachBackend, openBackend, type BackendName, type SqlBackend } from './sql-backends.js';

/**
 * `describe` once per backend (`<title> on postgres`, `<title> on pglite`); a backend that cannot be reached is
 * declared skipped with the reason in its title (`describeEachBackend`), never passed silently.
 */
export function describeOnBackends(title: string, body: (backend: BackendName) => void): void {
  describeEachBackend(`${title} on %s`, body);
}

/** `describe` for a spec that needs real Postgres (locks across connections): skipped, with the reason, without it. */
export function describeOnPostgres(title: string, body: () => void): void {
  describeWithPostgres(`${title} on postgres`, body);
}

/** An event to append: an id is made up when it has none, and the metadata is `{ actorId: 'test' }` unless given. */
export type GivenEvent = Omit<NewEvent, 'id'> & { readonly id?: string };

export interface ProjectionSpecOptions {
  /** A fresh database for every test (the default), or one for all the tests of the case. */
  readonly database?: 'per-test' | 'shared';
  /** Runs on the freshly opened database, before the tests. */
  readonly seed?: (backend: SqlBackend) => Promise<void>;
  /** Events per batch when projecting (default 1000). */
  readonly batchSize?: number;
  /** Time allowed to open (and seed) the database. */
  readonly openTimeoutMs?: number;
}

export interface ProjectionSpec {
  /** The case's backend: `postgres` or `pglite`. */
  readonly backendName: BackendName;
  /** The open database and event store (inside a test or hook). */
  readonly backend: SqlBackend;
  /** Given: appends the events to `stream` (at any revision unless told). */
  given(stream: string, events: readonly GivenEvent[], expectedRevision?: ExpectedRevision): Promise<void>;
  /** Catches the projection (the first, unless told) up with the log, under its own checkpoint. */
  project(options?: { readonly batchSize?: number; readonly projection?: Runnable }): Promise<Checkpoint>;
  /** Then: the rows a query returns. */
  rows<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Rebuilds the projection (the first, unless told) from the whole log, as `wattlog rebuild` does. */
  rebuild(options?: { readonly batchSize?: number; readonly projection?: AnyProjection }): Promise<RebuildResult>;
}

/**
 * A projection spec: events given to the log, the projection run by the engine (checkpoint, batches, transaction),
 * rows read back — on Postgres and on PGlite, each in a database of its own.
 */
export function describeProjection(
  title: string,
  projections: Runnable | readonly Runnable[],
  body: (spec: ProjectionSpec) => void,
  options: ProjectionSpecOptions = {},
): void {
  const list: readonly Runnable[] = Array.isArray(projections) ? projections : [projections as Runnable];
  const first = list[0];
  if (!first) throw new Error('describeProjection needs a projection');
  const label = list.map((p) => p.name).join('-');
  const batchSize = options.batchSize ?? 1000;
  describeOnBackends(title, (backendName) => {
    let open: SqlBackend | undefined;
    const backend = (): SqlBackend => {
      if (!open)
        throw new Error(`${title} on ${backendName}: the database is not open (use the spec inside a test or hook)`);
      return open;
    };
    const start = async (): Promise<void> => {
      open = await openBackend(backendName, label);
      await options.seed?.(open);
    };
    const stop = async (): Promise<void> => {
      await open?.cleanup();
      open = undefined;
    };
    const openTimeout = options.openTimeoutMs ?? (options.seed ? 90_000 : 30_000);
    if (options.database === 'shared') {
      beforeAll(start, openTimeout);
      afterAll(stop, 60_000);
    } else {
      beforeEach(start, openTimeout);
      afterEach(stop, 60_000);
    }
    body({
      backendName,
      get backend() {
        return backend();
      },
      async given(stream, events, expectedRevision = 'any') {
        const stored = events.map((event): NewEvent => ({
          ...event,
          id: event.id ?? randomUUID(),
          metadata: event.metadata ?? { actorId: 'test' },
        }));
        await backend().store.append(stream, stored, { expectedRevision });
      },
      async project(run = {}) {
        const b = backend();
        const projection = run.projection ?? first;
        const target = { projection, checkpointName: projection.name, table: liveTables };
        return catchUp(b.store, b.db, target, await readCheckpoint(b.db, projection.name), {
          batchSize: run.batchSize ?? batchSize,
        });
      },
      rows<R>(sql: string, params: readonly unknown[] = []) {
        return backend().db.query<R>(sql, params);
      },
      rebuild(run = {}) {
        const b = backend();
        const projection = run.projection ?? (first as AnyProjection);
        return rebuildProjection(b.store, b.db, projection, { batchSize: run.batchSize ?? batchSize });
      },
    });
  });
}
