import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { loadConfig } from '../src/infrastructure/config/app-config.js';
import { migrate } from '../src/infrastructure/postgres/migrator.js';
import { PgDatabase } from '../src/infrastructure/postgres/pg-database.js';
import { eventStoreMigrations } from '../src/infrastructure/event-store/postgres/event-store.migrations.js';
import { readModelMigrations } from '../src/infrastructure/postgres/read-model.migrations.js';
import { copyText } from '../src/infrastructure/postgres/copy-text.js';
import type { SqlValue } from '../src/application/ports/read-model-db.port.js';
import { RUN_APPLICATION_NAME } from './cpu-per-unit.js';
import { benchEventId, benchReading, streamOf } from './bench-data.js';

export interface BenchSchema {
  readonly url: string;
  readonly schema: string;
  readonly db: PgDatabase;
  drop(): Promise<void>;
}

/** A throw-away schema in the configured Postgres (DATABASE_URL or 127.0.0.1:5432/test), migrated. */
export async function openBenchSchema(): Promise<BenchSchema> {
  const url = loadConfig(process.env).databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = new PgDatabase(url, { schema, max: 8, applicationName: RUN_APPLICATION_NAME });
  await migrate(db, [eventStoreMigrations, readModelMigrations]);
  return {
    url,
    schema,
    db,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** COPY rows [from, to) of the bench workload into `table` (text format), with the revisions they would get. */
export async function copyEventsInto(bench: BenchSchema, table: string, runId: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: bench.url, options: `-c search_path=${bench.schema}` });
  await client.connect();
  try {
    const revisions = new Map<string, number>();
    function* lines(): Generator<string> {
      const CHUNK = 2000;
      for (let first = 0; first < count; first += CHUNK) {
        const rows: SqlValue[][] = [];
        for (let i = first; i < Math.min(first + CHUNK, count); i++) {
          const event = benchReading(i);
          const stream = streamOf(i);
          const revision = (revisions.get(stream) ?? -1) + 1;
          revisions.set(stream, revision);
          rows.push([
            stream,
            revision,
            benchEventId(runId, i),
            event.type,
            JSON.stringify(event.data),
            JSON.stringify(event.metadata),
          ]);
        }
        yield copyText(rows);
      }
    }
    const sink = client.query(
      copyStreams.from(`COPY ${table} (stream, revision, id, type, data, metadata) FROM STDIN`),
    );
    await pipeline(Readable.from(lines()), sink);
  } finally {
    await client.end();
  }
}

export interface Comparison {
  readonly bench: string;
  readonly events: number;
  /** What `rate` counts. */
  readonly counts: string;
  readonly seconds: number;
  /** What the baseline does, measured in the same run on the same Postgres. */
  readonly baseline: string;
  readonly baselineSeconds: number;
  readonly target: number;
}

/** The result line every benchmark prints: measured rate, baseline rate, their ratio and the target. */
export function compare(c: Comparison, extra: Record<string, unknown>): Record<string, unknown> {
  const rate = Math.round(c.events / c.seconds);
  const baselineRate = Math.round(c.events / c.baselineSeconds);
  return {
    bench: c.bench,
    events: c.events,
    counts: c.counts,
    rate,
    baseline: c.baseline,
    baselineRate,
    ratio: Number((rate / baselineRate).toFixed(3)),
    target: c.target,
    seconds: Number(c.seconds.toFixed(2)),
    baselineSeconds: Number(c.baselineSeconds.toFixed(2)),
    ...extra,
  };
}

/** The value below which `p` percent of the samples fall (nearest rank); 0 for no samples. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
