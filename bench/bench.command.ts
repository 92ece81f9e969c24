import type { Command } from 'commander';
import { positiveInt } from '../src/interfaces/cli/cli-options.js';
import { aGrantedUtilityClient } from './api-caller.js';
import { runApiBench } from './api.bench.js';
import { runAppendBench } from './append.bench.js';
import { runIngestBench } from './ingest.bench.js';
import { runLagBench } from './lag.bench.js';
import { runOpenAdrBench } from './openadr.bench.js';
import { runQueryBench } from './query.bench.js';
import { runRebuildBench } from './rebuild.bench.js';
import { runScaleBench } from './scale.bench.js';
import { runUiBench } from './ui.bench.js';

function report(result: Record<string, unknown>, json: boolean): void {
  if (!json) {
    for (const [key, value] of Object.entries(result)) {
      const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
      process.stdout.write(`${key}: ${text}\n`);
    }
  }
  // The last line is always the machine-readable result.
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** The benchmarks, as subcommands of `bench` (the program of `npm run bench -- <name>`). */
export function registerBenchmarks(bench: Command): void {
  bench
    .command('append')
    .description('batched appends through the postgres adapter vs COPY of the same rows')
    .option('--events <n>', 'events to append', positiveInt, 1_000_000)
    .option('--batch-size <n>', 'events per append', positiveInt, 1000)
    .option('--concurrency <n>', 'parallel appenders (disjoint streams)', positiveInt, 4)
    .option('--json', 'only the JSON result line')
    .action(async (o: { events: number; batchSize: number; concurrency: number; json?: boolean }) => {
      report(await runAppendBench(o), o.json === true);
    });
  bench
    .command('ingest')
    .description(
      'simulated gateways over real TLS-PSK sessions → durable appends, vs COPY of the same event rows; idle sessions',
    )
    .option('--seconds <n>', 'measured streaming time', positiveInt, 30)
    .option('--gateways <n>', 'streaming gateways', positiveInt, 20)
    .option('--payloads-per-frame <n>', 'readings per frame', positiveInt, 50)
    .option('--window <n>', 'frames in flight per gateway (the agent allows 64)', positiveInt, 16)
    .option('--idle-sessions <n>', 'idle sessions to open afterwards', positiveInt, 5000)
    .option('--projection-batch-size <n>', 'events per readings-projection transaction', positiveInt, 1000)
    .option('--json', 'only the JSON result line')
    .action(
      async (o: {
        seconds: number;
        gateways: number;
        payloadsPerFrame: number;
        window: number;
        idleSessions: number;
        projectionBatchSize: number;
        json?: boolean;
      }) => {
        report(await runIngestBench(o), o.json === true);
      },
    );
  bench
    .command('rebuild')
    .description('full replay into a read model (or each) vs an ordered COPY of the events out to Node')
    .option('--events <n>', 'events in the log', positiveInt, 1_000_000)
    .option('--batch-size <n>', 'events per projection transaction', positiveInt, 5000)
    .option('--projection <name>', 'a read model (projection name or former name), or all', 'audit_log')
    .option(
      '--log <kind>',
      'bench (reading-sized v1 frames) or realistic; default: realistic unless only the audit log',
    )
    .option('--json', 'only the JSON result line')
    .action(async (o: { events: number; batchSize: number; projection: string; log?: string; json?: boolean }) => {
      const audit = o.projection === 'audit_log' || o.projection === 'audit';
      const log = o.log ?? (audit ? 'bench' : 'realistic');
      if (log !== 'bench' && log !== 'realistic') throw new Error(`--log must be bench or realistic; got ${log}`);
      report(await runRebuildBench({ ...o, log }), o.json === true);
    });
  bench
    .command('query')
    .description(
      "p99 of one meter's year of 15-minute buckets through the HTTP API vs the same rows straight from Postgres",
    )
    .option('--requests <n>', 'measured requests', positiveInt, 200)
    .option('--json', 'only the JSON result line')
    .action(async (o: { requests: number; json?: boolean }) => {
      report(await runQueryBench(o), o.json === true);
    });
  bench
    .command('api')
    .description(
      'authenticated, policy-checked latest-reading requests vs a bare Fastify handler running the same SELECT',
    )
    .option('--seconds <n>', 'measured time per server', positiveInt, 20)
    .option('--connections <n>', 'concurrent keep-alive connections', positiveInt, 32)
    .option(
      '--as <caller>',
      "granted-client (an API client through an owner's grant) or admin (the bootstrap token, no grant lookup)",
      'granted-client',
    )
    .option('--json', 'only the JSON result line')
    .action(async (o: { seconds: number; connections: number; as: string; json?: boolean }) => {
      if (o.as !== 'granted-client' && o.as !== 'admin')
        throw new Error(`--as must be granted-client or admin; got ${o.as}`);
      const asAdmin = o.as === 'admin';
      report(
        await runApiBench(o, (server, adminToken, gatewayId, sensorId) =>
          asAdmin
            ? Promise.resolve({
                authorization: `Bearer ${adminToken}`,
                describe: 'the bootstrap admin token (no grant lookup)',
                scope: () => ({ kind: 'all' }),
              })
            : aGrantedUtilityClient(server.url, adminToken, gatewayId, sensorId),
        ),
        o.json === true,
      );
    });
  bench
    .command('scale')
    .description(
      'ingest and projection throughput of 1–3 server processes over one Postgres with the readings projection in 1, 2 or 4 partitions',
    )
    .option('--seconds <n>', 'load time per run', positiveInt, 10)
    .option('--gateways <n>', 'simulated gateways, spread over the nodes', positiveInt, 6)
    .option('--nodes <list>', 'node counts, comma-separated', '1,2,3')
    .option('--partitions <list>', 'partition counts, comma-separated', '1,2,4')
    .option('--json', 'only the JSON result line')
    .action(async (o: { seconds: number; gateways: number; nodes: string; partitions: string; json?: boolean }) => {
      const list = (value: string): number[] => value.split(',').map((v) => positiveInt(v.trim()));
      report(
        await runScaleBench({
          seconds: o.seconds,
          gateways: o.gateways,
          nodes: list(o.nodes),
          partitions: list(o.partitions),
        }),
        o.json === true,
      );
    });
  bench
    .command('lag')
    .description('p99 from a durable append to its readings being visible in the read model, at a steady readings rate')
    .option('--seconds <n>', 'measured time', positiveInt, 20)
    .option('--readings-per-second <n>', 'append rate', positiveInt, 10_000)
    .option('--json', 'only the JSON result line')
    .action(async (o: { seconds: number; readingsPerSecond: number; json?: boolean }) => {
      report(await runLagBench(o), o.json === true);
    });
  bench
    .command('ui')
    .description(
      "navigation to a drawn chart of one meter's year of 15-minute buckets in Chromium vs the same data fetched by the page; the shell's initial JavaScript",
    )
    .option('--loads <n>', 'measured page loads', positiveInt, 20)
    .option('--json', 'only the JSON result line')
    .action(async (o: { loads: number; json?: boolean }) => {
      report(await runUiBench(o), o.json === true);
    });
  bench
    .command('openadr')
    .description(
      'OpenADR event creation (96 PRICE values) per second, GET /events?programID= p99 vs a bare Fastify handler, and notification fan-out to subscribers',
    )
    .option('--programs <n>', 'programs stored', positiveInt, 1000)
    .option('--events-per-program <n>', 'events stored per program', positiveInt, 30)
    .option('--seconds <n>', 'measured time per server (and for creations)', positiveInt, 20)
    .option('--connections <n>', 'concurrent keep-alive connections', positiveInt, 16)
    .option('--subscribers <n>', 'subscriptions notified of each event (fan-out)', positiveInt, 100)
    .option('--fan-out-events <n>', 'events created one after another for the fan-out figure', positiveInt, 20)
    .option('--json', 'only the JSON result line')
    .action(
      async (o: {
        programs: number;
        eventsPerProgram: number;
        seconds: number;
        connections: number;
        subscribers: number;
        fanOutEvents: number;
        json?: boolean;
      }) => {
        report(await runOpenAdrBench(o), o.json === true);
      },
    );
}
