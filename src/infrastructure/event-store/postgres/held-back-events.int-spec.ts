import pg from 'pg';
import { auditLogProjection } from '../../../application/audit/audit-log-read-model/audit-log.projection.js';
import { ProjectionSupervisor } from '../../../application/projections/projection-supervisor.js';
import { createTestSchema, describeWithPostgres, postgresUrl } from '#test/support/postgres.js';
import { anEvent } from '#test/support/test-ids.js';
import { migrate } from '../../postgres/migrator.js';
import { PgDatabase } from '../../postgres/pg-database.js';
import { readModelMigrations } from '../../postgres/read-model.migrations.js';
import { openSqlEventStore } from '../embedded/embedded-event-store.js';

/*
 * An event committed while an older transaction runs is held back until that transaction ends (commit-safe
 * order). The append's notification comes while it is still unreadable, and the older transaction may append
 * nothing (a projection batch, another application on the server), so its end notifies nobody.
 */
async function eventually(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after 5 s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describeWithPostgres('postgres event store: events held back behind an older transaction', () => {
  it('says so, and a caught-up projection runner picks them up when that transaction ends, long before its idle wait', async () => {
    const url = postgresUrl();
    const schema = await createTestSchema(url, 'heldback');
    const db = new PgDatabase(url, { schema: schema.schema });
    const store = await openSqlEventStore(db);
    await migrate(db, [readModelMigrations]);
    const supervisor = new ProjectionSupervisor(store, db, [auditLogProjection], {
      batchSize: 50,
      idleMs: 600_000,
      standbyMs: 50,
      onError: () => undefined,
    });
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    const rows = async (): Promise<number> =>
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n;
    try {
      supervisor.start();
      await supervisor.watching();
      await eventually(
        async () => (await supervisor.health()).every((h) => h.active && h.checkpoint !== null),
        'the runner to hold its lock and catch up',
      );
      // Another Jest worker's open transaction holds back every schema's later commits too (transaction ids are
      // cluster-wide), so "nothing held back" is awaited, not sampled once.
      await eventually(async () => !(await store.hasHeldBackEvents()), 'nothing held back before the test');

      await holder.query('BEGIN');
      // Writes nothing to the log, but takes a transaction id: from now on later commits are held back.
      await holder.query('SELECT pg_current_xact_id()');
      await store.append('held-1', [anEvent('Tick')], { expectedRevision: 'no_stream' });
      expect(await store.hasHeldBackEvents()).toBe(true);
      // The runner was woken by the append and found nothing readable.
      await new Promise((r) => setTimeout(r, 300));
      expect(await rows()).toBe(0);

      await holder.query('COMMIT');
      await eventually(async () => !(await store.hasHeldBackEvents()), 'nothing held back once the holder committed');
      await eventually(async () => (await rows()) === 1, 'the held-back event in the read model');
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
      await supervisor.stop();
      await db.close();
      await schema.drop();
    }
  }, 20_000);
});
