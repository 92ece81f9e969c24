import {
  aReading,
  insertLatest,
  insertNodes,
  startReadingsApi,
  type NodeRow,
  type ReadingsApi,
} from '#test/fixtures/readings-read-model.fixtures.js';

const TOKEN = 'n'.repeat(64);
const PLUG = 'zigbee2mqtt:gw-1/kitchen plug';

interface NodeView {
  nodeId: string;
  gatewayId: string;
  status: string;
  [field: string]: unknown;
}

describe('GET /api/nodes', () => {
  let api: ReadingsApi;
  const nodes: NodeRow[] = [
    {
      nodeId: 'zigbee:0x00158d0001a2b3c4',
      gatewayId: 'gw-1',
      protocol: 'zigbee',
      model: 'ZHEMI101',
      vendor: 'Develco',
      firmware: '4.0.2',
      status: 'interviewed',
      linkQuality: 120,
      availability: 'online',
      joinedAt: '2025-03-01T10:00:00.000Z',
      interviewedAt: '2025-03-01T10:00:05.500Z',
      lastSeenAt: '2025-03-01T12:00:00.000Z',
    },
    {
      nodeId: PLUG,
      gatewayId: 'gw-1',
      protocol: 'zigbee2mqtt',
      status: 'joined',
      joinedAt: '2025-03-01T11:00:00.000Z',
    },
    {
      nodeId: 'dsmr:E0043',
      gatewayId: 'gw-2',
      protocol: 'dsmr',
      status: 'left',
      leftAt: '2025-03-02T00:00:00.000Z',
      availability: 'offline',
    },
  ];

  beforeAll(async () => {
    api = await startReadingsApi(TOKEN, 'nodes-api');
    await insertNodes(api.server.storage.readModels, nodes);
    await insertLatest(api.server.storage.readModels, [
      aReading({ sensorId: `${PLUG}/power`, nodeId: PLUG }),
      aReading({ sensorId: `${PLUG}/energyImported`, nodeId: PLUG, quantity: 'energyImported', unit: 'kWh' }),
      aReading({ sensorId: 'other/power', nodeId: 'other' }),
    ]);
  }, 30_000);
  afterAll(() => api.close());

  it('lists nodes in id order with every column, filtered by gateway', async () => {
    const all = (await (await api.get('/api/nodes')).json()) as { items: NodeView[]; nextAfter: string | null };
    expect(all.items.map((n) => n.nodeId)).toEqual([
      'dsmr:E0043',
      'zigbee2mqtt:gw-1/kitchen plug',
      'zigbee:0x00158d0001a2b3c4',
    ]);
    expect(all.nextAfter).toBeNull();
    expect(all.items[2]).toEqual({
      nodeId: 'zigbee:0x00158d0001a2b3c4',
      gatewayId: 'gw-1',
      protocol: 'zigbee',
      model: 'ZHEMI101',
      vendor: 'Develco',
      firmware: '4.0.2',
      status: 'interviewed',
      linkQuality: 120,
      availability: 'online',
      joinedAt: '2025-03-01T10:00:00.000Z',
      interviewedAt: '2025-03-01T10:00:05.500Z',
      leftAt: null,
      lastSeenAt: '2025-03-01T12:00:00.000Z',
    });
    const gw2 = (await (await api.get('/api/nodes?gateway=gw-2')).json()) as { items: NodeView[] };
    expect(gw2.items).toEqual([
      expect.objectContaining({
        nodeId: 'dsmr:E0043',
        status: 'left',
        leftAt: '2025-03-02T00:00:00.000Z',
        model: null,
      }),
    ]);
  });

  it('pages with limit and after', async () => {
    const first = (await (await api.get('/api/nodes?gateway=gw-1&limit=1')).json()) as {
      items: NodeView[];
      nextAfter: string;
    };
    expect(first.items.map((n) => n.nodeId)).toEqual([PLUG]);
    const second = (await (
      await api.get(`/api/nodes?gateway=gw-1&limit=1&after=${encodeURIComponent(first.nextAfter)}`)
    ).json()) as {
      items: NodeView[];
      nextAfter: string | null;
    };
    expect(second).toEqual({
      items: [expect.objectContaining({ nodeId: 'zigbee:0x00158d0001a2b3c4' })],
      nextAfter: null,
    });
  });

  it('shows one node by its percent-encoded id, with the sensors that reported', async () => {
    const response = await api.get(`/api/nodes/${encodeURIComponent(PLUG)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      nodeId: PLUG,
      status: 'joined',
      sensorIds: [`${PLUG}/energyImported`, `${PLUG}/power`],
    });
    const unencodedSlash = await api.get(`/api/nodes/zigbee2mqtt:gw-1/${encodeURIComponent('kitchen plug')}`);
    expect(await unencodedSlash.json()).toMatchObject({ nodeId: PLUG });
  });

  it('finds ids longer than a router parameter may be', async () => {
    const nodeId = `zigbee2mqtt:${'g'.repeat(64)}/${'living room '.repeat(8)}plug`;
    await insertNodes(api.server.storage.readModels, [{ nodeId, gatewayId: 'g'.repeat(64), status: 'joined' }]);
    const response = await api.get(`/api/nodes/${encodeURIComponent(nodeId)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ nodeId, sensorIds: [] });
  });

  it('answers 404 for unknown and impossible ids, 400 for bad paging, 401 without a token', async () => {
    const unknown = await api.get(`/api/nodes/${encodeURIComponent('zigbee:0xffff')}`);
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(await unknown.json())).toContain('node zigbee:0xffff does not exist');
    expect((await api.get(`/api/nodes/${'x'.repeat(501)}`)).status).toBe(404);
    expect((await api.get('/api/nodes/')).status).toBe(404);
    const bad = await api.get('/api/nodes?limit=0');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('limit must not be less than 1');
    expect((await fetch(`${api.server.url}/api/nodes`)).status).toBe(401);
  });
});
