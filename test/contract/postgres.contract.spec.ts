import { PgDatabase } from '../../src/infrastructure/postgres/pg-database.js';
import { openSqlEventStore } from '../../src/infrastructure/event-store/embedded/embedded-event-store.js';
import { createTestSchema, postgresUrl, POSTGRES_SKIP_REASON } from '../support/postgres.js';
import { visibleOnceAppended } from '../support/visible-appends.js';
import { describeEventStoreContract } from './event-store.contract.js';

describeEventStoreContract(
  'postgres',
  async () => {
    const url = postgresUrl();
    const schema = await createTestSchema(url, 'contract');
    const db = new PgDatabase(url, { schema: schema.schema, max: 25 });
    const store = visibleOnceAppended(await openSqlEventStore(db), db);
    return {
      store,
      cleanup: async () => {
        await db.close();
        await schema.drop();
      },
    };
  },
  POSTGRES_SKIP_REASON,
);
