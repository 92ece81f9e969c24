import { describeEachBackend, openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import {
  answers,
  COUNTER,
  GAUGE,
  joined,
  MAR,
  seedDays,
  seriesHandler,
  storedDays as storedDayKeys,
} from '#test/fixtures/day-json.fixtures.js';
import { BOOTSTRAP_ADMIN } from '../../../../domain/access/principal.js';
import type { QueryReadingSeriesHandler } from './query-reading-series.handler.js';
import { QueryReadingSeries } from './query-reading-series.query.js';
import { DayJsonWriteBack } from './day-json-cache.sql.js';
import type { RenderedDayMemory } from './rendered-day-memory.js';
import { bucketJsonPages } from './series-json.sql.js';

/** Stored days answer exactly as the row path does, are kept only while their 1d revision holds, and never fail a read. */
describeEachBackend('series JSON from stored days on %s', (backendName) => {
  let backend: SqlBackend;

  // One database for the file: the tests change only the stored days, which each starts without.
  beforeAll(async () => {
    backend = await openBackend(backendName, 'day-json');
    await seedDays(backend.db);
  }, 30_000);
  beforeEach(async () => {
    await backend.db.query('DELETE FROM readings_day_json');
  });
  afterAll(() => backend?.cleanup());

  const handler = (memory?: RenderedDayMemory): QueryReadingSeriesHandler => seriesHandler(backend!.db, memory);
  const storedDays = (): Promise<string[]> => storedDayKeys(backend!.db);

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
