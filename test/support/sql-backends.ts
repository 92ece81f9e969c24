import type { EventStore } from '../../src/application/ports/event-store.port.js';
import { openSqlEventStore } from '../../src/infrastructure/event-store/embedded/embedded-event-store.js';
import { migrate } from '../../src/infrastructure/postgres/migrator.js';
import { PgDatabase } from '../../src/infrastructure/postgres/pg-database.js';
import { readModelMigrations } from '../../src/infrastructure/postgres/read-model.migrations.js';
import type { SqlDatabase } from '../../src/infrastructure/postgres/sql-database.js';
import { PgliteDatabase } from '../../src/infrastructure/pglite/pglite-database.js';
import { createTestSchema, postgresUrl, POSTGRES_SKIP_REASON } from './postgres.js';
import { visibleOnceAppended } from './visible-appends.js';

export interface SqlBackend {
  readonly db: SqlDatabase;
  readonly store: EventStore;
  /** Connection string of the private schema (postgres only), for child processes. */
  readonly url?: string;
  cleanup(): Promise<void>;
}

export type BackendName = 'postgres' | 'pglite';

/** A migrated event store + read-model database on real Postgres (private schema) or in-memory PGlite. */
export async function openBackend(name: BackendName, label: string): Promise<SqlBackend | undefined> {
  if (name === 'pglite') {
    const db = await PgliteDatabase.open();
    const store = await openSqlEventStore(db);
    await migrate(db, [readModelMigrations]);
    return { db, store, cleanup: () => db.close() };
  }
  const url = await postgresUrl();
  if (!url) {
    console.warn(`${label} on postgres ${POSTGRES_SKIP_REASON}`);
    return undefined;
  }
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
