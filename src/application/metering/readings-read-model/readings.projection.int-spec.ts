import { describeProjection } from '#test/support/projection-spec.js';
import { echoDecoders } from '#test/support/echo-decoder.js';
import { aReading, aReadingsReported } from '#test/fixtures/readings-events.fixtures.js';
import { readingsProjection } from './readings.projection.js';
import { bucketRows, latestRows, rawRows } from '#test/fixtures/readings-rows.fixtures.js';

const projection = readingsProjection({ decoders: echoDecoders });

describeProjection('readings projection', projection, (spec) => {
  const project = async (batchSize = 1000): Promise<number> => (await spec.project({ batchSize })).eventsApplied;
  let sequence = 0;
  const report = async (...readings: Parameters<typeof aReading>[0][]): Promise<void> => {
    sequence += 1;
    await spec.given('readings-g1', [aReadingsReported('g1', sequence, readings.map(aReading))]);
  };

  it('Given readings of a sensor, Then latest holds the newest one and a late reading never replaces it', async () => {
    const b = spec.backend;
    await report(
      { quantity: 'power', value: 120, measuredAt: '2024-05-01T10:00:00.000Z' },
      { quantity: 'voltage', value: 230.5, measuredAt: '2024-05-01T10:00:00.000Z' },
    );
    await report({ quantity: 'power', value: 80, measuredAt: '2024-05-01T10:00:10.000Z' });
    await project();
    await report({ quantity: 'power', value: 999, measuredAt: '2024-05-01T09:59:00.000Z' });
    await project();
    const latest = await latestRows(b.db);
    expect(latest.map((r) => [r.sensorId, r.value, r.measuredAt])).toEqual([
      ['zigbee:0x00124b0001/1/power', 80, '2024-05-01T10:00:10.000Z'],
      ['zigbee:0x00124b0001/1/voltage', 230.5, '2024-05-01T10:00:00.000Z'],
    ]);
    expect(latest[0]).toMatchObject({
      nodeId: 'zigbee:0x00124b0001',
      gatewayId: 'g1',
      quantity: 'power',
      unit: 'W',
      receivedAt: '2024-05-01T12:00:00.000Z',
      phase: null,
      tariff: null,
      source: { protocol: 'zigbee', cluster: 'seMetering' },
    });
  });

  it('Given readings, Then every one of them is a raw row, the late one included', async () => {
    const b = spec.backend;
    await report(
      { quantity: 'power', value: 1, measuredAt: '2024-05-01T10:00:00.000Z' },
      { quantity: 'energyImported', value: 7.25, measuredAt: '2024-05-01T10:00:00.000Z', tariff: 2 },
    );
    await report({ quantity: 'power', value: 2, measuredAt: '2024-05-01T09:00:00.000Z' });
    await project(1);
    expect(await rawRows(b.db)).toEqual([
      {
        sensorId: 'zigbee:0x00124b0001/1/energyImported.t2',
        measuredAt: '2024-05-01T10:00:00.000Z',
        value: 7.25,
        gatewayId: 'g1',
      },
      { sensorId: 'zigbee:0x00124b0001/1/power', measuredAt: '2024-05-01T09:00:00.000Z', value: 2, gatewayId: 'g1' },
      { sensorId: 'zigbee:0x00124b0001/1/power', measuredAt: '2024-05-01T10:00:00.000Z', value: 1, gatewayId: 'g1' },
    ]);
    expect((await latestRows(b.db)).find((r) => r.quantity === 'energyImported')).toMatchObject({
      tariff: 2,
      value: 7.25,
    });
  });

  it('Given a reading delivered again, in the same batch or a later one, Then it is stored and counted once', async () => {
    const b = spec.backend;
    const power = { quantity: 'power', value: 40, measuredAt: '2024-05-01T10:00:00.000Z' } as const;
    const counter = { quantity: 'energyImported', value: 9, measuredAt: '2024-05-01T10:00:00.000Z' } as const;
    await report(power, counter, power);
    await report({ quantity: 'energyImported', value: 10, measuredAt: '2024-05-01T10:20:00.000Z' });
    await project();
    await report(counter, power, { ...power, value: 41 });
    await project();
    expect((await rawRows(b.db)).map((r) => [r.sensorId.split('/').at(-1), r.value])).toEqual([
      ['energyImported', 9],
      ['energyImported', 10],
      ['power', 40],
      ['power', 41],
    ]);
    const hours = (await bucketRows(b.db, "bucket_width = '1h'")).map((r) => [r.quantity, r.samples, r.sum, r.delta]);
    expect(hours).toEqual([
      ['energyImported', 2, null, 1],
      ['power', 2, 81, null],
    ]);
  });

  it('Given one sensor heard through two gateways in turn within a quarter hour, Then each reading is kept with its gateway', async () => {
    const b = spec.backend;
    const at = (minute: number, value: number) =>
      aReading({ quantity: 'power', value, measuredAt: `2024-05-01T10:0${minute}:00.000Z` });
    await spec.given('readings-g1', [aReadingsReported('g1', 1, [at(0, 1)]), aReadingsReported('g1', 2, [at(2, 3)])]);
    await spec.given('readings-g2', [aReadingsReported('g2', 1, [at(1, 2)]), aReadingsReported('g2', 2, [at(3, 4)])]);
    await spec.given('readings-g1', [aReadingsReported('g1', 3, [at(4, 5)])]);
    await project();
    expect((await rawRows(b.db)).map((r) => [r.value, r.gatewayId])).toEqual([
      [1, 'g1'],
      [2, 'g2'],
      [3, 'g1'],
      [4, 'g2'],
      [5, 'g1'],
    ]);
  });

  it('Given readings no column could hold as they are, Then they are cleaned or left out and the projection goes on', async () => {
    const b = spec.backend;
    const good = aReading({ quantity: 'power', value: 5, measuredAt: '2024-05-01T10:00:00+02:00' });
    const odd = [
      { ...good, value: null },
      { ...good, measuredAt: 'yesterday' },
      { ...good, measuredAt: '+275760-01-01T00:00:00.000Z' },
      { ...good, sensorId: 'odd/energyImported', quantity: 'energyImported', tariff: 7, phase: 3, value: 1 },
    ];
    await spec.given('readings-g1', [aReadingsReported('g1', 1, [good, ...(odd as unknown as (typeof good)[])])]);
    expect(await project()).toBe(1);
    expect((await latestRows(b.db)).map((r) => [r.sensorId, r.value, r.measuredAt, r.tariff, r.phase])).toEqual([
      ['odd/energyImported', 1, '2024-05-01T08:00:00.000Z', null, null],
      ['zigbee:0x00124b0001/1/power', 5, '2024-05-01T08:00:00.000Z', null, null],
    ]);
  });

  it('Given power readings across bucket edges, Then 15m, 1h and 1d buckets hold count, sum, min and max', async () => {
    const b = spec.backend;
    await report(
      { quantity: 'power', value: 100, measuredAt: '2024-05-01T23:44:59.999Z' },
      { quantity: 'power', value: 300, measuredAt: '2024-05-01T23:45:00.000Z' },
    );
    await report({ quantity: 'power', value: 50, measuredAt: '2024-05-01T23:59:00.000Z' });
    await report({ quantity: 'power', value: 250, measuredAt: '2024-05-02T00:00:00.000Z' });
    await project(2);
    const rows = (await bucketRows(b.db)).map((r) => [r.width, r.start, r.samples, r.sum, r.min, r.max, r.delta]);
    expect(rows).toEqual([
      ['15m', '2024-05-01T23:30:00.000Z', 1, 100, 100, 100, null],
      ['15m', '2024-05-01T23:45:00.000Z', 2, 350, 50, 300, null],
      ['15m', '2024-05-02T00:00:00.000Z', 1, 250, 250, 250, null],
      ['1d', '2024-05-01T00:00:00.000Z', 3, 450, 50, 300, null],
      ['1d', '2024-05-02T00:00:00.000Z', 1, 250, 250, 250, null],
      ['1h', '2024-05-01T23:00:00.000Z', 3, 450, 50, 300, null],
      ['1h', '2024-05-02T00:00:00.000Z', 1, 250, 250, 250, null],
    ]);
    const [hour] = await b.db.query<{ avg: number }>(
      "SELECT value_sum / sample_count AS avg FROM readings_buckets WHERE bucket_width = '1h' ORDER BY bucket_start LIMIT 1",
    );
    expect(Number(hour?.avg)).toBe(150);
  });

  it('Given a counter that is reset, Then consumption per bucket counts the rises and never goes negative', async () => {
    const b = spec.backend;
    await report(
      { quantity: 'energyImported', value: 100, measuredAt: '2024-05-01T10:00:00.000Z' },
      { quantity: 'energyImported', value: 101.5, measuredAt: '2024-05-01T10:05:00.000Z' },
    );
    await report({ quantity: 'energyImported', value: 103, measuredAt: '2024-05-01T10:10:00.000Z' });
    // The meter was replaced: its new counter starts near zero.
    await report({ quantity: 'energyImported', value: 2, measuredAt: '2024-05-01T10:20:00.000Z' });
    await report({ quantity: 'energyImported', value: 4.5, measuredAt: '2024-05-01T10:40:00.000Z' });
    await project(1);
    const rows = (await bucketRows(b.db)).map((r) => [r.width, r.start, r.samples, r.delta, r.sum]);
    expect(rows).toEqual([
      ['15m', '2024-05-01T10:00:00.000Z', 3, 3, null],
      ['15m', '2024-05-01T10:15:00.000Z', 1, 0, null],
      ['15m', '2024-05-01T10:30:00.000Z', 1, 2.5, null],
      ['1d', '2024-05-01T00:00:00.000Z', 5, 5.5, null],
      ['1h', '2024-05-01T10:00:00.000Z', 5, 5.5, null],
    ]);
  });

  it('Given a late counter reading between two stored ones, Then it splits their consumption between its bucket and the next', async () => {
    const b = spec.backend;
    await report({ quantity: 'gasVolume', value: 100, measuredAt: '2024-05-01T10:00:00.000Z' });
    await report({ quantity: 'gasVolume', value: 110, measuredAt: '2024-05-01T10:40:00.000Z' });
    await project();
    const fifteen = async () =>
      (await bucketRows(b.db, "bucket_width = '15m'")).map((r) => [r.start, r.samples, r.delta]);
    expect(await fifteen()).toEqual([
      ['2024-05-01T10:00:00.000Z', 1, 0],
      ['2024-05-01T10:30:00.000Z', 1, 10],
    ]);
    await report({ quantity: 'gasVolume', value: 104, measuredAt: '2024-05-01T10:20:00.000Z' });
    await project();
    expect(await fifteen()).toEqual([
      ['2024-05-01T10:00:00.000Z', 1, 0],
      ['2024-05-01T10:15:00.000Z', 1, 4],
      ['2024-05-01T10:30:00.000Z', 1, 6],
    ]);
    expect((await bucketRows(b.db, "bucket_width = '1h'")).map((r) => [r.samples, r.delta])).toEqual([[3, 10]]);
    expect((await latestRows(b.db)).map((r) => r.value)).toEqual([110]);
  });

  it('Given batches, Then every bucket a batch changes takes a revision no change of any bucket had before, a replay included', async () => {
    const b = spec.backend;
    const revisions = async (): Promise<Map<string, string>> => {
      const rows = await b.db.query<{ key: string; revision: string }>(
        `SELECT split_part(sensor_id, '/', 3) || ' ' || bucket_width || ' ' || to_char(bucket_start AT TIME ZONE 'UTC', 'DD HH24:MI') AS key,
                revision::text AS revision FROM readings_buckets`,
      );
      return new Map(rows.map((r) => [r.key, r.revision]));
    };
    const seen = new Set<string>();
    const changed = (before: Map<string, string>, after: Map<string, string>): string[] => {
      const keys = [...after.keys()].filter((key) => after.get(key) !== before.get(key)).sort();
      for (const key of keys) {
        expect(seen.has(after.get(key)!)).toBe(false);
        seen.add(after.get(key)!);
      }
      return keys;
    };
    await report(
      { quantity: 'power', value: 1, measuredAt: '2024-05-01T10:00:00.000Z' },
      { quantity: 'gasVolume', value: 100, measuredAt: '2024-05-01T10:00:00.000Z' },
    );
    await report(
      { quantity: 'gasVolume', value: 110, measuredAt: '2024-05-01T10:40:00.000Z' },
      { quantity: 'power', value: 2, measuredAt: '2024-05-02T10:00:00.000Z' },
    );
    await project();
    const first = await revisions();
    expect(changed(new Map(), first)).toHaveLength(10);
    await report({ quantity: 'power', value: 3, measuredAt: '2024-05-02T10:05:00.000Z' });
    await project();
    const second = await revisions();
    expect(changed(first, second)).toEqual(['power 15m 02 10:00', 'power 1d 02 00:00', 'power 1h 02 10:00']);
    // A late meter reading is recomputed into its bucket and its successor's, and into their hour and day.
    await report({ quantity: 'gasVolume', value: 104, measuredAt: '2024-05-01T10:20:00.000Z' });
    await project();
    const third = await revisions();
    expect(changed(second, third)).toEqual([
      'gasVolume 15m 01 10:15',
      'gasVolume 15m 01 10:30',
      'gasVolume 1d 01 00:00',
      'gasVolume 1h 01 10:00',
    ]);
    await spec.rebuild({ batchSize: 1000 });
    expect(changed(new Map(), await revisions())).toHaveLength(11);
  });

  it('Given a replay through rebuild, Then the tables equal those applied live batch by batch', async () => {
    const b = spec.backend;
    for (let i = 0; i < 40; i++) {
      const minute = (i * 7) % 180;
      const at = new Date(Date.parse('2024-05-01T22:00:00.000Z') + minute * 60_000).toISOString();
      await report(
        { quantity: 'power', value: (i % 9) * 12.5, measuredAt: at },
        { quantity: 'energyExported', value: i === 25 ? 1 : 50 + minute * 0.25, measuredAt: at },
        { node: 'dsmr:meter-2', quantity: 'gasVolume', value: 3 + i * 0.125, measuredAt: at },
      );
    }
    await project(3);
    const live = { latest: await latestRows(b.db), raw: await rawRows(b.db), buckets: await bucketRows(b.db) };
    expect(live.raw).toHaveLength(120);
    const result = await spec.rebuild({ batchSize: 1000 });
    expect(result.events).toBe(40);
    expect({ latest: await latestRows(b.db), raw: await rawRows(b.db), buckets: await bucketRows(b.db) }).toEqual(live);
  });
});
