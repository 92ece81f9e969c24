import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { HeldLock, SqlValue } from '../../application/ports/read-model-db.port.js';
import { copyStatement, copyText } from '../postgres/copy-text.js';
import type { SqlDatabase, SqlTransaction } from '../postgres/sql-database.js';
import { lockDataDir } from './data-dir-lock.js';

type Queryable = Pick<Transaction, 'query'>;

async function copyInto(db: Queryable, table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([copyText(rows)]) });
}

function asTransaction(tx: Transaction): SqlTransaction {
  return {
    insertRows: (table, columns, rows) => copyInto(tx, table, columns, rows),
    query: async <Row>(sql: string, params: readonly unknown[] = []) => (await tx.query<Row>(sql, [...params])).rows,
    exec: async (script: string) => {
      await tx.exec(script);
    },
  };
}

/** Embedded Postgres (PGlite) under a data directory, or in memory when `dataDir` is undefined. */
export class PgliteDatabase implements SqlDatabase {
  readonly kind = 'pglite' as const;
  // PGlite has one session: locks only need to exclude holders inside this process.
  private readonly locks = new Set<string>();

  private constructor(
    private readonly db: PGlite,
    private readonly unlockDir: () => void,
  ) {}

  static async open(dataDir?: string): Promise<PgliteDatabase> {
    const unlockDir = dataDir === undefined ? () => undefined : lockDataDir(dataDir);
    try {
      const db = dataDir === undefined ? new PGlite() : new PGlite(`${dataDir}/pglite`);
      await db.waitReady;
      return new PgliteDatabase(db, unlockDir);
    } catch (error) {
      unlockDir();
      throw error;
    }
  }

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.db.query<Row>(sql, [...params])).rows;
  }

  async insertRows(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
    await copyInto(this.db, table, columns, rows);
  }

  async transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(asTransaction(tx)));
  }

  async tryLock(name: string): Promise<HeldLock | null> {
    if (this.locks.has(name)) return null;
    this.locks.add(name);
    return {
      release: async () => {
        this.locks.delete(name);
      },
    };
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const unlisten = await this.db.listen(channel, () => onNotify());
    return async () => {
      await unlisten();
    };
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
    this.unlockDir();
  }
}
