import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadRateLimit } from '../src/infrastructure/config/app-config.js';
import { startHttpServer, type RunningServer } from '../src/interfaces/http/http-server.js';
import { CPU_COUNTS, CpuTally, startCpuWindow } from './cpu-per-unit.js';
import { load, measureInTurns, type Measured } from './api.bench.js';
import { measureFanOut } from './openadr-fanout.bench.js';
import { startBareEventsServer } from './bare-events.server.js';
import { openBenchSchema } from './bench-postgres.js';
import { STEAL_COUNTS, stealMeter } from './host-steal.js';

const POOL_SIZE = 10;
const BASE = '/openadr3/3.1.0';

export interface OpenAdrBenchOptions {
  readonly programs: number;
  readonly eventsPerProgram: number;
  readonly seconds: number;
  readonly connections: number;
  /** Notification fan-out: subscriptions listening, and events created one after another. */
  readonly subscribers: number;
  readonly fanOutEvents: number;
}

async function call<T>(url: string, init: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`bench setup: ${init.method ?? 'GET'} ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** A utility registered and holding a token, through the public API. */
async function aUtility(server: RunningServer, adminToken: string): Promise<{ token: string; providerId: string }> {
  const client = await call<{ clientId: string; clientSecret: string; providerId: string }>(
    `${server.url}/api/clients`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ organisation: 'Bench Grid', name: 'bench VTN client', role: 'bl' }),
    },
  );
  const token = await call<{ access_token: string }>(`${server.url}${BASE}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }).toString(),
  });
  return { token: token.access_token, providerId: client.providerId };
}

const prices = (count: number, minutes: number) => ({
  intervalPeriod: { start: '2026-12-08T00:00:00+01:00', duration: `PT${minutes}M` },
  intervals: Array.from({ length: count }, (_, id) => ({
    id,
    payloads: [{ type: 'PRICE', values: [Math.round((0.1 + 0.08 * Math.sin(id / 9)) * 1e5) / 1e5] }],
  })),
});

/**
 * The stored workload, written straight into the read model (through the API it would take hours on a small host;
 * the query reads only the read model): `programs` programs of one provider, each with `eventsPerProgram`
 * day-ahead events of 96 quarter-hour prices, in the rows the projection writes.
 */
async function seed(server: RunningServer, providerId: string, options: OpenAdrBenchOptions): Promise<string[]> {
  const db = server.storage.readModels;
  const at = '2026-12-07T10:00:00.000Z';
  await db.query(
    `INSERT INTO oadr_programs (program_id, seq, provider_id, program_name, targets, content, created_at, modified_at, revision)
     SELECT 'bench-p-' || p, 1000000 + p, $1, 'bench-' || p, '{}', jsonb_build_object('programName', 'bench-' || p), $2, $2, 0
       FROM generate_series(1, $3::int) AS p`,
    [providerId, at, options.programs],
  );
  await db.query(
    `INSERT INTO oadr_events (event_id, seq, program_id, provider_id, targets, content, created_at, modified_at, ends_at, zeroed, revision)
     SELECT 'bench-e-' || p || '-' || e, 1000000 + p * 1000 + e, 'bench-p-' || p, $1, '{}',
            $4::jsonb || jsonb_build_object('programID', 'bench-p-' || p), $2, $2, '2026-12-09T00:00:00+01:00', false, 0
       FROM generate_series(1, $3::int) AS p, generate_series(1, $5::int) AS e`,
    [
      providerId,
      at,
      options.programs,
      JSON.stringify({ eventName: 'day-ahead', ...prices(96, 15) }),
      options.eventsPerProgram,
    ],
  );
  await db.query('ANALYZE oadr_programs');
  await db.query('ANALYZE oadr_events');
  return Array.from({ length: options.programs }, (_, i) => `bench-p-${i + 1}`);
}

/** Event creations through the API, `connections` at a time for `seconds`: each one appended, projected and answered. */
async function creations(server: RunningServer, token: string, programId: string, options: OpenAdrBenchOptions) {
  const body = JSON.stringify({ programID: programId, eventName: 'bench day-ahead', ...prices(96, 15) });
  // Not `checked`: a creation slower than the load generator's 10 s timeout is a figure to report, not a bench error.
  return load({
    url: `${server.url}${BASE}/events`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    connections: options.connections,
    seconds: options.seconds,
    method: 'POST',
    body,
  });
}

/**
 * `bench openadr`: OpenADR event creation (96 PRICE values) per second through the API, and the p99 of
 * `GET /events?programID=` over `programs` × `eventsPerProgram` stored events, beside a bare Fastify handler running
 * the same SELECT in the same run; then the notification fan-out to `subscribers` callbacks (openadr-fanout.bench.ts).
 */
export async function runOpenAdrBench(options: OpenAdrBenchOptions): Promise<Record<string, unknown>> {
  const bench = await openBenchSchema();
  const dataDir = await mkdtemp(join(tmpdir(), 'wattlog-bench-openadr-'));
  const url = new URL(bench.url);
  url.searchParams.set('options', `-c search_path=${bench.schema}`);
  const adminToken = 'o'.repeat(64);
  const rateLimit = loadRateLimit({
    WATTLOG_RATE_LIMIT_RPS: '1000000',
    WATTLOG_RATE_LIMIT_BURST: '1000000',
    ...process.env,
  });
  let server: RunningServer | undefined;
  let bare: { url: string; close(): Promise<void> } | undefined;
  try {
    server = await startHttpServer(
      {
        storage: { store: 'postgres', databaseUrl: url.toString(), dataDir },
        host: '127.0.0.1',
        port: 0,
        tls: null,
        adminToken,
        rateLimit,
        // The fan-out's subscribers listen on this host.
        webhooks: { allowHosts: new Set(['127.0.0.1']) },
      },
      pino({ level: 'silent' }),
    );
    const { token, providerId } = await aUtility(server, adminToken);
    process.stderr.write(`seeding ${options.programs} programs × ${options.eventsPerProgram} events…\n`);
    const seedStarted = performance.now();
    const programIds = await seed(server, providerId, options);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    bare = await startBareEventsServer(bench.url, bench.schema, POOL_SIZE, providerId);
    const programId = programIds[Math.floor(programIds.length / 2)]!;
    const path = `${BASE}/events?programID=${programId}`;
    const headers = { authorization: `Bearer ${token}` };
    const [platformBody, bareBody] = await Promise.all([
      call<unknown[]>(`${server.url}${path}`, { headers }),
      call<unknown[]>(`${bare.url}${path}`, {}),
    ]);
    if (JSON.stringify(platformBody) !== JSON.stringify(bareBody) || platformBody.length !== options.eventsPerProgram)
      throw new Error('the platform and the bare handler answer differently');
    process.stderr.write(`measuring GET ${BASE}/events?programID= on both, ${options.seconds} s each in turns…\n`);
    const steal = stealMeter();
    const [platform, baseline] = (await measureInTurns(
      [
        { url: `${server.url}${path}`, headers },
        { url: `${bare.url}${path}`, headers: {} },
      ],
      { seconds: options.seconds, connections: options.connections },
      bench.url,
    )) as [Measured, Measured];
    process.stderr.write(`measuring event creation, ${options.seconds} s…\n`);
    const own = await call<{ id: string }>(`${server.url}${BASE}/programs`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ programName: 'bench-created' }),
    });
    const creationWindow = await startCpuWindow(bench.url);
    const created = await creations(server, token, own.id, options);
    const creationCpu = new CpuTally();
    creationCpu.add({
      ...(await creationWindow.end()),
      loadUs: created.cpuMicros,
      units: created.requests - created.non2xx,
    });
    process.stderr.write(
      `measuring notification fan-out: ${options.subscribers} subscribers, ${options.fanOutEvents} events…\n`,
    );
    const fanOut = await measureFanOut(server, token, {
      subscribers: options.subscribers,
      events: options.fanOutEvents,
    });
    const hostStealPercent = steal();
    const throughputRatio = platform.requestsPerSecond / baseline.requestsPerSecond;
    const p99Ratio = platform.p99Ms / Math.max(baseline.p99Ms, 1);
    return {
      bench: 'openadr',
      stored: `${options.programs} programs × ${options.eventsPerProgram} events of 96 quarter-hour prices, one provider (rows written into the read model in ${seedSeconds.toFixed(1)} s)`,
      eventCreationsPerSecond: Number(((created.requests - created.non2xx) / options.seconds).toFixed(1)),
      eventCreationP50Ms: created.p50Ms,
      eventCreationP99Ms: created.p99Ms,
      eventCreationFailures: { non2xx: created.non2xx, errors: created.errors, timeouts: created.timeouts },
      eventCreation: `POST ${BASE}/events with 96 PRICE values, ${options.connections} connections, ${options.seconds} s; each answered after its read model shows it`,
      requestsPerSecond: Math.round(platform.requestsPerSecond),
      p50Ms: platform.p50Ms,
      p99Ms: platform.p99Ms,
      sliceP99Ms: platform.sliceP99Ms,
      counts: `GET ${BASE}/events?programID= (${options.eventsPerProgram} events of 96 values per answer), ${options.connections} keep-alive connections, ${options.seconds} s per server in slices taken in turns, load from a separate process`,
      baseline: 'bare Fastify handler running the same selectEvents SQL and mapping, no auth or Nest, same pool size',
      baselineRequestsPerSecond: Math.round(baseline.requestsPerSecond),
      baselineP50Ms: baseline.p50Ms,
      baselineP99Ms: baseline.p99Ms,
      throughputRatio: Number(throughputRatio.toFixed(3)),
      p99Ratio: Number(p99Ratio.toFixed(3)),
      targets: { throughputRatio: '>= 0.7', p99Ratio: '<= 1.5' },
      met: throughputRatio >= 0.7 && p99Ratio <= 1.5,
      ...fanOut,
      hostStealPercent,
      hostSteal: STEAL_COUNTS,
      cpuCounts: CPU_COUNTS,
      cpuPerEventCreated: creationCpu.perUnit('event created'),
      cpuPerRequest: platform.cpu,
      baselineCpuPerRequest: baseline.cpu,
    };
  } finally {
    await bare?.close();
    await server?.close();
    await bench.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
