import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { HeldLock, SqlValue } from '../../application/ports/read-model-db.port.js';
import { copyStatement, copyText } from './copy-text.js';
import type { SqlDatabase, SqlTransaction } from './sql-database.js';

// int8 as string by default; revisions and positions are parsed where they are read.
export class PgDatabase implements SqlDatabase {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;

  constructor(
    connectionString: string,
    options: { max?: number; applicationName?: string; schema?: string } = {},
  ) {
    this.pool = new pg.Pool({
      connectionString,
      max: options.max ?? 10,
      application_name: options.applicationName ?? 'wattlog',
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
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

  async copyOut(statement: string): Promise<string> {
    const client = await this.pool.connect();
    try {
      // COPY TO delivers one chunk per row: plain 'data' listeners cost far less per row than async iteration.
      const chunks: Buffer[] = [];
      await new Promise<void>((resolve, reject) => {
        const stream = client.query(copyStreams.to(statement));
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', resolve);
        stream.on('error', reject);
      });
      return Buffer.concat(chunks).toString('utf8');
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
    const client = await this.pool.connect();
    try {
      const rows = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
        [name],
      );
      if (rows.rows[0]?.locked !== true) {
        client.release();
        return null;
      }
    } catch (error) {
      client.release();
      throw error;
    }
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        try {
          await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [name]);
        } finally {
          client.release();
        }
      },
    };
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const client = await this.pool.connect();
    const handler = (message: pg.Notification): void => {
      if (message.channel === channel) onNotify();
    };
    client.on('notification', handler);
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return async () => {
      client.off('notification', handler);
      try {
        await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`);
      } finally {
        client.release();
      }
    };
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
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
