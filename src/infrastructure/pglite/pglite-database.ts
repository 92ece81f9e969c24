import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { HeldLock, SqlValue } from '../../application/ports/read-model-db.port.js';
import { copyStatement, copyText } from '../postgres/copy-text.js';
import type { SqlDatabase, SqlTransaction } from '../postgres/sql-database.js';
import { lockDataDir } from './data-dir-lock.js';

async function readSeed(path: string): Promise<Blob> {
  try {
    return new Blob([await readFile(path)]);
  } catch (error) {
    throw new Error(`cannot read the PGlite seed ${path} (WATTLOG_PGLITE_SEED): ${(error as Error).message}`, {
      cause: error,
    });
  }
}

type Queryable = Pick<Transaction, 'query'>;

async function copyInto(
  db: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
): Promise<void> {
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

  /**
   * `seedFrom`: a tarball of an initialised cluster (PGlite's `dumpDataDir`, same PGlite version) that a database
   * which does not exist yet starts from instead of running initdb — seconds saved per fresh database. An existing
   * database is opened as it is. Defaults to WATTLOG_PGLITE_SEED; null runs initdb.
   */
  static async open(
    dataDir?: string,
    seedFrom: string | null | undefined = process.env.WATTLOG_PGLITE_SEED || undefined,
  ): Promise<PgliteDatabase> {
    const unlockDir = dataDir === undefined ? () => undefined : lockDataDir(dataDir);
    try {
      const path = dataDir === undefined ? undefined : `${dataDir}/pglite`;
      const fresh = path === undefined || !existsSync(`${path}/PG_VERSION`);
      const options =
        fresh && seedFrom !== undefined && seedFrom !== null ? { loadDataDir: await readSeed(seedFrom) } : {};
      const db = path === undefined ? new PGlite(options) : new PGlite(path, options);
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

  /** The whole cluster as a tarball (uncompressed), the form `open(…, seedFrom)` starts from. */
  async dump(): Promise<Blob> {
    return this.db.dumpDataDir('none');
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
    this.unlockDir();
  }
}
