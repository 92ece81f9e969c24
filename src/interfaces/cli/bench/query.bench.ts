import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { loadRateLimit } from '../../../infrastructure/config/app-config.js';
import { startHttpServer } from '../../http/http-server.js';
import { openBenchSchema, percentile } from './bench-postgres.js';

const SENSOR = 'dsmr:E0044007BENCH/energyImported.t1';
const YEAR_START = Date.UTC(2025, 0, 1);
const QUARTERS_PER_YEAR = 365 * 96;

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * p99 of one meter's year of 15-minute buckets through the HTTP API (bearer auth, validation, query handler, JSON),
 * and side by side the same rows selected straight from Postgres with pg.
 */
export async function runQueryBench(options: { requests: number }): Promise<Record<string, unknown>> {
  const bench = await openBenchSchema();
  const dataDir = await mkdtemp(join(tmpdir(), 'wattlog-bench-query-'));
  const url = new URL(bench.url);
  url.searchParams.set('options', `-c search_path=${bench.schema}`);
  const token = 'q'.repeat(64);
  // The limiter stays in the measured path, with limits the bench never reaches unless the environment lowers them.
  const rateLimit = loadRateLimit({ WATTLOG_RATE_LIMIT_RPS: '1000000', WATTLOG_RATE_LIMIT_BURST: '1000000', ...process.env });
  const server = await startHttpServer(
    { storage: { store: 'postgres', databaseUrl: url.toString(), dataDir }, host: '127.0.0.1', port: 0, tls: null, adminToken: token, rateLimit },
    pino({ level: 'silent' }),
  );
  const direct = new pg.Client({ connectionString: url.toString() });
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
    await bench.db.query('ANALYZE readings_buckets');
    await direct.connect();
    const from = new Date(YEAR_START).toISOString();
    const to = new Date(YEAR_START + 365 * 86_400_000).toISOString();
    const path = `/api/readings/series?sensor=${encodeURIComponent(SENSOR)}&from=${from}&to=${to}&bucket=15m`;
    const sql = `SELECT bucket_start, sample_count, delta FROM readings_buckets
                 WHERE sensor_id = $1 AND bucket_width = '15m' AND bucket_start >= $2 AND bucket_start < $3 ORDER BY bucket_start`;
    const api: number[] = [];
    const db: number[] = [];
    let points = 0;
    for (let i = 0; i < options.requests + 10; i++) {
      const started = process.hrtime.bigint();
      const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { series?: { points: unknown[] }[] };
      if (response.status !== 200) throw new Error(`the API answered ${response.status}`);
      if (i >= 10) api.push(ms(started));
      points = body.series?.[0]?.points.length ?? 0;
      const sqlStarted = process.hrtime.bigint();
      const rows = await direct.query(sql, [SENSOR, from, to]);
      if (i >= 10) db.push(ms(sqlStarted));
      if (rows.rowCount !== QUARTERS_PER_YEAR) throw new Error(`direct query returned ${rows.rowCount} rows`);
    }
    if (points !== QUARTERS_PER_YEAR) throw new Error(`the API returned ${points} buckets, expected ${QUARTERS_PER_YEAR}`);
    const p99 = percentile(api, 99);
    return {
      bench: 'query',
      counts: `milliseconds per request: one meter's year of 15-minute buckets (${QUARTERS_PER_YEAR} points) through GET /api/readings/series, JSON, sequential, after 10 warm-up requests`,
      requests: options.requests,
      p50Ms: Number(percentile(api, 50).toFixed(2)),
      p99Ms: Number(p99.toFixed(2)),
      baseline: 'the same rows selected straight from Postgres with pg (no HTTP, no JSON encoding), same run',
      baselineP50Ms: Number(percentile(db, 50).toFixed(2)),
      baselineP99Ms: Number(percentile(db, 99).toFixed(2)),
      targetP99Ms: 25,
      met: p99 < 25,
    };
  } finally {
    await direct.end().catch(() => undefined);
    await server.close();
    await bench.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
