import { describeProjection } from '#test/support/projection-spec.js';
import { echoDecoders } from '#test/support/echo-decoder.js';
import { CollectingAccessRecorder, fixedScopePolicy } from '#test/support/fixed-scope-policy.js';
import { BOOTSTRAP_ADMIN } from '../../../../domain/access/principal.js';
import { aReading, aReadingsReported, type ReadingSpec } from '#test/fixtures/readings-events.fixtures.js';
import { readingsProjection } from '../../readings-read-model/readings.projection.js';
import { QueryReadingSeriesHandler } from './query-reading-series.handler.js';
import { QueryReadingSeries } from './query-reading-series.query.js';

const projection = readingsProjection({ decoders: echoDecoders });
const POWER = aReading({ quantity: 'power', value: 0, measuredAt: '2024-05-01T00:00:00.000Z' }).sensorId;
const ENERGY = aReading({ quantity: 'energyImported', value: 0, measuredAt: '2024-05-01T00:00:00.000Z' }).sensorId;
const FROM = '2024-05-01T00:00:00.000Z';
const TO = '2024-05-04T00:00:00.000Z';
const WIDTHS = ['15m', '1h'] as const;

/** Three days of power and meter readings every ten minutes, 48 readings of each per frame. */
function threeDays(): ReadingSpec[][] {
  const frames: ReadingSpec[][] = [];
  for (let i = 0; i < 432; i += 48) {
    frames.push(
      Array.from({ length: 48 }, (_, k) => {
        const measuredAt = new Date(Date.parse(FROM) + (i + k) * 600_000).toISOString();
        const n = i + k;
        return [
          { quantity: 'power', value: 100 + ((n * 37) % 250), measuredAt },
          { quantity: 'energyImported', value: 1000 + n * 0.125, measuredAt },
        ] as const;
      }).flat(),
    );
  }
  return frames;
}

describeProjection('stored series days under projection writes', projection, (spec) => {
  let sequence = 0;
  beforeEach(async () => {
    for (const frame of threeDays()) await report(...frame);
    await project();
  }, 30_000);

  async function report(...readings: ReadingSpec[]): Promise<void> {
    sequence += 1;
    await spec.given('readings-g1', [aReadingsReported('g1', sequence, readings.map(aReading))]);
  }
  const project = async (): Promise<void> => {
    await spec.project({ batchSize: 1000 });
  };
  const handler = (): QueryReadingSeriesHandler =>
    new QueryReadingSeriesHandler(spec.backend.db, fixedScopePolicy({ kind: 'all' }), new CollectingAccessRecorder());

  /** Per sensor and width: the JSON answer, and the row path's points as JSON.stringify writes them. */
  async function answers(h: QueryReadingSeriesHandler): Promise<{ json: string[]; rows: string[] }> {
    const json: string[] = [];
    const rows: string[] = [];
    for (const bucket of WIDTHS) {
      const series = await h.execute(
        new QueryReadingSeries(BOOTSTRAP_ADMIN, { sensorIds: [POWER, ENERGY], from: FROM, to: TO, bucket }),
      );
      for (const sensor of series.sensors) {
        const chunks: string[] = [];
        for await (const chunk of series.jsonPages(sensor)) chunks.push(chunk);
        json.push(chunks.join(','));
        const points: string[] = [];
        for await (const page of series.pages(sensor)) points.push(...page.map((point) => JSON.stringify(point)));
        rows.push(points.join(','));
      }
    }
    return { json, rows };
  }
  const storedCount = async (): Promise<number> =>
    Number((await spec.backend.db.query<{ n: number }>('SELECT count(*)::int AS n FROM readings_day_json'))[0]?.n);

  it('Given stored days, When readings land in one of them, in order or late, Then the next answers hold them', async () => {
    const h = handler();
    const before = await answers(h);
    await h.dayWrites.settled();
    expect(await storedCount()).toBe(3 * 2 * 2);
    expect((await answers(h)).json).toEqual(before.rows);
    // A power peak merges into its buckets; a late meter reading between two stored ones recomputes them.
    await report(
      { quantity: 'power', value: 5000, measuredAt: '2024-05-02T12:03:00.000Z' },
      { quantity: 'energyImported', value: 1000, measuredAt: '2024-05-02T08:07:00.000Z' },
    );
    await project();
    const after = await answers(h);
    expect(after.json).toEqual(after.rows);
    after.rows.forEach((rows, i) => expect(rows).not.toBe(before.rows[i]));
    await h.dayWrites.settled();
    expect((await answers(h)).json).toEqual(after.rows);
  });

  it('Given stored days, When the projection is replayed, Then the days start empty, and one rendered from the old tables is not served', async () => {
    const b = spec.backend;
    const h = handler();
    const { rows } = await answers(h);
    await h.dayWrites.settled();
    const old = await b.db.query<{ sensor_id: string; bucket_width: string; day: string; revision: string }>(
      `SELECT sensor_id, bucket_width, to_char(day AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS day, revision::text AS revision FROM readings_day_json`,
    );
    await spec.rebuild({ batchSize: 1000 });
    expect(await storedCount()).toBe(0);
    // A write-back of a render from before the swap, landing after it.
    for (const row of old) {
      await b.db.query(
        `INSERT INTO readings_day_json (sensor_id, bucket_width, day, revision, points) VALUES ($1, $2, $3, $4, '{"t":"old"}')`,
        [row.sensor_id, row.bucket_width, row.day, row.revision],
      );
    }
    expect((await answers(h)).json).toEqual(rows);
    await h.dayWrites.settled();
    expect(await storedCount()).toBe(3 * 2 * 2);
    expect((await answers(h)).json).toEqual(rows);
  });
});
