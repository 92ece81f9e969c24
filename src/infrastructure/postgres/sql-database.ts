import type { ReadModelDb, SqlExecutor } from '../../application/ports/read-model-db.port.js';

export interface SqlTransaction extends SqlExecutor {
  /** Runs a multi-statement script without parameters. */
  exec(script: string): Promise<void>;
}

/** A Postgres-speaking database (pg pool or PGlite) with notifications, shared by the event store and read models. */
export interface SqlDatabase extends ReadModelDb {
  readonly kind: 'postgres' | 'pglite';
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  /** Runs `COPY (...) TO STDOUT` and hands each row of its text output to `onLine`, where the driver supports it. */
  copyOutLines?(statement: string, onLine: (line: string) => void): Promise<void>;
  /** Calls `onNotify` for every NOTIFY on `channel`; resolves to an unsubscribe function. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
}

/** Postgres error code, if `error` came from the server. */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}
