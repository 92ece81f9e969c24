import type { EventStore } from '../../application/ports/event-store.port.js';
import { openSqlEventStore } from '../event-store/embedded/embedded-event-store.js';
import { migrate, type AppliedMigration } from '../postgres/migrator.js';
import { PgDatabase } from '../postgres/pg-database.js';
import { readModelMigrations } from '../postgres/read-model.migrations.js';
import type { SqlDatabase } from '../postgres/sql-database.js';
import { PgliteDatabase } from '../pglite/pglite-database.js';
import { eventStoreMigrations } from '../event-store/postgres/event-store.migrations.js';

export interface StorageConfig {
  readonly store: 'embedded' | 'postgres' | 'eventstoredb';
  readonly databaseUrl?: string;
  readonly eventStoreUrl?: string;
  readonly dataDir: string;
}

export interface Storage {
  readonly eventStore: EventStore;
  readonly readModels: SqlDatabase;
  /** What migrate() applied while opening. */
  readonly migrations: readonly AppliedMigration[];
  close(): Promise<void>;
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is required for this storage mode`);
  return value;
}

/**
 * Opens the event store and the read-model database for a storage mode and migrates both.
 * embedded: one PGlite under the data directory for both; postgres: one database for both;
 * eventstoredb: the log in EventStoreDB, read models in DATABASE_URL or else embedded PGlite.
 */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  const readModels: SqlDatabase =
    config.store === 'postgres' || (config.store === 'eventstoredb' && config.databaseUrl)
      ? new PgDatabase(required(config.databaseUrl, 'DATABASE_URL'))
      : await PgliteDatabase.open(config.dataDir);
  try {
    let eventStore: EventStore;
    const migrations: AppliedMigration[] = [];
    if (config.store === 'eventstoredb') {
      // Loaded on demand: the gRPC client is heavy and only this mode needs it.
      const { EventStoreDbEventStore } =
        await import('../event-store/eventstoredb/eventstoredb-event-store.adapter.js');
      eventStore = new EventStoreDbEventStore(required(config.eventStoreUrl, 'EVENTSTORE_URL'));
    } else {
      migrations.push(...(await migrate(readModels, [eventStoreMigrations])));
      eventStore = await openSqlEventStore(readModels);
    }
    migrations.push(...(await migrate(readModels, [readModelMigrations])));
    return {
      eventStore,
      readModels,
      migrations,
      close: async () => {
        await eventStore.close();
        await readModels.close();
      },
    };
  } catch (error) {
    await readModels.close();
    throw error;
  }
}
