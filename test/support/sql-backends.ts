import type { AppendResult, EventStore } from '../../src/application/ports/event-store.port.js';
import { decodeSqlPosition } from '../../src/infrastructure/event-store/postgres/sql-position.js';
import { openSqlEventStore } from '../../src/infrastructure/event-store/embedded/embedded-event-store.js';
import { migrate } from '../../src/infrastructure/postgres/migrator.js';
import { PgDatabase } from '../../src/infrastructure/postgres/pg-database.js';
import { readModelMigrations } from '../../src/infrastructure/postgres/read-model.migrations.js';
import type { SqlDatabase } from '../../src/infrastructure/postgres/sql-database.js';
import { PgliteDatabase } from '../../src/infrastructure/pglite/pglite-database.js';
import { createTestSchema, postgresUrl, POSTGRES_SKIP_REASON } from './postgres.js';

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

const VISIBILITY_WAIT_MS = 15_000;

/**
 * Postgres events become readable once no transaction older than theirs is still running anywhere in the cluster
 * (the store's commit-safe order). A spec running beside others on the same server can therefore append and then
 * find nothing to project for a moment; in the platform the next poll picks the events up, but a spec that catches
 * up once would fail. Appends here resolve only when what they wrote is readable, so "Given events" holds.
 */
function visibleOnceAppended(store: EventStore, db: SqlDatabase): EventStore {
  const append: EventStore['append'] = async (...args) => {
    const result: AppendResult = await store.append(...args);
    const { transactionId } = decodeSqlPosition(result.position);
    const deadline = Date.now() + VISIBILITY_WAIT_MS;
    for (;;) {
      const [row] = await db.query<{ visible: boolean }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint > $1::bigint AS visible', [transactionId]);
      if (row?.visible) return result;
      if (Date.now() > deadline) throw new Error(`appended events of transaction ${transactionId} still not readable after ${VISIBILITY_WAIT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return new Proxy(store, {
    get: (target, property) => {
      if (property === 'append') return append;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
