import { randomBytes } from 'node:crypto';
import type { NewEvent } from '../src/application/ports/event-store.port.js';
import { PostgresEventStore } from '../src/infrastructure/event-store/postgres/postgres-event-store.adapter.js';
import { ProgressBar } from '../src/interfaces/cli/progress-bar.js';
import { BENCH_STREAMS, benchEventId, benchReading, streamOf } from './bench-data.js';
import { CPU_COUNTS, CpuTally, startCpuWindow } from './cpu-per-unit.js';
import { compare, copyEventsInto, openBenchSchema } from './bench-postgres.js';

export interface AppendBenchOptions {
  readonly events: number;
  readonly batchSize: number;
  readonly concurrency: number;
}

/**
 * Appends `events` reading-sized events through the postgres adapter (batches per stream, exact expected revision,
 * `concurrency` appenders on disjoint streams), then COPYs the very same rows into an identically indexed table.
 */
export async function runAppendBench(options: AppendBenchOptions): Promise<Record<string, unknown>> {
  const bench = await openBenchSchema();
  const runId = randomBytes(6).toString('hex');
  try {
    const store = new PostgresEventStore(bench.db);
    const perStream = Math.ceil(options.events / BENCH_STREAMS);
    const bar = new ProgressBar('append via adapter');
    let appended = 0;
    const appendWindow = await startCpuWindow(bench.url);
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: options.concurrency }, async (_, worker) => {
        for (let s = worker; s < BENCH_STREAMS; s += options.concurrency) {
          for (let first = 0; first < perStream; first += options.batchSize) {
            const batch: NewEvent[] = [];
            for (let j = first; j < Math.min(first + options.batchSize, perStream); j++) {
              const index = s + j * BENCH_STREAMS;
              if (index >= options.events) break;
              batch.push({ id: benchEventId(runId, index), ...benchReading(index) });
            }
            if (batch.length === 0) break;
            await store.append(streamOf(s), batch, { expectedRevision: first === 0 ? 'no_stream' : first - 1 });
            appended += batch.length;
            bar.update(appended, options.events);
          }
        }
      }),
    );
    const adapterSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const appendCpu = new CpuTally();
    appendCpu.add({ ...(await appendWindow.end()), units: appended });
    bar.finish();

    await bench.db.query('CREATE TABLE events_copy (LIKE events INCLUDING ALL)');
    process.stderr.write('baseline: COPY of the same rows into an identically indexed table…\n');
    const copyWindow = await startCpuWindow(bench.url);
    const copyStarted = process.hrtime.bigint();
    await copyEventsInto(bench, 'events_copy', runId, options.events);
    const copySeconds = Number(process.hrtime.bigint() - copyStarted) / 1e9;
    const copyCpu = new CpuTally();
    copyCpu.add({ ...(await copyWindow.end()), units: options.events });

    const [counts] = await bench.db.query<{ a: string; c: string }>(
      'SELECT (SELECT count(*) FROM events)::text AS a, (SELECT count(*) FROM events_copy)::text AS c',
    );
    if (Number(counts?.a) !== options.events || Number(counts?.c) !== options.events) {
      throw new Error(`row counts differ from ${options.events}: adapter ${counts?.a}, copy ${counts?.c}`);
    }
    return compare(
      {
        bench: 'append',
        events: options.events,
        counts: 'events appended per second (reading-sized ReadingsReported events, ~400 bytes JSON)',
        seconds: adapterSeconds,
        baseline: 'COPY of the same event rows into a table with the same indexes, same Postgres, same run',
        baselineSeconds: copySeconds,
        target: 0.5,
      },
      {
        batchSize: options.batchSize,
        concurrency: options.concurrency,
        cpuCounts: `${CPU_COUNTS}; the events are built in this process in both phases, so server includes that`,
        cpuPerEventAppended: appendCpu.perUnit('event appended'),
        baselineCpuPerRowCopied: copyCpu.perUnit('row copied in'),
      },
    );
  } finally {
    await bench.drop();
  }
}
