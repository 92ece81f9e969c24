import {
  aReading,
  insertBuckets,
  insertLatest,
  insertRaw,
  startReadingsApi,
  type BucketRow,
  type RawRow,
  type ReadingsApi,
} from '#test/fixtures/readings-read-model.fixtures.js';

const TOKEN = 'q'.repeat(64);
const POWER = 'zigbee:0xabc/1/power';
const ENERGY = 'zigbee:0xabc/1/energyImported';
const ODD = 'zigbee2mqtt:gw-1/desk "lamp", left/power';
const DENSE = 'modbus:gw-1/sdm/1/power';
const MIN = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const T0 = Date.parse('2025-03-01T00:00:00Z');

interface Series<P> {
  bucket: string;
  from: string;
  to: string;
  missing: string[];
  series: { sensorId: string; quantity: string; unit: string; kind: string; points: P[] }[];
}

describe('GET /api/readings/series', () => {
  let api: ReadingsApi;
  const q = (params: Record<string, string | string[]>): string =>
    Object.entries(params)
      .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}=${encodeURIComponent(x)}`))
      .join('&');
  const series = (params: Record<string, string | string[]>, headers?: Record<string, string>) =>
    api.get(`/api/readings/series?${q(params)}`, headers);
  const json = async <P>(params: Record<string, string | string[]>): Promise<Series<P>> => {
    const response = await series(params);
    expect(response.status).toBe(200);
    return (await response.json()) as Series<P>;
  };
  const raw: RawRow[] = [
    { sensorId: POWER, measuredAt: iso(T0 - 1), value: -1 },
    { sensorId: POWER, measuredAt: iso(T0), value: 10 },
    { sensorId: POWER, measuredAt: iso(T0 + 5 * MIN + 250), value: 30.5 },
    { sensorId: POWER, measuredAt: iso(T0 + 2 * MIN), value: 20 },
    { sensorId: POWER, measuredAt: iso(T0 + 60 * MIN), value: 99 },
    { sensorId: ODD, measuredAt: iso(T0 + MIN), value: 7 },
  ];
  const buckets: BucketRow[] = [
    {
      sensorId: POWER,
      width: '15m',
      start: iso(T0),
      quantity: 'power',
      unit: 'W',
      count: 3,
      sum: 60.5,
      min: 10,
      max: 30.5,
    },
    {
      sensorId: POWER,
      width: '15m',
      start: iso(T0 + 15 * MIN),
      quantity: 'power',
      unit: 'W',
      count: 1,
      sum: 12,
      min: 12,
      max: 12,
    },
    {
      sensorId: POWER,
      width: '1h',
      start: iso(T0),
      quantity: 'power',
      unit: 'W',
      count: 4,
      sum: 72.5,
      min: 10,
      max: 30.5,
    },
    { sensorId: ENERGY, width: '15m', start: iso(T0), quantity: 'energyImported', unit: 'kWh', count: 5, delta: 0.125 },
    {
      sensorId: ENERGY,
      width: '15m',
      start: iso(T0 + 15 * MIN),
      quantity: 'energyImported',
      unit: 'kWh',
      count: 4,
      delta: 0,
    },
    {
      sensorId: ENERGY,
      width: '15m',
      start: iso(T0 + 60 * MIN),
      quantity: 'energyImported',
      unit: 'kWh',
      count: 4,
      delta: 1,
    },
  ];

  beforeAll(async () => {
    api = await startReadingsApi(TOKEN, 'series-api');
    const db = api.server.storage.readModels;
    await insertLatest(db, [
      aReading({ sensorId: POWER }),
      aReading({ sensorId: ENERGY, quantity: 'energyImported', unit: 'kWh' }),
      aReading({ sensorId: ODD, nodeId: 'zigbee2mqtt:gw-1/desk "lamp", left' }),
      aReading({ sensorId: DENSE }),
    ]);
    await insertRaw(db, raw);
    await insertBuckets(db, buckets);
    // 60 days of 15-minute buckets: more than one page of the keyset reader.
    await insertBuckets(
      db,
      Array.from({ length: 60 * 96 }, (_, i) => ({
        sensorId: DENSE,
        width: '15m' as const,
        start: iso(T0 + i * 15 * MIN),
        quantity: 'power',
        unit: 'W',
        count: 1,
        sum: i,
        min: i,
        max: i,
      })),
    );
  }, 30_000);
  afterAll(() => api.close());

  it('answers raw points in [from, to) in time order', async () => {
    const body = await json<{ t: string; value: number }>({
      sensor: [POWER, 'unknown/power'],
      from: iso(T0),
      to: iso(T0 + 60 * MIN),
      bucket: 'raw',
    });
    expect(body).toMatchObject({ bucket: 'raw', from: iso(T0), to: iso(T0 + 60 * MIN), missing: ['unknown/power'] });
    expect(body.series.map((s) => [s.sensorId, s.quantity, s.unit, s.kind])).toEqual([[POWER, 'power', 'W', 'gauge']]);
    const expected = raw.filter(
      (r) => r.sensorId === POWER && Date.parse(r.measuredAt) >= T0 && Date.parse(r.measuredAt) < T0 + 60 * MIN,
    );
    expect(body.series[0]?.points).toEqual(
      expected
        .sort((a, b) => Date.parse(a.measuredAt) - Date.parse(b.measuredAt))
        .map((r) => ({ t: r.measuredAt, value: r.value })),
    );
  });

  it('answers gauge buckets as count/avg/min/max and counter buckets as count/delta, per width', async () => {
    const body = await json<Record<string, unknown>>({
      sensor: [ENERGY, POWER],
      from: iso(T0),
      to: iso(T0 + 60 * MIN),
      bucket: '15m',
    });
    expect(body.series.map((s) => [s.sensorId, s.kind])).toEqual([
      [ENERGY, 'counter'],
      [POWER, 'gauge'],
    ]);
    expect(body.series[0]?.points).toEqual([
      { t: iso(T0), count: 5, delta: 0.125 },
      { t: iso(T0 + 15 * MIN), count: 4, delta: 0 },
    ]);
    expect(body.series[1]?.points).toEqual([
      { t: iso(T0), count: 3, avg: 60.5 / 3, min: 10, max: 30.5 },
      { t: iso(T0 + 15 * MIN), count: 1, avg: 12, min: 12, max: 12 },
    ]);
    const hourly = await json<Record<string, unknown>>({
      sensor: POWER,
      from: iso(T0),
      to: iso(T0 + 24 * 60 * MIN),
      bucket: '1h',
    });
    expect(hourly.series[0]?.points).toEqual([{ t: iso(T0), count: 4, avg: 72.5 / 4, min: 10, max: 30.5 }]);
    const daily = await json<Record<string, unknown>>({
      sensor: POWER,
      from: '2025-01-01',
      to: '2026-01-01',
      bucket: '1d',
    });
    expect(daily.series[0]?.points).toEqual([]);
  });

  it('reads long bucket ranges page by page without losing or repeating a bucket', async () => {
    const body = await json<{ t: string; min: number }>({
      sensor: DENSE,
      from: iso(T0),
      to: iso(T0 + 60 * 24 * 60 * MIN),
      bucket: '15m',
    });
    const points = body.series[0]?.points ?? [];
    expect(points).toHaveLength(60 * 96);
    expect(points.every((p, i) => p.min === i && p.t === iso(T0 + i * 15 * MIN))).toBe(true);
  });

  it('streams CSV with a header and RFC 4180 quoting, by format=csv or Accept: text/csv', async () => {
    const params = { sensor: [ODD, POWER], from: iso(T0), to: iso(T0 + 10 * MIN), bucket: 'raw' };
    const response = await series({ ...params, format: 'csv' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const quoted = `"${ODD.replaceAll('"', '""')}"`;
    const powerRows = raw
      .filter((r) => r.sensorId === POWER && Date.parse(r.measuredAt) >= T0 && Date.parse(r.measuredAt) < T0 + 10 * MIN)
      .sort((a, b) => Date.parse(a.measuredAt) - Date.parse(b.measuredAt));
    const expected = [
      'sensor_id,t,value',
      `${quoted},${iso(T0 + MIN)},7`,
      ...powerRows.map((r) => `${POWER},${r.measuredAt},${r.value}`),
    ];
    expect(await response.text()).toBe(expected.map((line) => `${line}\r\n`).join(''));
    const negotiated = await series(params, { accept: 'text/csv' });
    expect(negotiated.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await negotiated.text()).toBe(expected.map((line) => `${line}\r\n`).join(''));
    const preferJson = await series(params, { accept: 'text/csv;q=0.5, application/json' });
    expect(preferJson.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('writes bucketed CSV under one header for gauges and counters', async () => {
    const response = await series({
      sensor: [POWER, ENERGY],
      from: iso(T0),
      to: iso(T0 + 30 * MIN),
      bucket: '15m',
      format: 'csv',
    });
    expect((await response.text()).split('\r\n')).toEqual([
      'sensor_id,t,count,avg,min,max,delta',
      `${POWER},${iso(T0)},3,${60.5 / 3},10,30.5,`,
      `${POWER},${iso(T0 + 15 * MIN)},1,12,12,12,`,
      `${ENERGY},${iso(T0)},5,,,,0.125`,
      `${ENERGY},${iso(T0 + 15 * MIN)},4,,,,0`,
      '',
    ]);
  });

  it('refuses requests beyond the limits with 400 naming the limit', async () => {
    const reason = async (params: Record<string, string | string[]>): Promise<string> => {
      const response = await series(params);
      expect(response.status).toBe(400);
      return JSON.stringify(await response.json());
    };
    const day = 24 * 60 * MIN;
    const many = Array.from({ length: 51 }, (_, i) => `s${i}`);
    expect(await reason({ sensor: many, from: iso(T0), to: iso(T0 + day), bucket: '1h' })).toContain(
      'no more than 50 elements',
    );
    expect(await reason({ sensor: POWER, from: iso(T0), to: iso(T0 + 31 * day + 1), bucket: 'raw' })).toContain(
      'bucket raw allows at most 31 days',
    );
    expect(await reason({ sensor: POWER, from: iso(T0), to: iso(T0 + 401 * day), bucket: '15m' })).toContain(
      'bucket 15m allows at most 400 days',
    );
    expect(await reason({ sensor: POWER, from: iso(T0), to: iso(T0), bucket: '1h' })).toContain(
      'to must be later than from',
    );
    expect(await reason({ sensor: POWER, from: '2025-03-01T00:00:00', to: iso(T0 + day), bucket: '1h' })).toContain(
      'from must name its zone',
    );
    expect(await reason({ sensor: POWER, from: 'yesterday', to: iso(T0 + day), bucket: '1h' })).toContain(
      'from must be a valid ISO 8601',
    );
    expect(await reason({ sensor: POWER, from: iso(T0), to: iso(T0 + day), bucket: '5m' })).toContain(
      'bucket must be one of: raw, 15m, 1h, 1d',
    );
    expect(await reason({ sensor: POWER, from: iso(T0), to: iso(T0 + day), bucket: '1h', format: 'xml' })).toContain(
      'format must be json or csv',
    );
    expect((await series({ sensor: POWER, from: '1950-01-01', to: '2049-12-31', bucket: '1d' })).status).toBe(200);
    expect((await series({ sensor: POWER, from: iso(T0), to: iso(T0 + 31 * day), bucket: 'raw' })).status).toBe(200);
  });

  it('refuses raw requests over 100000 points and serves exactly 100000', async () => {
    const sensorId = 'modbus:gw-1/sdm/2/power';
    await insertLatest(api.server.storage.readModels, [aReading({ sensorId })]);
    await insertRaw(
      api.server.storage.readModels,
      Array.from({ length: 100_001 }, (_, i) => ({ sensorId, measuredAt: iso(T0 + i * 1000), value: i })),
    );
    const over = await series({ sensor: sensorId, from: iso(T0), to: iso(T0 + 100_001 * 1000), bucket: 'raw' });
    expect(over.status).toBe(400);
    expect(JSON.stringify(await over.json())).toContain('bucket raw allows at most 100000 points');
    const exact = await json<{ t: string; value: number }>({
      sensor: sensorId,
      from: iso(T0),
      to: iso(T0 + 100_000 * 1000),
      bucket: 'raw',
    });
    expect(exact.series[0]?.points).toHaveLength(100_000);
    expect(exact.series[0]?.points.at(-1)).toEqual({ t: iso(T0 + 99_999 * 1000), value: 99_999 });
  }, 30_000);
});
