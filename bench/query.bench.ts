import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { pino } from 'pino';
import { loadRateLimit } from '../src/infrastructure/config/app-config.js';
import { startHttpServer } from '../src/interfaces/http/http-server.js';
import type { SqlExecutor } from '../src/application/ports/read-model-db.port.js';
import type { SeriesSensor } from '../src/application/metering/query-readings/reading-series/query-reading-series.query.js';
import {
  BUCKET_JSON_PAGE_SIZE,
  bucketJsonPages,
} from '../src/application/metering/query-readings/reading-series/series-json.sql.js';
import { openBenchSchema, percentile } from './bench-postgres.js';
import type { SeriesClientRequest, SeriesClientResult } from './series-client.process.js';
import { CPU_COUNTS, CpuTally, startCpuWindow } from './cpu-per-unit.js';
import { STEAL_COUNTS, stealMeter } from './host-steal.js';

const SENSOR = 'dsmr:E0044007BENCH/energyImported.t1';
const YEAR_START = Date.UTC(2025, 0, 1);
const QUARTERS_PER_YEAR = 365 * 96;

/**
 * Unmeasured requests first: the first renders every day and writes them back; on this kind of machine the server's
 * time per request settles only after some twenty more, while V8 optimises the serving path (seen per request
 * in a server-side trace: about 20 ms for the first dozen, 8–10 ms from the twenty-fifth on).
 */
const WARM_UP = 30;
const run = promisify(execFile);
const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

async function runSeriesClient(request: SeriesClientRequest): Promise<SeriesClientResult> {
  const entry = fileURLToPath(new URL('./series-client.process.js', import.meta.url));
  const { stdout } = await run(process.execPath, [entry, JSON.stringify(request)], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as SeriesClientResult;
}

/** Milliseconds of each of `requests` sequential runs of `work`, after WARM_UP unmeasured ones. */
async function timed(requests: number, work: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + requests; i++) {
    const started = process.hrtime.bigint();
    await work();
    if (i >= WARM_UP) times.push(ms(started));
  }
  return times;
}

/**
 * p99 of one meter's year of 15-minute buckets through the HTTP API (bearer auth, validation, query handler, JSON),
 * and side by side the same rows selected straight from Postgres with pg, and the API's own series SQL run with pg.
 */
export async function runQueryBench(options: { requests: number }): Promise<Record<string, unknown>> {
  const bench = await openBenchSchema();
  const dataDir = await mkdtemp(join(tmpdir(), 'wattlog-bench-query-'));
  const url = new URL(bench.url);
  url.searchParams.set('options', `-c search_path=${bench.schema}`);
  const token = 'q'.repeat(64);
  // The limiter stays in the measured path, with limits the bench never reaches unless the environment lowers them.
  const rateLimit = loadRateLimit({
    WATTLOG_RATE_LIMIT_RPS: '1000000',
    WATTLOG_RATE_LIMIT_BURST: '1000000',
    ...process.env,
  });
  const server = await startHttpServer(
    {
      storage: { store: 'postgres', databaseUrl: url.toString(), dataDir },
      host: '127.0.0.1',
      port: 0,
      tls: null,
      adminToken: token,
      rateLimit,
    },
    pino({ level: 'silent' }),
  );
  const direct = new pg.Client({ connectionString: url.toString() });
  // The API's read model runs on a pool, which lets the series read its next window while it sends the current one.
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  try {
    process.stderr.write(`seeding one meter's year: ${QUARTERS_PER_YEAR} 15-minute buckets…\n`);
    await bench.db.query(
      `INSERT INTO readings_latest (sensor_id, node_id, gateway_id, quantity, unit, value, measured_at, received_at, tariff, source)
       VALUES ($1, 'dsmr:E0044007BENCH', 'bench-gw', 'energyImported', 'kWh', 12345.6, now(), now(), 1, '{"protocol":"dsmr"}')`,
      [SENSOR],
    );
    await bench.db.query(
      `INSERT INTO readings_buckets (sensor_id, bucket_width, bucket_start, quantity, unit, sample_count, delta)
       SELECT $1, '15m', to_timestamp($2::double precision / 1000) + i * interval '15 minutes', 'energyImported', 'kWh', 90, 0.05 + (i % 96) / 1000.0
       FROM generate_series(0, $3::int - 1) AS i`,
      [SENSOR, YEAR_START, QUARTERS_PER_YEAR],
    );
    // Hours and days as the projection writes them with every quarter: the series reads whole days through the 1d rows.
    for (const [width, size] of [
      ['1h', '1 hour'],
      ['1d', '24 hours'],
    ] as const) {
      await bench.db.query(
        `INSERT INTO readings_buckets (sensor_id, bucket_width, bucket_start, quantity, unit, sample_count, delta)
         SELECT sensor_id, $1, date_bin($2::interval, bucket_start, '1970-01-01T00:00:00Z'), quantity, unit, sum(sample_count), sum(delta)
           FROM readings_buckets WHERE sensor_id = $3 AND bucket_width = '15m' GROUP BY 1, 2, 3, 4, 5`,
        [width, size, SENSOR],
      );
    }
    await bench.db.query('ANALYZE readings_buckets');
    await direct.connect();
    const from = new Date(YEAR_START).toISOString();
    const to = new Date(YEAR_START + 365 * 86_400_000).toISOString();
    const path = `/api/readings/series?sensor=${encodeURIComponent(SENSOR)}&from=${from}&to=${to}&bucket=15m`;
    const rowsSql = `SELECT bucket_start, sample_count, delta FROM readings_buckets
                 WHERE sensor_id = $1 AND bucket_width = '15m' AND bucket_start >= $2 AND bucket_start < $3 ORDER BY bucket_start`;
    const viaPg: SqlExecutor = {
      query: async <Row>(text: string, params?: readonly unknown[]) =>
        (await pool.query(text, params as unknown[])).rows as Row[],
      insertRows: () => Promise.reject(new Error('not used')),
    };
    const sensor: SeriesSensor = {
      sensorId: SENSOR,
      nodeId: 'dsmr:E0044007BENCH',
      gatewayId: 'bench-gw',
      quantity: 'energyImported',
      unit: 'kWh',
      kind: 'counter',
    };
    const steal = stealMeter();
    const apiWindow = await startCpuWindow(bench.url);
    const client = await runSeriesClient({
      url: `${server.url}${path}`,
      headers: { authorization: `Bearer ${token}` },
      warmUp: WARM_UP,
      requests: options.requests,
    });
    if (client.points !== QUARTERS_PER_YEAR)
      throw new Error(`the API returned ${client.points} buckets, expected ${QUARTERS_PER_YEAR}`);
    const apiCpu = new CpuTally();
    // Every request the client sent: the warm-ups (the first renders every day) and both measured passes.
    apiCpu.add({ ...(await apiWindow.end()), loadUs: client.cpuMicros, units: WARM_UP + 2 * options.requests });
    const api = client.receivedMs;
    const apiParsed = client.parsedMs;
    // The baselines run after the API, each on its own, so that no phase collects another's garbage.
    const rowsWindow = await startCpuWindow(bench.url);
    const rows = await timed(options.requests, async () => {
      const result = await direct.query(rowsSql, [SENSOR, from, to]);
      if (result.rowCount !== QUARTERS_PER_YEAR) throw new Error(`direct query returned ${result.rowCount} rows`);
    });
    const rowsCpu = new CpuTally();
    rowsCpu.add({ ...(await rowsWindow.end()), units: options.requests });
    const sameSql = await timed(options.requests, async () => {
      let length = 0;
      for await (const page of bucketJsonPages(viaPg, sensor, '15m', { from, to }, BUCKET_JSON_PAGE_SIZE))
        length += page.length;
      if (length === 0) throw new Error('the series SQL returned no points');
    });
    const hostStealPercent = steal();
    const p99 = percentile(api, 99);
    const round = (value: number): number => Number(value.toFixed(2));
    return {
      bench: 'query',
      counts:
        `milliseconds per request: one meter's year of 15-minute buckets (${QUARTERS_PER_YEAR} points) through GET /api/readings/series, JSON, ` +
        `sequential from a separate client process (node:http, one keep-alive connection), after ${WARM_UP} warm-up requests (the first renders every whole day, ` +
        "stores it in readings_day_json and keeps it in the server's memory; later ones check each day's revision and send the kept text); " +
        'p50Ms/p99Ms until the whole body is received, withClientParse* also parse it into objects',
      requests: options.requests,
      p50Ms: round(percentile(api, 50)),
      p99Ms: round(p99),
      slowestMs: [...api]
        .sort((a, b) => b - a)
        .slice(0, 5)
        .map(round),
      firstRequestMs: round(client.firstMs),
      withClientParseP50Ms: round(percentile(apiParsed, 50)),
      withClientParseP99Ms: round(percentile(apiParsed, 99)),
      baseline:
        'the same bucket rows selected straight from Postgres with pg, parsed into row objects (no HTTP, no JSON text), same run, after the API',
      baselineP50Ms: round(percentile(rows, 50)),
      baselineP99Ms: round(percentile(rows, 99)),
      sameSqlBaseline:
        "the series SQL as a server without its day memory runs it (whole days read as stored by the warm-up requests' write-back, " +
        'the rest written as JSON text by Postgres), straight via a pg pool: no HTTP, no Nest, same run',
      sameSqlP50Ms: round(percentile(sameSql, 50)),
      sameSqlP99Ms: round(percentile(sameSql, 99)),
      targetP99Ms: 25,
      met: p99 < 25,
      hostStealPercent,
      hostSteal: STEAL_COUNTS,
      cpuCounts: CPU_COUNTS,
      cpuPerRequest: apiCpu.perUnit('request served (warm-ups and the parsing pass included)'),
      baselineCpuPerQuery: rowsCpu.perUnit('direct query (server = the pg client parsing rows)'),
    };
  } finally {
    await direct.end().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await server.close();
    await bench.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
