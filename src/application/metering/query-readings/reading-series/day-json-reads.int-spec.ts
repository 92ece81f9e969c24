import { describeEachBackend, openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { answers, COUNTER, GAUGE, joined, MAR, seedDays, seriesHandler } from '#test/fixtures/day-json.fixtures.js';
import { BOOTSTRAP_ADMIN } from '../../../../domain/access/principal.js';
import type { QueryReadingSeriesHandler } from './query-reading-series.handler.js';
import { QueryReadingSeries } from './query-reading-series.query.js';
import { DayJsonWriteBack } from './day-json-cache.sql.js';
import { RenderedDayMemory } from './rendered-day-memory.js';
import { bucketJsonPages } from './series-json.sql.js';

/** How stored days are read: from memory while their 1d revision holds, and whole days in one page. */
describeEachBackend('series JSON from remembered days and in pages on %s', (backendName) => {
  let backend: SqlBackend;

  beforeEach(async () => {
    backend = await openBackend(backendName, 'day-json-reads');
    await seedDays(backend.db);
  }, 30_000);
  afterEach(() => backend?.cleanup());

  const handler = (memory?: RenderedDayMemory): QueryReadingSeriesHandler => seriesHandler(backend!.db, memory);

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
});
