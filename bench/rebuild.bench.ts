import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { auditLogProjection } from '../src/application/audit/audit-log-read-model/audit-log.projection.js';
import { rebuildProjection } from '../src/application/projections/rebuild-projection.js';
import { PostgresEventStore } from '../src/infrastructure/event-store/postgres/postgres-event-store.adapter.js';
import { ProgressBar } from '../src/interfaces/cli/progress-bar.js';
import { CPU_COUNTS, CpuTally, startCpuWindow } from './cpu-per-unit.js';
import { compare, copyEventsInto, openBenchSchema, type BenchSchema } from './bench-postgres.js';

async function copyOutOrdered(bench: BenchSchema): Promise<number> {
  const client = new pg.Client({ connectionString: bench.url, options: `-c search_path=${bench.schema}` });
  await client.connect();
  let rows = 0;
  try {
    const source = client.query(
      copyStreams.to('COPY (SELECT * FROM events ORDER BY transaction_id, position) TO STDOUT'),
    );
    await pipeline(
      source,
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
          done();
        },
      }),
    );
  } finally {
    await client.end();
  }
  return rows;
}

/** Replays `events` events into a fresh audit log vs an ordered COPY of the events table out to Node. */
export async function runRebuildBench(options: {
  events: number;
  batchSize: number;
}): Promise<Record<string, unknown>> {
  const bench = await openBenchSchema();
  try {
    process.stderr.write(`seeding ${options.events} events with COPY…\n`);
    await copyEventsInto(bench, 'events', randomBytes(6).toString('hex'), options.events);
    await bench.db.query('ANALYZE events');
    // Flush the seed's dirty pages now so neither measurement pays for a checkpoint it did not cause.
    await bench.db.query('CHECKPOINT').catch(() => process.stderr.write('CHECKPOINT needs superuser; skipped\n'));

    // The baseline is short and noisy on a shared machine: take the median of three runs, and report all three.
    process.stderr.write('baseline: ordered COPY of the events table out to Node (3 runs)…\n');
    const copyRuns: number[] = [];
    let copied = 0;
    const copyCpu = new CpuTally();
    for (let run = 0; run < 3; run++) {
      const window = await startCpuWindow(bench.url);
      const copyStarted = process.hrtime.bigint();
      copied = await copyOutOrdered(bench);
      copyRuns.push(Number(process.hrtime.bigint() - copyStarted) / 1e9);
      copyCpu.add({ ...(await window.end()), units: copied });
    }
    const copySeconds = [...copyRuns].sort((a, b) => a - b)[1]!;

    const store = new PostgresEventStore(bench.db);
    const bar = new ProgressBar('replay audit');
    const window = await startCpuWindow(bench.url);
    const started = process.hrtime.bigint();
    let loaded = started;
    const result = await rebuildProjection(store, bench.db, auditLogProjection, {
      batchSize: options.batchSize,
      onProgress: (p) => {
        bar.update(p.applied, p.total);
        loaded = process.hrtime.bigint();
      },
    });
    const finished = process.hrtime.bigint();
    const replayCpu = new CpuTally();
    replayCpu.add({ ...(await window.end()), units: result.events });
    const replaySeconds = Number(finished - started) / 1e9;
    bar.finish();
    const [audit] = await bench.db.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_log');
    if (copied !== options.events || result.events !== options.events || Number(audit?.n) !== options.events) {
      throw new Error(
        `counts differ from ${options.events}: copy ${copied}, replay ${result.events}, audit rows ${audit?.n}`,
      );
    }
    return compare(
      {
        bench: 'rebuild',
        events: options.events,
        counts: 'events replayed per second into a fresh audit_log (read, summarise, insert, checkpoint, index, swap)',
        seconds: replaySeconds,
        baseline: 'ordered COPY (transaction_id, position) of the same events table out to Node, rows counted',
        baselineSeconds: copySeconds,
        target: 0.3,
      },
      {
        batchSize: options.batchSize,
        loadSeconds: Number((Number(loaded - started) / 1e9).toFixed(2)),
        indexAndSwapSeconds: Number((Number(finished - loaded) / 1e9).toFixed(2)),
        baselineRunsSeconds: copyRuns.map((x) => Number(x.toFixed(2))),
        cpuCounts: CPU_COUNTS,
        cpuPerEventReplayed: replayCpu.perUnit('event replayed'),
        baselineCpuPerRowCopied: copyCpu.perUnit('row copied out (3 runs)'),
      },
    );
  } finally {
    await bench.drop();
  }
}
