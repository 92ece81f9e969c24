import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { loadRateLimit } from '../src/infrastructure/config/app-config.js';
import { startHttpServer, type RunningServer } from '../src/interfaces/http/http-server.js';
import { startBareLatestServer } from './bare-latest.server.js';
import { openBenchSchema, type BenchSchema } from './bench-postgres.js';
import type { HttpLoadRequest, HttpLoadResult } from './http-load.process.js';
import type { SensorScope } from '../src/application/access/sensor-scope/sensor-access.port.js';
import { CPU_COUNTS, CpuTally, startCpuWindow, type CpuPerUnit } from './cpu-per-unit.js';
import { STEAL_COUNTS, stealMeter } from './host-steal.js';

const run = promisify(execFile);
const POOL_SIZE = 10;
const SENSORS_PER_TENANT = 500;
const WARM_UP_SECONDS = 3;

export interface ApiBenchOptions {
  readonly seconds: number;
  readonly connections: number;
}

/** Who the bench calls as, and how that caller came to be allowed to read the sensor. */
export interface BenchCaller {
  readonly authorization: string;
  readonly describe: string;
  /** The scope the access policy gives this caller, so the baseline can run the platform's exact statement. */
  readonly scope: () => SensorScope;
}

const sensorOf = (tenant: string, i: number): string => `bench:${tenant}-meter-${i}/power`;

async function seed(bench: BenchSchema): Promise<void> {
  for (const tenant of ['a', 'b']) {
    await bench.db.query(
      `INSERT INTO readings_latest (sensor_id, node_id, gateway_id, quantity, unit, value, measured_at, received_at, source)
       SELECT 'bench:' || $1 || '-meter-' || i || '/power', 'bench:' || $1 || '-meter-' || i, 'bench-gw-' || $1, 'power', 'W',
              100 + i, now(), now(), '{"protocol":"dsmr"}'
         FROM generate_series(0, $2::int - 1) AS i`,
      [tenant, SENSORS_PER_TENANT],
    );
  }
  await bench.db.query('ANALYZE readings_latest');
}

export async function load(request: HttpLoadRequest): Promise<HttpLoadResult> {
  const entry = fileURLToPath(new URL('./http-load.process.js', import.meta.url));
  const { stdout } = await run(process.execPath, [entry, JSON.stringify(request)], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as HttpLoadResult;
}

/** Measured slices per server: the servers take turns, so a change in the host's speed meets all three alike. */
const SLICES = 4;

function checked(url: string, result: HttpLoadResult): HttpLoadResult {
  // Any non-2xx answer or socket error makes the figures meaningless.
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `load against ${url} saw ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return result;
}

export interface Target {
  readonly url: string;
  readonly headers: Record<string, string>;
}

/** A server's figures over its slices: requests and seconds add up, p50/p99 are the medians of the slices' own. */
export interface Measured {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly sliceP99Ms: readonly number[];
  /** CPU per request served over the measured slices (null figures when not measured). */
  readonly cpu: CpuPerUnit;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Warm-up per server, then SLICES rounds in which each server is loaded in turn for its share of `seconds`. */
export async function measureInTurns(
  targets: readonly Target[],
  options: ApiBenchOptions,
  databaseUrl: string,
): Promise<Measured[]> {
  for (const { url, headers } of targets)
    checked(url, await load({ url, headers, connections: options.connections, seconds: WARM_UP_SECONDS }));
  const slices: HttpLoadResult[][] = targets.map(() => []);
  // The servers under test share this process and the run's Postgres, but take turns: a slice's CPU is its server's.
  const cpu = targets.map(() => new CpuTally());
  const sliceSeconds = Math.max(1, Math.round(options.seconds / SLICES));
  for (let round = 0; round < SLICES; round++) {
    for (const [i, { url, headers }] of targets.entries()) {
      const window = await startCpuWindow(databaseUrl);
      const result = checked(
        url,
        await load({ url, headers, connections: options.connections, seconds: sliceSeconds }),
      );
      cpu[i]!.add({ ...(await window.end()), loadUs: result.cpuMicros, units: result.requests });
      slices[i]!.push(result);
    }
  }
  return slices.map((results, i) => ({
    requests: results.reduce((n, r) => n + r.requests, 0),
    requestsPerSecond: results.reduce((n, r) => n + r.requests, 0) / (sliceSeconds * results.length),
    p50Ms: median(results.map((r) => r.p50Ms)),
    p99Ms: median(results.map((r) => r.p99Ms)),
    sliceP99Ms: results.map((r) => r.p99Ms),
    cpu: cpu[i]!.perUnit('request served'),
  }));
}

async function bodyOf(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return JSON.stringify(await response.json());
}

/**
 * GET /api/readings/latest for one sensor through the whole platform (authentication, access policy, validation,
 * query bus, rate limiter, headers, data-access log) vs a bare Fastify handler running the very statement the
 * platform runs for that caller, one after the other against the same Postgres, driven by the same load process.
 * A second bare run without the access condition shows what the condition itself costs in the database.
 */
export async function runApiBench(
  options: ApiBenchOptions,
  callerFor: (server: RunningServer, adminToken: string, gatewayId: string, sensorId: string) => Promise<BenchCaller>,
): Promise<Record<string, unknown>> {
  const bench = await openBenchSchema();
  const dataDir = await mkdtemp(join(tmpdir(), 'wattlog-bench-api-'));
  const url = new URL(bench.url);
  url.searchParams.set('options', `-c search_path=${bench.schema}`);
  const adminToken = 'a'.repeat(64);
  // The limiter stays on the measured path, with limits the load cannot reach.
  const rateLimit = loadRateLimit({
    WATTLOG_RATE_LIMIT_RPS: '1000000',
    WATTLOG_RATE_LIMIT_BURST: '1000000',
    ...process.env,
  });
  let server: RunningServer | undefined;
  let scopeOf: () => SensorScope = () => ({ kind: 'all' });
  const bare = await startBareLatestServer(url.toString(), POOL_SIZE, () => scopeOf());
  const unscoped = await startBareLatestServer(url.toString(), POOL_SIZE, () => ({ kind: 'all' }));
  try {
    await seed(bench);
    server = await startHttpServer(
      {
        storage: { store: 'postgres', databaseUrl: url.toString(), dataDir },
        host: '127.0.0.1',
        port: 0,
        tls: null,
        adminToken,
        rateLimit,
      },
      pino({ level: 'silent' }),
    );
    const sensorId = sensorOf('a', 7);
    const caller = await callerFor(server, adminToken, 'bench-gw-a', sensorId);
    scopeOf = caller.scope;
    const path = `/api/readings/latest?sensor=${encodeURIComponent(sensorId)}`;
    const headers = { authorization: caller.authorization };
    const bodies = await Promise.all([
      bodyOf(`${server.url}${path}`, headers),
      bodyOf(`${bare.url}${path}`, {}),
      bodyOf(`${unscoped.url}${path}`, {}),
    ]);
    if (new Set(bodies).size !== 1) throw new Error(`the servers answer differently:\n${bodies.join('\n')}`);
    process.stderr.write(
      `measuring the platform, the bare handler and the bare handler without the access condition, ${options.seconds} s each in ${SLICES} turns…\n`,
    );
    const steal = stealMeter();
    const [platform, baseline, withoutCondition] = (await measureInTurns(
      [
        { url: `${server.url}${path}`, headers },
        { url: `${bare.url}${path}`, headers: {} },
        { url: `${unscoped.url}${path}`, headers: {} },
      ],
      options,
      bench.url,
    )) as [Measured, Measured, Measured];
    const hostStealPercent = steal();
    const throughputRatio = platform.requestsPerSecond / baseline.requestsPerSecond;
    const p99Ratio = platform.p99Ms / Math.max(baseline.p99Ms, 1);
    return {
      bench: 'api',
      counts: `requests per second and latency of GET /api/readings/latest for one sensor, ${options.connections} keep-alive connections, ${options.seconds} s per server after ${WARM_UP_SECONDS} s warm-up, in ${SLICES} slices taken in turns with the baselines (rates over all slices, p50/p99 the median of the slices'), load from a separate process`,
      caller: caller.describe,
      requestsPerSecond: Math.round(platform.requestsPerSecond),
      p50Ms: platform.p50Ms,
      p99Ms: platform.p99Ms,
      sliceP99Ms: platform.sliceP99Ms,
      requests: platform.requests,
      baseline:
        "bare Fastify handler (no Nest, auth, validation, rate limit or access log) running the platform's own SQL for this caller, same pool size, same run and load process",
      baselineRequestsPerSecond: Math.round(baseline.requestsPerSecond),
      baselineP50Ms: baseline.p50Ms,
      baselineP99Ms: baseline.p99Ms,
      baselineSliceP99Ms: baseline.sliceP99Ms,
      throughputRatio: Number(throughputRatio.toFixed(3)),
      p99Ratio: Number(p99Ratio.toFixed(3)),
      targets: { throughputRatio: '>= 0.7', p99Ratio: '<= 1.5' },
      met: throughputRatio >= 0.7 && p99Ratio <= 1.5,
      hostStealPercent,
      hostSteal: STEAL_COUNTS,
      cpuCounts: CPU_COUNTS,
      cpuPerRequest: platform.cpu,
      baselineCpuPerRequest: baseline.cpu,
      withoutAccessCondition: {
        counts:
          'the same bare handler running the SELECT without the grant and visibility condition: what the condition costs in the database',
        requestsPerSecond: Math.round(withoutCondition.requestsPerSecond),
        p50Ms: withoutCondition.p50Ms,
        p99Ms: withoutCondition.p99Ms,
        platformThroughputRatio: Number((platform.requestsPerSecond / withoutCondition.requestsPerSecond).toFixed(3)),
        platformP99Ratio: Number((platform.p99Ms / Math.max(withoutCondition.p99Ms, 1)).toFixed(3)),
        cpuPerRequest: withoutCondition.cpu,
      },
    };
  } finally {
    await server?.close();
    await bare.close();
    await unscoped.close();
    await bench.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
