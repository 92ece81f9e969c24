import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { HeldLock, SqlValue } from '../../application/ports/read-model-db.port.js';
import { CopyLines } from './copy-lines.js';
import { copyStatement, copyText } from './copy-text.js';
import { SessionClient } from './session-client.js';
import type { SqlDatabase, SqlTransaction } from './sql-database.js';

/**
 * Advisory locks belong to the whole database, while an installation lives in its schema: the key names the schema
 * too, so installations (or test runs) sharing one database never hold each other's projection locks.
 */
const LOCK_KEY = "hashtextextended(current_schema() || ':' || $1, 0)";

// int8 as string by default; revisions and positions are parsed where they are read.
export class PgDatabase implements SqlDatabase {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  /** Every advisory lock this process holds lives on one session; the set keeps them exclusive within the process too. */
  private readonly locks: SessionClient;
  private readonly heldLocks = new Set<string>();
  /** One session listens on every channel; handlers per channel. */
  private readonly listener: SessionClient;
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(connectionString: string, options: { max?: number; applicationName?: string; schema?: string } = {}) {
    const session: pg.ClientConfig = {
      connectionString,
      // PGAPPNAME, libpq's own variable, names the sessions of a whole deployment (or bench run) in pg_stat_activity.
      application_name: options.applicationName ?? process.env.PGAPPNAME ?? 'wattlog',
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    };
    this.pool = new pg.Pool({ ...session, max: options.max ?? 10 });
    this.locks = new SessionClient(session);
    this.listener = new SessionClient(
      session,
      (message) => this.listeners.get(message.channel)?.forEach((notify) => notify()),
      // A new listener session must LISTEN again; missed notifications are covered by the subscribers' polling.
      () => void this.relisten(),
    );
    // An idle client losing its connection must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined);
  }

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.pool.query(sql, params as unknown[]);
    return result.rows as Row[];
  }

  async insertRows(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await copyInto(client, table, columns, rows);
    } finally {
      client.release();
    }
  }

  async copyOutLines(statement: string, onLine: (line: string) => void): Promise<void> {
    const client = await this.pool.connect();
    try {
      const lines = new CopyLines();
      let failure: { error: unknown } | undefined;
      // Rows are handed on as they arrive, never gathered into one text. A failing `onLine` stops the handing on,
      // but the output is still read to its end so the connection goes back to the pool in a clean state.
      await new Promise<void>((resolve, reject) => {
        const stream = client.query(copyStreams.to(statement));
        stream.on('data', (chunk: Buffer) => {
          if (failure) return;
          try {
            lines.push(chunk, onLine);
          } catch (error) {
            failure = { error };
          }
        });
        stream.on('end', resolve);
        stream.on('error', reject);
      });
      if (failure) throw failure.error;
      lines.end();
    } finally {
      client.release();
    }
  }

  async transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx: SqlTransaction = {
        query: async <Row>(sql: string, params: readonly unknown[] = []) =>
          (await client.query(sql, params as unknown[])).rows as Row[],
        exec: async (script: string) => {
          await client.query(script);
        },
        insertRows: (table, columns, rows) => copyInto(client, table, columns, rows),
      };
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async tryLock(name: string): Promise<HeldLock | null> {
    if (this.heldLocks.has(name)) return null;
    this.heldLocks.add(name);
    try {
      let holder: pg.Client | undefined;
      const rows = await this.locks.run((client) => {
        holder = client;
        return client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`, [name]);
      });
      if (rows.rows[0]?.locked !== true) {
        this.heldLocks.delete(name);
        return null;
      }
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          try {
            // A lost session has released the lock already; a new session never held it.
            await this.locks
              .run(async (client) => {
                if (client === holder) await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`, [name]);
              })
              .catch(() => undefined);
          } finally {
            this.heldLocks.delete(name);
          }
        },
      };
    } catch (error) {
      this.heldLocks.delete(name);
      throw error;
    }
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    let handlers = this.listeners.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.listeners.set(channel, handlers);
    }
    handlers.add(onNotify);
    if (handlers.size === 1)
      await this.listener.run((client) => client.query(`LISTEN ${pg.escapeIdentifier(channel)}`));
    return async () => {
      const current = this.listeners.get(channel);
      if (!current?.delete(onNotify) || current.size > 0) return;
      this.listeners.delete(channel);
      await this.listener
        .run((client) => client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`))
        .catch(() => undefined);
    };
  }

  private async relisten(): Promise<void> {
    if (this.listeners.size === 0) return;
    try {
      await this.listener.run(async (client) => {
        for (const channel of this.listeners.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      });
    } catch {
      // The next subscriber poll or listen call tries again.
    }
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.listener.close();
    await this.locks.close();
    await this.pool.end();
  }
}

async function copyInto(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const sink = client.query(copyStreams.from(copyStatement(table, columns, 'STDIN')));
  await pipeline(Readable.from([copyText(rows)]), sink);
}
