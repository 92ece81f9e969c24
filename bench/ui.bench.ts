import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadRateLimit } from '../src/infrastructure/config/app-config.js';
import { ensureHttpsCredentials } from '../src/infrastructure/tls/self-signed-certificate.js';
import { startHttpServer } from '../src/interfaces/http/http-server.js';
import { webRoot } from '../src/interfaces/web/serve-web-ui.js';
import { openBenchSchema, percentile } from './bench-postgres.js';
import { CPU_COUNTS, CpuTally, descendantsCpuMicros, startCpuWindow } from './cpu-per-unit.js';
import { STEAL_COUNTS, stealMeter } from './host-steal.js';

const GATEWAY = 'gw-bench-ui';
const SENSOR = 'dsmr:bench-ui/power';
const WARM_UP = 2;
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => !!path && existsSync(path),
);

/** What index.html loads before any page chunk (its script and module preloads), gzipped at level 9. */
export function initialJavaScript(root: string): { files: string[]; gzipBytes: number; rawBytes: number } {
  const index = readFileSync(join(root, 'index.html'), 'utf8');
  const files = [...index.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(root, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
}

interface Load {
  /** Navigation start to the chart's first draw (ms). */
  readonly drawn: number;
  /** Navigation start to the last byte of the series answer: the same data fetched by the page, not drawn. */
  readonly fetched: number;
  /** When the page asked for the series, and how long the answer took to arrive. */
  readonly asked: number;
  readonly answered: number;
  /** The chart's own time, from the data handed to it to the drawn canvas. */
  readonly render: number;
  readonly points: number;
}

async function oneLoad(page: Page, url: string): Promise<Load> {
  await page.goto(url, { waitUntil: 'commit' });
  const chart = page.locator('.chart[data-drawn-at]');
  await chart.waitFor({ timeout: 30_000 });
  const drawn = Number(await chart.getAttribute('data-drawn-at'));
  const render = Number(await chart.getAttribute('data-render-ms'));
  const points = Number(await chart.getAttribute('data-points'));
  const { fetched, asked, answered } = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as unknown as {
      name: string;
      startTime: number;
      responseEnd: number;
    }[];
    const series = entries.filter((e) => e.name.includes('/api/readings/series'));
    const last = series.reduce((a, b) => (b.responseEnd > a.responseEnd ? b : a));
    return { fetched: last.responseEnd, asked: last.startTime, answered: last.responseEnd - last.startTime };
  });
  return { drawn, fetched, asked, answered, render, points };
}

/**
 * Navigation to a drawn chart of one meter's year of 15-minute buckets (35,040 points) in Debian's Chromium, against
 * the real server on the configured Postgres, signed in through the refresh cookie as a returning user is. Beside it,
 * in the same loads, the floor: when the page had the same series fully fetched (Resource Timing), before parsing
 * and drawing. Also the shell's initial JavaScript, gzipped.
 */
export async function runUiBench(options: { loads: number }): Promise<Record<string, unknown>> {
  const root = webRoot();
  if (!root) throw new Error('the UI is not built: run `npm run build:web` (or `npm run build`) first');
  if (!CHROMIUM) throw new Error('no Chromium found (set CHROMIUM_PATH or apt-get install chromium)');
  const shell = initialJavaScript(root);
  const bench = await openBenchSchema();
  const dataDir = await mkdtemp(join(tmpdir(), 'wattlog-bench-ui-'));
  const url = new URL(bench.url);
  url.searchParams.set('options', `-c search_path=${bench.schema}`);
  const token = 'u'.repeat(64);
  const logger = pino({ level: 'silent' });
  const tls = await ensureHttpsCredentials({ dataDir }, logger);
  const server = await startHttpServer(
    {
      storage: { store: 'postgres', databaseUrl: url.toString(), dataDir },
      host: '127.0.0.1',
      port: 0,
      tls: { key: tls.key, cert: tls.cert },
      adminToken: token,
      rateLimit: loadRateLimit({ WATTLOG_RATE_LIMIT_RPS: '1000000', WATTLOG_RATE_LIMIT_BURST: '1000000' }),
    },
    logger,
  );
  let browser: Browser | undefined;
  try {
    const email = `bench-${randomUUID().slice(0, 8)}@example.org`;
    const password = `pw-${randomUUID()}`;
    const { userId } = (await api(server.url, tls.cert, token, 'POST', '/api/users', {
      email,
      displayName: 'bench',
      role: 'user',
      password,
    })) as { userId: string };
    await seed(server, userId);
    // The user's own view of the sensor list, as the page asks it, shows the meter once the read models have it.
    const { accessToken } = (await api(server.url, tls.cert, token, 'POST', '/api/auth/login', {
      email,
      password,
    })) as {
      accessToken: string;
    };
    const deadline = Date.now() + 30_000;
    for (;;) {
      const page = (await api(server.url, tls.cert, accessToken, 'GET', '/api/sensors?limit=10', undefined)) as {
        items: { sensorId: string }[];
      };
      if (page.items.some((s) => s.sensorId === SENSOR)) break;
      if (Date.now() > deadline) throw new Error('the seeded meter did not reach the read models');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-dev-shm-usage', '--no-first-run'],
    });
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Now', level: 1 }).waitFor();
    const target = `${server.url}/sensors/${encodeURIComponent(SENSOR)}?range=1y&bucket=15m`;
    const loads: Load[] = [];
    const steal = stealMeter();
    for (let i = 0; i < WARM_UP; i++) await oneLoad(page, target);
    const cpuWindow = await startCpuWindow(bench.url);
    const browserCpuBefore = descendantsCpuMicros();
    for (let i = 0; i < options.loads; i++) loads.push(await oneLoad(page, target));
    const cpu = new CpuTally();
    cpu.add({ ...(await cpuWindow.end()), loadUs: descendantsCpuMicros() - browserCpuBefore, units: options.loads });
    const round = (v: number) => Math.round(v);
    const drawn = loads.map((l) => l.drawn);
    const fetched = loads.map((l) => l.fetched);
    return {
      bench: 'ui',
      chromium: browser.version(),
      loads: loads.length,
      points: loads[0]?.points ?? 0,
      drawnP50Ms: round(percentile(drawn, 50)),
      drawnP99Ms: round(percentile(drawn, 99)),
      floorFetchedP50Ms: round(percentile(fetched, 50)),
      floorFetchedP99Ms: round(percentile(fetched, 99)),
      seriesAskedAtP50Ms: round(
        percentile(
          loads.map((l) => l.asked),
          50,
        ),
      ),
      seriesAnswerP50Ms: round(
        percentile(
          loads.map((l) => l.answered),
          50,
        ),
      ),
      chartRenderP50Ms: round(
        percentile(
          loads.map((l) => l.render),
          50,
        ),
      ),
      targetP99Ms: 1000,
      shellInitialJsGzipKB: Number((shell.gzipBytes / 1024).toFixed(1)),
      shellInitialJsKB: Number((shell.rawBytes / 1024).toFixed(1)),
      shellInitialJsFiles: shell.files.join(' '),
      targetShellGzipKB: 100,
      hostStealPercent: steal(),
      hostSteal: STEAL_COUNTS,
      // Runnable processes per core while measuring: above 1 the page, Chromium and the server wait for a CPU.
      loadPerCore: Number((loadavg()[0]! / cpus().length).toFixed(1)),
      cpuCounts: `${CPU_COUNTS}; load = Chromium, every process of it`,
      cpuPerPageLoad: cpu.perUnit('page load to a drawn chart'),
    };
  } finally {
    await browser?.close();
    await server.close();
    await bench.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The meter (owned by the user, so its page shows it) and a year and an hour of 15-minute buckets up to now. */
async function seed(server: Awaited<ReturnType<typeof startHttpServer>>, ownerId: string): Promise<void> {
  const at = new Date().toISOString();
  await server.storage.eventStore.append(
    `gateway-${GATEWAY}`,
    [
      {
        id: randomUUID(),
        type: 'GatewayRegistered',
        data: {
          gatewayId: GATEWAY,
          name: GATEWAY,
          networkType: 'dsmr',
          address: 'serial',
          description: '',
          location: { lat: 0, lon: 0, label: '' },
          ownerId,
          keyFingerprint: 'aaaaaaaaaaaaaaaa',
          registeredAt: at,
        },
        metadata: {},
      },
    ],
    { expectedRevision: 'no_stream' },
  );
  await server.storage.eventStore.append(
    `readings-${GATEWAY}`,
    [
      {
        id: randomUUID(),
        type: 'ReadingsReported',
        data: {
          gatewayId: GATEWAY,
          sequence: 0,
          networkType: 'dsmr',
          receivedAt: at,
          readings: [
            {
              sensorId: SENSOR,
              nodeId: 'dsmr:bench-ui',
              gatewayId: GATEWAY,
              quantity: 'power',
              unit: 'W',
              value: 500,
              measuredAt: at,
              source: { protocol: 'dsmr', field: 'power' },
            },
          ],
        },
        metadata: { schemaVersion: 2 },
      },
    ],
    { expectedRevision: 'no_stream' },
  );
  await server.storage.readModels.query(
    `INSERT INTO readings_buckets (sensor_id, bucket_width, bucket_start, quantity, unit, sample_count, value_sum, value_min, value_max, delta)
     SELECT $1, '15m', t, 'power', 'W', 15, 15 * (400 + 300 * sin(extract(epoch FROM t) / 43200)), 300 + 300 * sin(extract(epoch FROM t) / 43200), 700 + 300 * sin(extract(epoch FROM t) / 43200), NULL
     FROM generate_series(date_trunc('hour', now()) - interval '8761 hours', date_trunc('hour', now()) + interval '45 minutes', interval '15 minutes') AS t
     ON CONFLICT DO NOTHING`,
    [SENSOR],
  );
}

async function api(
  base: string,
  ca: string,
  token: string,
  method: string,
  path: string,
  body: unknown,
): Promise<unknown> {
  const { request } = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method, ca, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          (res.statusCode ?? 0) < 300 ? resolve(JSON.parse(text)) : reject(new Error(`${path}: ${text}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
