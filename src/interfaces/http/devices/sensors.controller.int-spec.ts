import type { CanonicalReading } from '../../../domain/metering/canonical-reading.js';
import {
  aReading,
  insertLatest,
  startReadingsApi,
  type ReadingsApi,
} from '#test/fixtures/readings-read-model.fixtures.js';

const TOKEN = 's'.repeat(64);

interface SensorPage {
  items: {
    sensorId: string;
    gatewayId: string;
    nodeId: string;
    quantity: string;
    phase?: string;
    tariff?: number;
    lastValue: number;
    lastMeasuredAt: string;
  }[];
  nextAfter: string | null;
}

describe('GET /api/sensors and /api/readings/latest', () => {
  let api: ReadingsApi;
  const json = async <T>(path: string): Promise<T> => (await (await api.get(path)).json()) as T;
  const readings: CanonicalReading[] = [
    aReading({
      sensorId: 'dsmr:E001/power',
      gatewayId: 'gw-a',
      value: 512.5,
      source: { protocol: 'dsmr', obis: '1-0:1.7.0' },
    }),
    aReading({
      sensorId: 'dsmr:E001/energyImported.t1',
      gatewayId: 'gw-a',
      quantity: 'energyImported',
      unit: 'kWh',
      value: 1234.567,
      tariff: 1,
    }),
    aReading({
      sensorId: 'dsmr:E001/voltage.L2',
      gatewayId: 'gw-a',
      quantity: 'voltage',
      unit: 'V',
      value: 231.2,
      phase: 'L2',
    }),
    aReading({
      sensorId: 'zigbee:0xabc/1/power',
      nodeId: 'zigbee:0xabc',
      gatewayId: 'gw-b',
      value: 24,
      measuredAt: '2025-03-02T08:15:30.250Z',
    }),
    aReading({
      sensorId: 'zigbee:0xabc/1/switchState',
      nodeId: 'zigbee:0xabc',
      gatewayId: 'gw-b',
      quantity: 'switchState',
      unit: '1',
      value: 1,
    }),
  ];
  const sorted = readings.map((r) => r.sensorId).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  beforeAll(async () => {
    api = await startReadingsApi(TOKEN, 'sensors-api');
    await insertLatest(api.server.storage.readModels, readings);
  }, 30_000);
  afterAll(() => api.close());

  it('lists known sensors in id order with their newest value', async () => {
    const page = await json<SensorPage>('/api/sensors');
    expect(page.items.map((s) => s.sensorId)).toEqual(sorted);
    expect(page.nextAfter).toBeNull();
    const tariffSensor = page.items.find((s) => s.sensorId === 'dsmr:E001/energyImported.t1');
    expect(tariffSensor).toEqual({
      sensorId: 'dsmr:E001/energyImported.t1',
      nodeId: 'dsmr:E001',
      gatewayId: 'gw-a',
      quantity: 'energyImported',
      unit: 'kWh',
      tariff: 1,
      lastValue: 1234.567,
      lastMeasuredAt: '2025-03-01T12:00:00.000Z',
    });
    expect(page.items.find((s) => s.sensorId === 'dsmr:E001/voltage.L2')).toMatchObject({ phase: 'L2' });
    expect(page.items.find((s) => s.sensorId === 'dsmr:E001/power')).not.toHaveProperty('phase');
  });

  it('filters by gateway, node and quantity', async () => {
    const ids = async (query: string): Promise<string[]> =>
      (await json<SensorPage>(`/api/sensors?${query}`)).items.map((s) => s.sensorId);
    expect(await ids('gateway=gw-b')).toEqual(['zigbee:0xabc/1/power', 'zigbee:0xabc/1/switchState']);
    expect(await ids(`node=${encodeURIComponent('dsmr:E001')}`)).toHaveLength(3);
    expect(await ids('quantity=power')).toEqual(['dsmr:E001/power', 'zigbee:0xabc/1/power']);
    expect(await ids('quantity=power&gateway=gw-b')).toEqual(['zigbee:0xabc/1/power']);
    expect(await ids('gateway=gw-none')).toEqual([]);
  });

  it('pages with after and nextAfter without losing or repeating a sensor', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: SensorPage = await json<SensorPage>(
        `/api/sensors?limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      );
      seen.push(...page.items.map((s) => s.sensorId));
      after = page.nextAfter;
      pages += 1;
    } while (after !== null && pages < 10);
    expect(seen).toEqual(sorted);
    expect(pages).toBe(3);
  });

  it('answers the latest canonical reading per sensor in the order asked, naming unknown ids', async () => {
    const ask = [
      'zigbee:0xabc/1/power',
      'nope/power',
      'dsmr:E001/energyImported.t1',
      'dsmr:E001/voltage.L2',
      'zigbee:0xabc/1/power',
    ];
    const answer = await json<{ items: CanonicalReading[]; missing: string[] }>(
      `/api/readings/latest?${ask.map((id) => `sensor=${encodeURIComponent(id)}`).join('&')}`,
    );
    const byId = new Map(readings.map((r) => [r.sensorId, r]));
    expect(answer.items).toEqual([
      byId.get('zigbee:0xabc/1/power'),
      byId.get('dsmr:E001/energyImported.t1'),
      byId.get('dsmr:E001/voltage.L2'),
    ]);
    expect(answer.missing).toEqual(['nope/power']);
    const single = await json<{ items: CanonicalReading[] }>(
      `/api/readings/latest?sensor=${encodeURIComponent('dsmr:E001/power')}`,
    );
    expect(single.items).toEqual([byId.get('dsmr:E001/power')]);
  });

  it('accepts 500 sensor ids and refuses 501 naming the limit', async () => {
    // Realistic ids (a ZigBee IEEE address, endpoint and quantity): 500 of them make a URL of about 27 KiB.
    const ids = (n: number): string =>
      Array.from(
        { length: n },
        (_, i) => `sensor=${encodeURIComponent(`zigbee:0x842e14fffe5b${String(i).padStart(4, '0')}/1/energyImported`)}`,
      ).join('&');
    const ok = await api.get(`/api/readings/latest?${ids(500)}`);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { missing: string[] }).missing).toHaveLength(500);
    const tooMany = await api.get(`/api/readings/latest?${ids(501)}`);
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(await tooMany.json())).toContain('sensor must contain no more than 500 elements');
  });

  it('answers bad input with 400 and says why', async () => {
    const reason = async (path: string): Promise<string> => {
      const response = await api.get(path);
      expect(response.status).toBe(400);
      return JSON.stringify(await response.json());
    };
    expect(await reason('/api/sensors?limit=5000')).toContain('limit must not be greater than 1000');
    expect(await reason('/api/sensors?quantity=watts')).toContain('quantity must be one of');
    expect(await reason('/api/sensors?colour=red')).toContain('property colour should not exist');
    expect(await reason('/api/readings/latest')).toContain('sensor is required');
    expect(await reason('/api/readings/latest?sensor=')).toContain('sensor');
  });

  it('refuses missing or wrong tokens with 401', async () => {
    expect((await fetch(`${api.server.url}/api/sensors`)).status).toBe(401);
    expect(
      (
        await fetch(`${api.server.url}/api/readings/latest?sensor=a`, {
          headers: { authorization: `Bearer ${'x'.repeat(64)}` },
        })
      ).status,
    ).toBe(401);
  });
});
