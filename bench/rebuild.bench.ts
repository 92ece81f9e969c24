import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { AnyProjection } from '../src/application/projections/projection.js';
import { findProjections } from '../src/application/projections/projection-catalog.js';
import { decoderLookup } from '../src/infrastructure/protocols/payload-decoders.js';
import { REALISTIC_LOG, copyRealisticLog } from './realistic-log.js';
import { auditLogProjection } from '../src/application/audit/audit-log-read-model/audit-log.projection.js';
import { rebuildProjection } from '../src/application/projections/rebuild-projection.js';
import { PostgresEventStore } from '../src/infrastructure/event-store/postgres/postgres-event-store.adapter.js';
import { ProgressBar } from '../src/interfaces/cli/progress-bar.js';
import { CPU_COUNTS, CpuTally, startCpuWindow, type CpuPerUnit } from './cpu-per-unit.js';
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

export interface RebuildBenchOptions {
  readonly events: number;
  readonly batchSize: number;
  /** A read model's projection name (or former name), or `all`. */
  readonly projection: string;
  /** `bench`: reading-sized v1 frames (the audit log's historic figure); `realistic`: REALISTIC_LOG. */
  readonly log: 'bench' | 'realistic';
}

interface Replayed {
  readonly name: string;
  readonly consumed: number;
  readonly seconds: number;
  readonly loadSeconds: number;
  readonly cpu: CpuPerUnit;
}

async function replay(bench: BenchSchema, projection: AnyProjection, batchSize: number): Promise<Replayed> {
  const store = new PostgresEventStore(bench.db);
  const bar = new ProgressBar(`replay ${projection.name}`);
  const window = await startCpuWindow(bench.url);
  const started = process.hrtime.bigint();
  let loaded = started;
  const result = await rebuildProjection(store, bench.db, projection, {
    batchSize,
    onProgress: (p) => {
      bar.update(p.applied, p.total);
      loaded = process.hrtime.bigint();
    },
  });
  const finished = process.hrtime.bigint();
  const cpu = new CpuTally();
  cpu.add({ ...(await window.end()), units: result.events });
  bar.finish();
  return {
    name: projection.name,
    consumed: result.events,
    seconds: Number(finished - started) / 1e9,
    loadSeconds: Number(loaded - started) / 1e9,
    cpu: cpu.perUnit('event replayed'),
  };
}

const targetOf = (name: string): number => (name === auditLogProjection.name ? 0.4 : 0.3);

/**
 * Replays the log into fresh shadows of one read model (or of each, one after the other) vs an ordered COPY of the
 * events table out to Node. Each read model's rate counts the whole log covered per second: a filtered one still has
 * to find its events in it.
 */
export async function runRebuildBench(options: RebuildBenchOptions): Promise<Record<string, unknown>> {
  const projections = findProjections(options.projection, { decoders: decoderLookup() });
  const bench = await openBenchSchema();
  try {
    process.stderr.write(`seeding ${options.events} events (${options.log} log) with COPY…\n`);
    if (options.log === 'realistic') await copyRealisticLog(bench, options.events);
    else await copyEventsInto(bench, 'events', randomBytes(6).toString('hex'), options.events);
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
    if (copied !== options.events) throw new Error(`the COPY baseline read ${copied} rows, not ${options.events}`);

    const replays: Replayed[] = [];
    for (const projection of projections) replays.push(await replay(bench, projection, options.batchSize));
    const audit = replays.find((r) => r.name === auditLogProjection.name);
    if (audit) {
      const [rows] = await bench.db.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_log');
      if (audit.consumed !== options.events || Number(rows?.n) !== options.events)
        throw new Error(`counts differ from ${options.events}: replay ${audit.consumed}, audit rows ${rows?.n}`);
    }
    const common = {
      log: options.log === 'realistic' ? REALISTIC_LOG : 'reading-sized ReadingsReported v1 frames, 100 streams',
      batchSize: options.batchSize,
      baselineRunsSeconds: copyRuns.map((x) => Number(x.toFixed(2))),
      cpuCounts: CPU_COUNTS,
      baselineCpuPerRowCopied: copyCpu.perUnit('row copied out (3 runs)'),
    };
    const baseline = 'ordered COPY (transaction_id, position) of the same events table out to Node, rows counted';
    if (replays.length === 1) {
      const only = replays[0]!;
      return compare(
        {
          bench: 'rebuild',
          events: options.events,
          counts: `log events covered per second by a full replay into fresh ${only.name} shadows (read, apply, insert, checkpoint, index, swap)`,
          seconds: only.seconds,
          baseline,
          baselineSeconds: copySeconds,
          target: targetOf(only.name),
        },
        {
          projection: only.name,
          eventsConsumed: only.consumed,
          loadSeconds: Number(only.loadSeconds.toFixed(2)),
          indexAndSwapSeconds: Number((only.seconds - only.loadSeconds).toFixed(2)),
          ...common,
          cpuPerEventReplayed: only.cpu,
        },
      );
    }
    const baselineRate = options.events / copySeconds;
    const readModels = replays.map((r) => {
      const ratio = options.events / r.seconds / baselineRate;
      return {
        projection: r.name,
        eventsConsumed: r.consumed,
        seconds: Number(r.seconds.toFixed(2)),
        rate: Math.round(options.events / r.seconds),
        ratio: Number(ratio.toFixed(3)),
        target: targetOf(r.name),
        // A read model none of whose events are in this log only skipped it: its rate says nothing of its own work.
        met: r.consumed === 0 ? null : ratio >= targetOf(r.name),
        cpuPerEventReplayed: r.cpu,
      };
    });
    return {
      bench: 'rebuild',
      events: options.events,
      counts:
        'per read model: log events covered per second by a full replay into fresh shadows (read, apply, insert, checkpoint, index, swap), one read model after the other',
      baseline,
      baselineRate: Math.round(baselineRate),
      baselineSeconds: Number(copySeconds.toFixed(2)),
      ...common,
      met: readModels.every((m) => m.met !== false),
      note: 'met is null for a read model that consumed none of the log (this log holds readings events only)',
      readModels,
    };
  } finally {
    await bench.drop();
  }
}
