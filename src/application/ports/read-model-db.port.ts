/** What projections and query handlers need from the read-model database (Postgres or PGlite). */
export type SqlValue = string | number | boolean | null;

export interface SqlExecutor {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Bulk insert (COPY underneath): the fast path for projections writing many new rows. */
  insertRows(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void>;
}

export interface HeldLock {
  release(): Promise<void>;
}

export interface ReadModelDb extends SqlExecutor {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** A named lock held until released or until this process dies; null when another holder has it. */
  tryLock(name: string): Promise<HeldLock | null>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const READ_MODEL_DB = Symbol('ReadModelDb');
