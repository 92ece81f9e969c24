import { migrate } from '../../postgres/migrator.js';
import type { SqlDatabase } from '../../postgres/sql-database.js';
import { eventStoreMigrations } from '../postgres/event-store.migrations.js';
import { PostgresEventStore } from '../postgres/postgres-event-store.adapter.js';

/**
 * The embedded store is the Postgres adapter on PGlite: one SQL dialect, one set of migrations.
 * The database is shared with the read models, so closing the store leaves it open for its owner.
 */
export async function openSqlEventStore(db: SqlDatabase): Promise<PostgresEventStore> {
  await migrate(db, [eventStoreMigrations]);
  return new PostgresEventStore(db);
}
