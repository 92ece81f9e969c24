import type { AppendResult, EventStore } from '../../src/application/ports/event-store.port.js';
import { decodeSqlPosition } from '../../src/infrastructure/event-store/postgres/sql-position.js';
import type { SqlDatabase } from '../../src/infrastructure/postgres/sql-database.js';

const VISIBILITY_WAIT_MS = 15_000;

/**
 * Postgres events become readable once no transaction older than theirs is still running anywhere in the cluster
 * (the store's commit-safe order). A spec running beside others on the same server can therefore append and then
 * find nothing to project for a moment; in the platform the next poll picks the events up, but a spec that catches
 * up once would fail. Appends here resolve only when what they wrote is readable, so "Given events" holds.
 */
export function visibleOnceAppended(store: EventStore, db: SqlDatabase): EventStore {
  const append: EventStore['append'] = async (...args) => {
    const result: AppendResult = await store.append(...args);
    const { transactionId } = decodeSqlPosition(result.position);
    const deadline = Date.now() + VISIBILITY_WAIT_MS;
    for (;;) {
      const [row] = await db.query<{ visible: boolean }>(
        'SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint > $1::bigint AS visible',
        [transactionId],
      );
      if (row?.visible) return result;
      if (Date.now() > deadline)
        throw new Error(
          `appended events of transaction ${transactionId} still not readable after ${VISIBILITY_WAIT_MS} ms`,
        );
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return new Proxy(store, {
    get: (target, property) => {
      if (property === 'append') return append;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
