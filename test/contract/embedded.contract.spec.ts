import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteDatabase } from '../../src/infrastructure/pglite/pglite-database.js';
import { openSqlEventStore } from '../../src/infrastructure/event-store/embedded/embedded-event-store.js';
import { describeEventStoreContract } from './event-store.contract.js';

describeEventStoreContract('embedded (PGlite on disk)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wattlog-contract-'));
  const db = await PgliteDatabase.open(dir);
  const store = await openSqlEventStore(db);
  return {
    store,
    cleanup: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
