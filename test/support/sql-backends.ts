import type { EventStore } from '../../src/application/ports/event-store.port.js';
import { openSqlEventStore } from '../../src/infrastructure/event-store/embedded/embedded-event-store.js';
import { migrate } from '../../src/infrastructure/postgres/migrator.js';
import { PgDatabase } from '../../src/infrastructure/postgres/pg-database.js';
import { readModelMigrations } from '../../src/infrastructure/postgres/read-model.migrations.js';
import type { SqlDatabase } from '../../src/infrastructure/postgres/sql-database.js';
import { PgliteDatabase } from '../../src/infrastructure/pglite/pglite-database.js';
import { createTestSchema, postgresUrl, POSTGRES_SKIP_REASON } from './postgres.js';
import { describeOrSkip } from './skip.js';
import { visibleOnceAppended } from './visible-appends.js';

export interface SqlBackend {
  readonly db: SqlDatabase;
  readonly store: EventStore;
  /** Connection string of the private schema (postgres only), for child processes. */
  readonly url?: string;
  cleanup(): Promise<void>;
}

export type BackendName = 'postgres' | 'pglite';

/**
 * A migrated event store + read-model database on real Postgres (private schema) or in-memory PGlite. Postgres is
 * opened only inside blocks registered through describeEachBackend / describeWithPostgres, which are skipped (with
 * the reason) when it is absent; elsewhere postgresUrl() throws.
 */
export async function openBackend(name: BackendName, label: string): Promise<SqlBackend> {
  if (name === 'pglite') {
    const db = await PgliteDatabase.open();
    const store = await openSqlEventStore(db);
    await migrate(db, [readModelMigrations]);
    return { db, store, cleanup: () => db.close() };
  }
  const url = postgresUrl();
  const schema = await createTestSchema(url, label);
  const db = new PgDatabase(url, { schema: schema.schema, max: 20 });
  const store = visibleOnceAppended(await openSqlEventStore(db), db);
  await migrate(db, [readModelMigrations]);
  const schemaUrl = new URL(url);
  schemaUrl.searchParams.set('options', `-c search_path=${schema.schema}`);
  return {
    db,
    store,
    url: schemaUrl.toString(),
    cleanup: async () => {
      await db.close();
      await schema.drop();
    },
  };
}

export const BACKENDS: readonly BackendName[] = ['postgres', 'pglite'];

/** Why a backend cannot be opened here, or undefined when it can. */
export function backendSkipReason(name: BackendName): string | undefined {
  return name === 'postgres' ? POSTGRES_SKIP_REASON : undefined;
}

/**
 * `describe.each(BACKENDS)`, except that a backend that cannot be reached is registered as a skipped block with the
 * reason in its title, so Jest reports its specs as skipped rather than passing them. `%s` in the title is the name.
 */
export function describeEachBackend(title: string, body: (name: BackendName) => void): void {
  for (const name of BACKENDS) describeOrSkip(backendSkipReason(name))(title.replace('%s', name), () => body(name));
}
