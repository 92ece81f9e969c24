import { PgliteDatabase } from '../../pglite/pglite-database.js';
import { anEvent } from '#test/support/test-ids.js';
import { openSqlEventStore } from '../embedded/embedded-event-store.js';
import { decodeSqlPosition } from './sql-position.js';

// A fresh PGlite starts near transaction id 750, so 400 appends cross 1000: a textual sort would misorder them.
it('orders the log numerically across transaction-id digit boundaries', async () => {
  const db = await PgliteDatabase.open();
  try {
    const store = await openSqlEventStore(db);
    const ids: string[] = [];
    for (let i = 0; i < 400; i++) {
      const event = anEvent('Counted', { i });
      ids.push(event.id);
      await store.append(`n-${i % 5}`, [event], { expectedRevision: 'any' });
    }
    const all = await store.readAll({ max: 1000 });
    const xids = all.map((e) => Number(decodeSqlPosition(e.position).transactionId));
    expect(Math.min(...xids)).toBeLessThan(1000);
    expect(Math.max(...xids)).toBeGreaterThanOrEqual(1000);
    expect(all.map((e) => e.id)).toEqual(ids);
    const page = await store.readAll({ after: all[199]!.position, max: 1000 });
    expect(page.map((e) => e.id)).toEqual(ids.slice(200));
    expect(await store.headPosition()).toBe(all.at(-1)!.position);
  } finally {
    await db.close();
  }
});
