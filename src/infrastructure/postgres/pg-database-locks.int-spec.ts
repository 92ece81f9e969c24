import { createTestSchema, describeWithPostgres, postgresUrl } from '#test/support/postgres.js';
import { PgDatabase } from './pg-database.js';

describeWithPostgres('PgDatabase advisory locks', () => {
  it('excludes holders within one schema and never across schemas of one database', async () => {
    const url = postgresUrl();
    const [one, two] = await Promise.all([createTestSchema(url, 'locks-a'), createTestSchema(url, 'locks-b')]);
    const a1 = new PgDatabase(url, { schema: one.schema, max: 1 });
    const a2 = new PgDatabase(url, { schema: one.schema, max: 1 });
    const b = new PgDatabase(url, { schema: two.schema, max: 1 });
    try {
      const held = await a1.tryLock('wattlog:projection:readings');
      expect(held).not.toBeNull();
      expect(await a2.tryLock('wattlog:projection:readings')).toBeNull();
      const other = await b.tryLock('wattlog:projection:readings');
      expect(other).not.toBeNull();
      await held!.release();
      const again = await a2.tryLock('wattlog:projection:readings');
      expect(again).not.toBeNull();
      await again!.release();
      await other!.release();
    } finally {
      await Promise.all([a1.close(), a2.close(), b.close()]);
      await Promise.all([one.drop(), two.drop()]);
    }
  });
});
