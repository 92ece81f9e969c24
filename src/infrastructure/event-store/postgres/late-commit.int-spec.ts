import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { RecordedEvent } from '../../../application/ports/event-store.port.js';
import { createTestSchema, describeWithPostgres, postgresUrl } from '#test/support/postgres.js';
import { anEvent, uniquePrefix, waitFor } from '#test/support/test-ids.js';
import { PgDatabase } from '../../postgres/pg-database.js';
import { openSqlEventStore } from '../embedded/embedded-event-store.js';

/*
 * Sequence values are taken at insert time but become visible at commit time. A reader that
 * checkpoints on the sequence alone skips a row whose transaction took a low value and committed late.
 */
describeWithPostgres('postgres event store: late-committing transactions', () => {
  it('delivers every event exactly once, in order, when a low transaction commits after higher ones', async () => {
    const url = postgresUrl();
    const schema = await createTestSchema(url, 'latecommit');
    const db = new PgDatabase(url, { schema: schema.schema });
    const store = await openSqlEventStore(db);
    const holder = new pg.Client({ connectionString: url, options: `-c search_path=${schema.schema}` });
    await holder.connect();
    const prefix = uniquePrefix('late');
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribe({ filter: { streamPrefixes: [prefix] } });
    const consuming = (async () => {
      for await (const event of subscription) seen.push(event);
    })();
    try {
      await holder.query('BEGIN');
      const low = await holder.query<{ p: string }>(
        "SELECT last_position::text AS p FROM wattlog_append($1, 'any', $2::jsonb)",
        [`${prefix}slow`, JSON.stringify([{ id: randomUUID(), type: 'Slow', data: {} }])],
      );
      const later = [];
      for (let i = 0; i < 5; i++)
        later.push(await store.append(`${prefix}fast`, [anEvent('Fast', { i })], { expectedRevision: 'any' }));
      expect(later.every((r) => Number(r.position.split(':')[1]) > Number(low.rows[0]!.p))).toBe(true);

      // The later transactions are committed but must stay invisible while the low one is open.
      await new Promise((r) => setTimeout(r, 600));
      expect(seen).toHaveLength(0);
      expect(await store.readAll({ max: 10, filter: { streamPrefixes: [prefix] } })).toHaveLength(0);

      await holder.query('COMMIT');
      await waitFor(() => seen.length >= 6, 5000, 'all six events');
      await new Promise((r) => setTimeout(r, 300));
      expect(seen.map((e) => e.type)).toEqual(['Slow', 'Fast', 'Fast', 'Fast', 'Fast', 'Fast']);
      expect(new Set(seen.map((e) => e.id)).size).toBe(6);
      const reread = await store.readAll({ max: 10, filter: { streamPrefixes: [prefix] } });
      expect(reread.map((e) => e.id)).toEqual(seen.map((e) => e.id));
    } finally {
      await subscription.close();
      await consuming;
      await holder.end();
      await db.close();
      await schema.drop();
    }
  }, 20_000);
});
