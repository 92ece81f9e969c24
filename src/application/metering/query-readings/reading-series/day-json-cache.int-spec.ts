import { describeEachBackend, openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { aReading, insertBuckets, insertLatest, type BucketRow } from '#test/fixtures/readings-read-model.fixtures.js';
import { CollectingAccessRecorder, fixedScopePolicy } from '#test/support/fixed-scope-policy.js';
import { BOOTSTRAP_ADMIN } from '../../../../domain/access/principal.js';
import { QueryReadingSeriesHandler } from './query-reading-series.handler.js';
import { QueryReadingSeries } from './query-reading-series.query.js';
import { DayJsonWriteBack } from './day-json-cache.sql.js';
import { RenderedDayMemory } from './rendered-day-memory.js';
import { bucketJsonPages } from './series-json.sql.js';

const COUNTER = 'dsmr:J/energyImported.t1';
const GAUGE = 'dsmr:J/power';
const QUARTER = 15 * 60_000;
const MAR = (day: number, hour = 0, minute = 0): string => new Date(Date.UTC(2025, 2, day, hour, minute)).toISOString();

/** Where Postgres prints doubles differently from JavaScript; 1.2e17 and 1e20 only JavaScript prints right. */
const EDGES = [
  0,
  -0,
  1,
  -1,
  0.1 + 0.2,
  1 / 3,
  -123.456,
  1e-4,
  9.999e-5,
  1e-5,
  -1e-5,
  1e-6,
  9.99e-7,
  1e-7,
  1.5e-10,
  5e-324,
  2.2250738585072014e-308,
  1e15,
  -1e15,
  999999999999999.9,
  123456789012345680,
  1e20,
  1e21,
  1.25e21,
  -4.5e100,
  1.7976931348623157e308,
];

/** Doubles whose every printed form (value, -value, 3 × value, value / count) Postgres prints as JavaScript does. */
const printedAlike = (v: number): boolean =>
  [v, 3 * v, ...[1, 2, 3, 4, 5, 6].map((c) => v / c)].every((x) => !(Math.abs(x) >= 2 ** 53 && Math.abs(x) < 1e21));

function spread(n: number): number[] {
  let state = 777;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, () => (next() - 0.5) * 10 ** Math.floor(next() * 60 - 30));
}

/** One sensor pair's quarters from `start`, one value each. */
function quarters(startIso: string, values: readonly number[]): BucketRow[] {
  return values.flatMap((v, i) => {
    const base = {
      width: '15m' as const,
      start: new Date(Date.parse(startIso) + i * QUARTER).toISOString(),
      count: i % 7,
    };
    return [
      { ...base, sensorId: COUNTER, quantity: 'energyImported', unit: 'kWh', delta: v },
      { ...base, sensorId: GAUGE, quantity: 'power', unit: 'W', sum: v, min: -v, max: v * 3 },
    ];
  });
}

/** The 1d rows the projection writes with every quarter; only their revision matters to the series. */
function days(...dayNumbers: number[]): BucketRow[] {
  return dayNumbers.flatMap((d) => [
    {
      sensorId: COUNTER,
      width: '1d' as const,
      start: MAR(d),
      quantity: 'energyImported',
      unit: 'kWh',
      count: 1,
      delta: 1,
    },
    {
      sensorId: GAUGE,
      width: '1d' as const,
      start: MAR(d),
      quantity: 'power',
      unit: 'W',
      count: 1,
      sum: 1,
      min: 1,
      max: 1,
    },
  ]);
}

async function joined(chunks: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts.join(',');
}

describeEachBackend('series JSON from stored days on %s', (backendName) => {
  let backend: SqlBackend;
  const exact = [...EDGES, ...spread(400)].filter(printedAlike);

  beforeEach(async () => {
    backend = await openBackend(backendName, 'day-json');
    await insertLatest(backend.db, [
      aReading({ sensorId: COUNTER, quantity: 'energyImported', unit: 'kWh' }),
      aReading({ sensorId: GAUGE }),
    ]);
    // Mar 2: values only the row path prints right. Mar 3-4: printed alike, with NaN, ±Infinity and missing values on
    // Mar 4. Mar 5: the morning only. Mar 6: quarters without a 1d bucket, which the projection never writes.
    await insertBuckets(backend.db, [
      ...quarters(MAR(2), EDGES),
      ...quarters(MAR(3), exact.slice(0, 96)),
      ...quarters(MAR(4), exact.slice(96, 190)),
      ...quarters(MAR(5), exact.slice(200, 240)),
      ...quarters(MAR(6), exact.slice(240, 260)),
      ...days(2, 3, 4, 5),
    ]);
    const db = backend.db;
    await db.query(
      `UPDATE readings_buckets SET delta = 'NaN', value_sum = 'NaN', value_min = 'Infinity', value_max = '-Infinity' WHERE bucket_start = $1`,
      [MAR(4, 23, 30)],
    );
    await db.query(
      `UPDATE readings_buckets SET delta = NULL, value_sum = NULL, value_min = NULL, value_max = NULL WHERE bucket_start = $1`,
      [MAR(4, 23, 45)],
    );
  }, 30_000);
  afterEach(() => backend?.cleanup());

  /** Without memory unless given one: these specs are about the stored days. */
  const handler = (memory = new RenderedDayMemory(0)): QueryReadingSeriesHandler =>
    new QueryReadingSeriesHandler(
      backend!.db,
      fixedScopePolicy({ kind: 'all' }),
      new CollectingAccessRecorder(),
      memory,
    );

  /** The JSON answer and the row path's points (JSON.stringify of each) for one sensor. */
  async function answers(
    h: QueryReadingSeriesHandler,
    sensorId: string,
    from: string,
    to: string,
  ): Promise<{ json: string; rows: string }> {
    const series = await h.execute(
      new QueryReadingSeries(BOOTSTRAP_ADMIN, { sensorIds: [sensorId], from, to, bucket: '15m' }),
    );
    const sensor = series.sensors[0]!;
    const rows: string[] = [];
    for await (const page of series.pages(sensor)) rows.push(...page.map((point) => JSON.stringify(point)));
    return { json: await joined(series.jsonPages(sensor)), rows: rows.join(',') };
  }

  const storedDays = async (): Promise<string[]> =>
    (
      await backend!.db.query<{ d: string }>(
        `SELECT sensor_id || ' ' || to_char(day AT TIME ZONE 'UTC', 'DD') AS d FROM readings_day_json ORDER BY 1`,
      )
    ).map((r) => r.d);

  const RANGES: [string, string, string][] = [
    ['midnight to midnight', MAR(1), MAR(8)],
    ['from and to inside days', MAR(2, 6, 15), MAR(5, 10, 30)],
    ['one whole day', MAR(3), MAR(4)],
    ['no whole day', MAR(3, 5), MAR(4, 3)],
    ['a day with a non-finite value and the morning after', MAR(4, 12), MAR(6)],
  ];

  it.each(RANGES)('answers %s as the row path does, rendered and then stored', async (_name, from, to) => {
    const h = handler();
    for (const sensorId of [COUNTER, GAUGE]) {
      const rendered = await answers(h, sensorId, from, to);
      expect(rendered.json.length).toBeGreaterThan(0);
      expect(rendered.json).toBe(rendered.rows);
      await h.dayWrites.settled();
      const stored = await answers(h, sensorId, from, to);
      expect(stored.json).toBe(rendered.rows);
    }
  });

  it('stores the whole days it rendered, except those only JavaScript prints right and those without a 1d bucket', async () => {
    const h = handler();
    await answers(h, COUNTER, MAR(1), MAR(8));
    await answers(h, GAUGE, MAR(2, 6), MAR(5, 12));
    await h.dayWrites.settled();
    expect(await storedDays()).toEqual([
      `${COUNTER} 03`,
      `${COUNTER} 04`,
      `${COUNTER} 05`,
      `${GAUGE} 03`,
      `${GAUGE} 04`,
    ]);
  });

  it('serves a stored day while its revision is the 1d bucket’s, and ignores it under any other revision', async () => {
    const h = handler();
    const { rows } = await answers(h, COUNTER, MAR(3), MAR(5));
    await h.dayWrites.settled();
    const db = backend.db;
    const marker = '{"t":"stored"}';
    await db.query(`UPDATE readings_day_json SET points = $1 WHERE day = $2`, [marker, MAR(3)]);
    expect((await answers(h, COUNTER, MAR(3), MAR(5))).json.startsWith(`${marker},`)).toBe(true);
    for (const shift of [1, -1]) {
      await db.query(`UPDATE readings_day_json SET points = $1, revision = revision + $2 WHERE day = $3`, [
        marker,
        shift,
        MAR(3),
      ]);
      expect((await answers(h, COUNTER, MAR(3), MAR(5))).json).toBe(rows);
      await h.dayWrites.settled();
      // The render replaced the row, whichever side of the current revision it was on.
      expect(
        (await db.query<{ points: string }>(`SELECT points FROM readings_day_json WHERE day = $1`, [MAR(3)]))[0]
          ?.points,
      ).not.toBe(marker);
    }
  });

  it('serves days from memory while their 1d revision holds, and a changed day from the database at once', async () => {
    const db = backend.db;
    const memory = new RenderedDayMemory();
    const h = handler(memory);
    const { rows } = await answers(h, COUNTER, MAR(3), MAR(5));
    // Mar 3 and 4 are held in memory now; the stored copies are replaced with a marker no answer may show.
    await h.dayWrites.settled();
    expect(memory.size).toBeGreaterThan(0);
    const marker = '{"t":"stored"}';
    await db.query(`UPDATE readings_day_json SET points = $1`, [marker]);
    expect((await answers(h, COUNTER, MAR(3), MAR(5))).json).toBe(rows);
    // What another process's projection does to Mar 3: a quarter changes, and its 1d bucket takes a new revision.
    await db.query(
      `UPDATE readings_buckets SET delta = 42.5 WHERE sensor_id = $1 AND bucket_width = '15m' AND bucket_start = $2`,
      [COUNTER, MAR(3, 6)],
    );
    await db.query(
      `UPDATE readings_buckets SET revision = nextval('readings_bucket_revisions') WHERE sensor_id = $1 AND bucket_width = '1d' AND bucket_start = $2`,
      [COUNTER, MAR(3)],
    );
    const changed = await answers(h, COUNTER, MAR(3), MAR(5));
    expect(changed.json).toBe(changed.rows);
    expect(changed.json).not.toBe(rows);
    expect(changed.json).toContain('"delta":42.5');
    // Mar 4 still comes from memory: its stored text is the marker.
    expect(changed.json).not.toContain(marker);
    // A handler without that memory reads the stored days, markers included: the memory was what answered above.
    expect((await answers(handler(), COUNTER, MAR(4), MAR(5))).json).toBe(marker);
  });

  it('reads whole days in one go whatever the page size, pages the partial days, and yields no empty page', async () => {
    const db = backend.db;
    const sensor = (
      await handler().execute(
        new QueryReadingSeries(BOOTSTRAP_ADMIN, { sensorIds: [GAUGE], from: MAR(1), to: MAR(8), bucket: '15m' }),
      )
    ).sensors[0]!;
    const writeBack = new DayJsonWriteBack(db);
    const pagesOf = async (range: { from: string; to: string }, pageSize: number): Promise<string[]> => {
      const pages: string[] = [];
      for await (const page of bucketJsonPages(db, sensor, '15m', range, pageSize, { writeBack })) pages.push(page);
      await writeBack.settled();
      return pages;
    };
    const week = { from: MAR(1), to: MAR(8) };
    const expected = await joined(bucketJsonPages(db, sensor, '15m', week, 10_000));
    const wholeDays = await pagesOf(week, 10_000);
    expect(wholeDays.join(',')).toBe(expected);
    for (const pageSize of [7, 96]) expect(await pagesOf(week, pageSize)).toEqual(wholeDays);
    // Mar 5 as a whole day, then the morning of Mar 6 (20 quarters from midnight) in windows of the page size.
    const withTail = { from: MAR(5), to: MAR(6, 12) };
    const tailExpected = await joined(bucketJsonPages(db, sensor, '15m', withTail, 10_000));
    for (const [pageSize, pages] of [
      [7, 1 + 3],
      [96, 1 + 1],
    ] as const) {
      const answer = await pagesOf(withTail, pageSize);
      expect(answer.join(',')).toBe(tailExpected);
      expect(answer).toHaveLength(pages);
      expect(answer.every((page) => page.length > 0)).toBe(true);
    }
  });

  it('answers after a failed write-back, which never rejects', async () => {
    const db = backend.db;
    const failing = {
      query: () => Promise.reject(new Error('read-only')),
      insertRows: () => Promise.reject(new Error('read-only')),
    };
    const writeBack = new DayJsonWriteBack(failing);
    writeBack.store(COUNTER, '15m', [{ day: MAR(3), revision: '1', points: '{}' }]);
    await expect(writeBack.settled()).resolves.toBeUndefined();
    expect(await storedDays()).toEqual([]);
    const sensor = (
      await handler().execute(
        new QueryReadingSeries(BOOTSTRAP_ADMIN, { sensorIds: [COUNTER], from: MAR(3), to: MAR(4), bucket: '15m' }),
      )
    ).sensors[0]!;
    expect(
      (await joined(bucketJsonPages(db, sensor, '15m', { from: MAR(3), to: MAR(4) }, 10_000, { writeBack }))).length,
    ).toBeGreaterThan(0);
  });
});
