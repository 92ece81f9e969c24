import { describeEachBackend, openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import {
  aReading,
  ensureReadingsReadModel,
  insertBuckets,
  insertLatest,
  type BucketRow,
} from '#test/fixtures/readings-read-model.fixtures.js';
import { DOUBLE_EDGES } from '#test/fixtures/double-edges.fixtures.js';
import { CollectingAccessRecorder, fixedScopePolicy } from '#test/support/fixed-scope-policy.js';
import { BOOTSTRAP_ADMIN } from '../../../../domain/access/principal.js';
import { QueryReadingSeriesHandler } from './query-reading-series.handler.js';
import { QueryReadingSeries, type ReadingSeries, type SeriesSensor } from './query-reading-series.query.js';
import { bucketJsonPages } from './series-json.sql.js';

const ALL = fixedScopePolicy({ kind: 'all' });
const COUNTER = 'dsmr:J/energyImported.t1';
const GAUGE = 'dsmr:J/power';
const T0 = Date.UTC(2025, 2, 1);
const QUARTER = 15 * 60 * 1000;

const EDGES = DOUBLE_EDGES;

/** A deterministic spread of doubles over many magnitudes (a linear congruential generator, no Math.random). */
function spread(n: number): number[] {
  let state = 12345;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, () => (next() - 0.5) * 10 ** Math.floor(next() * 60 - 30));
}

function rowsFor(values: readonly number[]): BucketRow[] {
  return values.flatMap((v, i) => {
    const start = new Date(T0 + i * QUARTER).toISOString();
    const base = { width: '15m' as const, start, count: i % 7 };
    return [
      { ...base, sensorId: COUNTER, quantity: 'energyImported', unit: 'kWh', delta: v },
      { ...base, sensorId: GAUGE, quantity: 'power', unit: 'W', sum: v, min: -v, max: v * 3 },
    ];
  });
}

async function joined(chunks: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts.join(',');
}

/** The first point where two joined texts differ (null when equal), so that a failure shows one point, not 400. */
function firstDifference(
  actual: string,
  expected: string,
): { index: number; actual?: string; expected?: string } | null {
  const a = actual.split('},{');
  const e = expected.split('},{');
  const index = a.findIndex((point, i) => point !== e[i]);
  if (index < 0 && a.length === e.length) return null;
  const at = index < 0 ? a.length : index;
  return { index: at, actual: a[at], expected: e[at] };
}

async function pointsJson(series: ReadingSeries, sensor: SeriesSensor): Promise<string> {
  const parts: string[] = [];
  for await (const page of series.pages(sensor)) parts.push(...page.map((point) => JSON.stringify(point)));
  return parts.join(',');
}

describeEachBackend('series JSON built by the database on %s', (backendName) => {
  let backend: SqlBackend;
  const values = [...EDGES, ...spread(400)];

  beforeAll(async () => {
    backend = await openBackend(backendName, 'series-json');
    await ensureReadingsReadModel(backend.db);
    await insertLatest(backend.db, [
      aReading({ sensorId: COUNTER, quantity: 'energyImported', unit: 'kWh' }),
      aReading({ sensorId: GAUGE }),
    ]);
    await insertBuckets(backend.db, rowsFor(values));
    // Values JSON cannot hold, and missing ones: JSON.stringify writes null for all of them.
    const after = values.length;
    await insertBuckets(
      backend.db,
      rowsFor([0, 0]).map((row, i) => ({ ...row, start: new Date(T0 + (after + (i >> 1)) * QUARTER).toISOString() })),
    );
    const at = (k: number): string => new Date(T0 + (after + k) * QUARTER).toISOString();
    await backend.db.query(
      `UPDATE readings_buckets SET delta = 'NaN', value_sum = 'NaN', value_min = 'Infinity', value_max = '-Infinity' WHERE bucket_start = $1`,
      [at(0)],
    );
    await backend.db.query(
      `UPDATE readings_buckets SET delta = NULL, value_sum = NULL, value_min = NULL, value_max = NULL WHERE bucket_start = $1`,
      [at(1)],
    );
  }, 30_000);
  afterAll(() => backend?.cleanup());

  const seriesOf = (sensorIds: string[]): Promise<ReadingSeries> =>
    new QueryReadingSeriesHandler(backend!.db, ALL, new CollectingAccessRecorder()).execute(
      new QueryReadingSeries(BOOTSTRAP_ADMIN, {
        sensorIds,
        from: new Date(T0).toISOString(),
        to: new Date(T0 + 30 * 86_400_000).toISOString(),
        bucket: '15m',
      }),
    );

  it.each([COUNTER, GAUGE])('writes the points of %s exactly as JSON.stringify does', async (sensorId) => {
    const series = await seriesOf([sensorId]);
    const sensor = series.sensors[0]!;
    const expected = await pointsJson(series, sensor);
    expect(expected.split('},{')).toHaveLength(values.length + 2);
    expect(firstDifference(await joined(series.jsonPages(sensor)), expected)).toBeNull();
  });

  it('pages without losing or repeating a point at the page edges', async () => {
    const series = await seriesOf([GAUGE, COUNTER]);
    for (const sensor of series.sensors) {
      const range = { from: series.from, to: series.to };
      expect(
        firstDifference(
          await joined(bucketJsonPages(backend.db, sensor, '15m', range, 7)),
          await pointsJson(series, sensor),
        ),
      ).toBeNull();
    }
  });
});
