import { describeEachBackend, openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import {
  aReading,
  ensureReadingsReadModel,
  insertBuckets,
  insertLatest,
  insertNodes,
  insertRaw,
} from '#test/fixtures/readings-read-model.fixtures.js';
import { CollectingAccessRecorder, fixedScopePolicy } from '#test/support/fixed-scope-policy.js';
import type { Principal } from '../../../domain/access/principal.js';
import { GetLatestReadingsHandler } from './latest-readings/get-latest-readings.handler.js';
import { GetLatestReadings } from './latest-readings/get-latest-readings.query.js';
import { ListSensorsHandler } from '../../devices/list-sensors/list-sensors.handler.js';
import { ListSensors } from '../../devices/list-sensors/list-sensors.query.js';
import { GetNodeHandler } from '../../devices/get-node/get-node.handler.js';
import { GetNode } from '../../devices/get-node/get-node.query.js';
import { ListNodesHandler } from '../../devices/list-nodes/list-nodes.handler.js';
import { ListNodes } from '../../devices/list-nodes/list-nodes.query.js';
import { QueryReadingSeriesHandler } from './reading-series/query-reading-series.handler.js';
import { QueryReadingSeries, type SeriesPoint } from './reading-series/query-reading-series.query.js';
import { NodeNotFoundError } from './reading-query.errors.js';

const VIEWER: Principal = { kind: 'user', userId: 'user-1', role: 'user' };
const ALL = fixedScopePolicy({ kind: 'all' });
const GW_A = fixedScopePolicy({ kind: 'gateways', gatewayIds: ['gw-a'] });
const ONE_SENSOR = fixedScopePolicy({ kind: 'sensors', sensorIds: ['zigbee:0xb/power'] });
const LOG = new CollectingAccessRecorder();

describeEachBackend('readings queries on %s', (backendName) => {
  let backend: SqlBackend;

  beforeAll(async () => {
    backend = await openBackend(backendName, 'readings-queries');
    const db = backend.db;
    await ensureReadingsReadModel(db);
    await insertLatest(db, [
      aReading({ sensorId: 'dsmr:A/power', gatewayId: 'gw-a', measuredAt: '2025-03-01T12:00:00.123Z' }),
      aReading({
        sensorId: 'dsmr:A/energyImported.t2',
        gatewayId: 'gw-a',
        quantity: 'energyImported',
        unit: 'kWh',
        tariff: 2,
      }),
      aReading({ sensorId: 'zigbee:0xb/power', gatewayId: 'gw-b', phase: 'L1' }),
    ]);
    // Microseconds in the database come back truncated to the millisecond ISO string.
    await db.query(
      `UPDATE readings_latest SET measured_at = '2025-03-01T12:00:00.123456Z' WHERE sensor_id = 'dsmr:A/power'`,
    );
    await insertRaw(db, [
      { sensorId: 'dsmr:A/power', measuredAt: '2025-03-01T00:00:00.000Z', value: 1 },
      { sensorId: 'zigbee:0xb/power', measuredAt: '2025-03-01T00:00:00.000Z', value: 2 },
    ]);
    await insertBuckets(db, [
      {
        sensorId: 'dsmr:A/energyImported.t2',
        width: '1h',
        start: '2025-03-01T00:00:00Z',
        quantity: 'energyImported',
        unit: 'kWh',
        count: 2,
        delta: 0.5,
      },
    ]);
    await insertNodes(db, [
      { nodeId: 'dsmr:A', gatewayId: 'gw-a', status: 'joined' },
      { nodeId: 'zigbee:0xb', gatewayId: 'gw-b', status: 'interviewed', model: 'TS011F' },
    ]);
  }, 30_000);
  afterAll(() => backend?.cleanup());

  const collect = async (
    series: Awaited<ReturnType<QueryReadingSeriesHandler['execute']>>,
  ): Promise<Record<string, SeriesPoint[]>> => {
    const out: Record<string, SeriesPoint[]> = {};
    for (const sensor of series.sensors) {
      out[sensor.sensorId] = [];
      for await (const page of series.pages(sensor)) out[sensor.sensorId]!.push(...page);
    }
    return out;
  };

  it('round-trips rows through the same JS types on both databases', async () => {
    const latest = await new GetLatestReadingsHandler(backend.db, ALL, LOG).execute(
      new GetLatestReadings(VIEWER, ['dsmr:A/power', 'dsmr:A/energyImported.t2']),
    );
    expect(latest.items[0]).toEqual(
      aReading({ sensorId: 'dsmr:A/power', gatewayId: 'gw-a', measuredAt: '2025-03-01T12:00:00.123Z' }),
    );
    expect(latest.items[1]).toMatchObject({ tariff: 2, unit: 'kWh' });
    const series = await new QueryReadingSeriesHandler(backend.db, ALL, LOG).execute(
      new QueryReadingSeries(VIEWER, {
        sensorIds: ['dsmr:A/energyImported.t2'],
        from: '2025-03-01T00:00:00Z',
        to: '2025-03-02T00:00:00Z',
        bucket: '1h',
      }),
    );
    expect(await collect(series)).toEqual({
      'dsmr:A/energyImported.t2': [{ t: '2025-03-01T00:00:00.000Z', count: 2, delta: 0.5 }],
    });
  });

  it('narrows every query to the gateways the policy allows', async () => {
    const sensors = await new ListSensorsHandler(backend.db, GW_A, LOG).execute(new ListSensors(VIEWER, { limit: 10 }));
    expect(sensors.items.map((s) => s.sensorId).sort()).toEqual(['dsmr:A/energyImported.t2', 'dsmr:A/power']);
    const latest = await new GetLatestReadingsHandler(backend.db, GW_A, LOG).execute(
      new GetLatestReadings(VIEWER, ['zigbee:0xb/power', 'dsmr:A/power']),
    );
    expect(latest.items.map((r) => r.sensorId)).toEqual(['dsmr:A/power']);
    expect(latest.missing).toEqual(['zigbee:0xb/power']);
    const series = await new QueryReadingSeriesHandler(backend.db, GW_A, LOG).execute(
      new QueryReadingSeries(VIEWER, {
        sensorIds: ['zigbee:0xb/power', 'dsmr:A/power'],
        from: '2025-03-01T00:00:00Z',
        to: '2025-03-02T00:00:00Z',
        bucket: 'raw',
      }),
    );
    expect(series.missing).toEqual(['zigbee:0xb/power']);
    expect(await collect(series)).toEqual({ 'dsmr:A/power': [{ t: '2025-03-01T00:00:00.000Z', value: 1 }] });
    const nodes = await new ListNodesHandler(backend.db, GW_A).execute(new ListNodes(VIEWER, { limit: 10 }));
    expect(nodes.items.map((n) => n.nodeId)).toEqual(['dsmr:A']);
  });

  it('narrows to single sensors, showing only the nodes they belong to', async () => {
    const sensors = await new ListSensorsHandler(backend.db, ONE_SENSOR, LOG).execute(
      new ListSensors(VIEWER, { limit: 10 }),
    );
    expect(sensors.items.map((s) => s.sensorId)).toEqual(['zigbee:0xb/power']);
    const nodes = await new ListNodesHandler(backend.db, ONE_SENSOR).execute(new ListNodes(VIEWER, { limit: 10 }));
    expect(nodes.items.map((n) => n.nodeId)).toEqual(['zigbee:0xb']);
    const node = await new GetNodeHandler(backend.db, ONE_SENSOR).execute(new GetNode(VIEWER, 'zigbee:0xb'));
    expect(node).toMatchObject({ model: 'TS011F', sensorIds: ['zigbee:0xb/power'] });
    await expect(
      new GetNodeHandler(backend.db, ONE_SENSOR).execute(new GetNode(VIEWER, 'dsmr:A')),
    ).rejects.toBeInstanceOf(NodeNotFoundError);
    const all = await new GetNodeHandler(backend.db, ALL).execute(new GetNode(VIEWER, 'dsmr:A'));
    expect(all.sensorIds).toEqual(['dsmr:A/energyImported.t2', 'dsmr:A/power']);
  });
});
