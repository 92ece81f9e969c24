import { describeOnBackends } from '#test/support/projection-spec.js';
import { createTestSchema, postgresUrl } from '#test/support/postgres.js';
import type { BackendName } from '#test/support/sql-backends.js';
import { readCheckpoint } from '../../application/projections/checkpoint-store.js';
import { PgliteDatabase } from '../pglite/pglite-database.js';
import { migrate } from './migrator.js';
import { PgDatabase } from './pg-database.js';
import { readModelMigrations } from './read-model.migrations.js';
import type { SqlDatabase } from './sql-database.js';

const NAMES_VERSION = 15;
const before = {
  ...readModelMigrations,
  migrations: readModelMigrations.migrations.filter((m) => m.version < NAMES_VERSION),
};

async function openUnmigrated(name: BackendName): Promise<{ db: SqlDatabase; cleanup: () => Promise<void> }> {
  if (name === 'pglite') {
    const db = await PgliteDatabase.open(undefined, process.env.WATTLOG_PGLITE_BARE_SEED || null);
    return { db, cleanup: () => db.close() };
  }
  const url = postgresUrl();
  const schema = await createTestSchema(url, 'checkpoint-names');
  const db = new PgDatabase(url, { schema: schema.schema, max: 4 });
  return { db, cleanup: async () => (await db.close(), await schema.drop()) };
}

describeOnBackends('checkpoints renamed with their projections', (backendName) => {
  it('keeps every position under the name of its table, so nothing is lost or applied twice', async () => {
    const backend = await openUnmigrated(backendName);
    try {
      await migrate(backend.db, [before]);
      const old = [
        'audit',
        'gateways',
        'readings',
        'nodes',
        'users',
        'api-clients',
        'access',
        'data-access-log',
        'node-configuration',
        'alarms',
        'alarm-evaluation',
        'audit__rebuild',
      ];
      await backend.db.insertRows(
        'projection_checkpoints',
        ['name', 'position', 'events_applied'],
        old.map((name, i) => [name, `pos-${i}`, 10 + i]),
      );

      await migrate(backend.db, [readModelMigrations]);

      const now = [
        'audit_log',
        'gateway_status',
        'readings_latest',
        'nodes',
        'users',
        'api_clients',
        'access_grants',
        'data_access_log',
        'node_configuration',
        'alarms',
        'alarm_evaluation',
        'audit_log__rebuild',
      ];
      for (const [i, name] of now.entries())
        expect([name, await readCheckpoint(backend.db, name)]).toEqual([
          name,
          { position: `pos-${i}`, eventsApplied: 10 + i },
        ]);
      const rows = await backend.db.query<{ name: string }>('SELECT name FROM projection_checkpoints ORDER BY name');
      expect(rows.map((r) => r.name)).toEqual([...now].sort());
    } finally {
      await backend.cleanup();
    }
  }, 60_000);
});
