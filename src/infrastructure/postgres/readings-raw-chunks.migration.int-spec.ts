import { describeEachBackend, type BackendName } from '#test/support/sql-backends.js';
import { createTestSchema, postgresUrl } from '#test/support/postgres.js';
import { rawRows } from '#test/fixtures/readings-rows.fixtures.js';
import { rawPoints } from '../../application/metering/query-readings/reading-series/series.sql.js';
import { PgliteDatabase } from '../pglite/pglite-database.js';
import { migrate } from './migrator.js';
import { PgDatabase } from './pg-database.js';
import { readModelMigrations } from './read-model.migrations.js';
import type { SqlDatabase } from './sql-database.js';

const CHUNKS_VERSION = 14;
const beforeChunks = {
  ...readModelMigrations,
  migrations: readModelMigrations.migrations.filter((m) => m.version < CHUNKS_VERSION),
};

async function openUnmigrated(name: BackendName): Promise<{ db: SqlDatabase; cleanup: () => Promise<void> }> {
  if (name === 'pglite') {
    const db = await PgliteDatabase.open(undefined, process.env.WATTLOG_PGLITE_BARE_SEED || null);
    return { db, cleanup: () => db.close() };
  }
  const url = postgresUrl();
  const schema = await createTestSchema(url, 'raw-chunks-migration');
  const db = new PgDatabase(url, { schema: schema.schema, max: 4 });
  return { db, cleanup: async () => (await db.close(), await schema.drop()) };
}

describeEachBackend('raw readings moving into chunks on %s', (backendName) => {
  it('keeps every stored reading, grouped by sensor, quarter hour and gateway, in time order', async () => {
    const backend = await openUnmigrated(backendName);
    try {
      await migrate(backend.db, [beforeChunks]);
      const stored = [
        ['m/power', '2025-03-01T12:14:59.999Z', 3, 'gw-1'],
        ['m/power', '2025-03-01T12:00:00.000Z', 1, 'gw-1'],
        ['m/power', '2025-03-01T12:15:00.000Z', 4, 'gw-1'],
        ['m/power', '2025-03-01T12:05:00.000Z', 2, 'gw-2'],
        ['m/power', '2025-03-01T12:00:00.000Z', 0.5, 'gw-1'],
        ['n/power', '1999-12-31T23:59:59.000Z', -7.25, 'gw-1'],
      ] as const;
      await backend.db.insertRows(
        'readings_raw',
        ['sensor_id', 'measured_at', 'value', 'gateway_id'],
        stored.map((r) => [...r]),
      );

      await migrate(backend.db, [readModelMigrations]);

      const chunks = await backend.db.query<{ sensor_id: string; gateway_id: string; n: number }>(
        'SELECT sensor_id, gateway_id, cardinality(value) AS n FROM readings_raw_chunks ORDER BY sensor_id, bucket_start, gateway_id',
      );
      expect(chunks.map((c) => [c.sensor_id, c.gateway_id, Number(c.n)])).toEqual([
        ['m/power', 'gw-1', 3],
        ['m/power', 'gw-2', 1],
        ['m/power', 'gw-1', 1],
        ['n/power', 'gw-1', 1],
      ]);
      expect(await rawRows(backend.db)).toEqual(
        [...stored]
          .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || a[2] - b[2])
          .map(([sensorId, measuredAt, value, gatewayId]) => ({ sensorId, measuredAt, value, gatewayId })),
      );
      const range = { from: '2025-03-01T12:00:00.000Z', to: '2025-03-01T12:15:00.000Z' };
      expect(await rawPoints(backend.db, 'm/power', range, 100)).toEqual([
        { t: '2025-03-01T12:00:00.000Z', value: 0.5 },
        { t: '2025-03-01T12:00:00.000Z', value: 1 },
        { t: '2025-03-01T12:05:00.000Z', value: 2 },
        { t: '2025-03-01T12:14:59.999Z', value: 3 },
      ]);
      expect(await backend.db.query("SELECT to_regclass('readings_raw') IS NULL AS gone")).toEqual([{ gone: true }]);
    } finally {
      await backend.cleanup();
    }
  }, 60_000);
});
