import { randomUUID } from 'node:crypto';
import { InMemoryPrincipalDirectory } from '#test/support/in-memory-principal-directory.js';
import { startPrincipalApi, type PrincipalApi } from '#test/support/principal-api.js';

const OWNER = 'admin:ops';
const STRANGER = 'user:bob';
const GATEWAY = 'gw-dash';
const SENSOR = 'zigbee:0x00000000000000d1/1/power';

interface Dashboard {
  dashboardId: string;
  name: string;
  version: number;
  timeRange: unknown;
  tiles: { tileId: string; kind: string; title: string; sensorIds?: string[] }[];
}

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect({ status: response.status, text }).toEqual({ status, text: expect.any(String) });
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Polls a read-model answer until it satisfies `done` (projections run on their own). */
async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('dashboards API', () => {
  let api: PrincipalApi;
  const chart = { kind: 'chart', title: 'Power', sensorIds: [SENSOR] };

  const create = async (name: string, as = OWNER): Promise<Dashboard> =>
    json<Dashboard>(await api.call(as, 'POST', '/api/dashboards', { name }), 201);
  const get = (id: string, as = OWNER) => api.call(as, 'GET', `/api/dashboards/${id}`);

  beforeAll(async () => {
    api = await startPrincipalApi('dashboards-api', new InMemoryPrincipalDirectory([{ kind: 'user', id: 'bob' }]));
    const measuredAt = '2026-12-01T12:00:00.000Z';
    const reading = { sensorId: SENSOR, nodeId: 'zigbee:0x00000000000000d1', quantity: 'power', unit: 'W', value: 5 };
    await api.storage.eventStore.append(
      `readings-${GATEWAY}`,
      [
        {
          id: randomUUID(),
          type: 'ReadingsReported',
          data: {
            gatewayId: GATEWAY,
            sequence: 0,
            networkType: 'zigbee',
            receivedAt: measuredAt,
            readings: [{ ...reading, measuredAt, source: { protocol: 'zigbee', cluster: 'haElectricalMeasurement' } }],
          },
          metadata: { schemaVersion: 2 },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await until(
      async () =>
        (await (await api.call(OWNER, 'GET', `/api/readings/latest?sensor=${SENSOR}`)).json()) as { missing: string[] },
      (body) => body.missing?.length === 0,
    );
  }, 60_000);
  afterAll(() => api?.close(), 30_000);

  it('builds a dashboard version by version, previews an earlier version and restores it by appending', async () => {
    const created = await create('Kitchen');
    expect(created).toMatchObject({
      name: 'Kitchen',
      version: 0,
      tiles: [],
      timeRange: { kind: 'relative', last: '24h' },
    });
    const id = created.dashboardId;
    const withTile = await json<Dashboard>(
      await api.call(OWNER, 'POST', `/api/dashboards/${id}/tiles`, { expectedVersion: 0, tile: chart }),
      201,
    );
    expect(withTile.tiles).toEqual([{ ...chart, tileId: expect.any(String) }]);
    await json(await api.call(OWNER, 'PUT', `/api/dashboards/${id}/name`, { expectedVersion: 1, name: 'Cellar' }), 200);
    const ranged = await json<Dashboard>(
      await api.call(OWNER, 'PUT', `/api/dashboards/${id}/time-range`, {
        expectedVersion: 2,
        timeRange: { kind: 'relative', last: '7d' },
      }),
      200,
    );
    expect(ranged).toMatchObject({ name: 'Cellar', version: 3, timeRange: { kind: 'relative', last: '7d' } });

    const stale = await api.call(OWNER, 'PUT', `/api/dashboards/${id}/name`, { expectedVersion: 1, name: 'Lost' });
    expect(stale.status).toBe(409);
    expect(await json<Dashboard>(await get(id), 200)).toMatchObject({ name: 'Cellar', version: 3 });

    const preview = await json<Dashboard & { currentVersion: number }>(
      await api.call(OWNER, 'GET', `/api/dashboards/${id}/versions/1`),
      200,
    );
    expect(preview).toMatchObject({ name: 'Kitchen', version: 1, currentVersion: 3, tiles: withTile.tiles });
    expect((await api.call(OWNER, 'GET', `/api/dashboards/${id}/versions/9`)).status).toBe(404);

    const restored = await json<Dashboard>(
      await api.call(OWNER, 'POST', `/api/dashboards/${id}/versions/0/restore`, { expectedVersion: 3 }),
      200,
    );
    expect(restored).toMatchObject({
      name: 'Kitchen',
      version: 4,
      tiles: [],
      timeRange: { kind: 'relative', last: '24h' },
    });

    const history = await until(
      async () =>
        json<{ items: { version: number; actorId: string; change: string }[] }>(
          await api.call(OWNER, 'GET', `/api/dashboards/${id}/versions`),
          200,
        ),
      (page) => page.items.length === 5,
    );
    expect(history.items.map((v) => [v.version, v.actorId, v.change])).toEqual([
      [4, 'user:ops', 'restored version 0 (0 tiles)'],
      [3, 'user:ops', 'time range set to last 7d'],
      [2, 'user:ops', 'renamed "Kitchen" to "Cellar"'],
      [1, 'user:ops', 'added chart tile "Power"'],
      [0, 'user:ops', 'created "Kitchen"'],
    ]);
    // Nothing was lost: version 3 is still there to preview.
    expect(await json<Dashboard>(await api.call(OWNER, 'GET', `/api/dashboards/${id}/versions/3`), 200)).toMatchObject({
      name: 'Cellar',
      tiles: withTile.tiles,
    });
  });

  it('refuses bad tiles with a problem naming the rule, and stores nothing', async () => {
    const { dashboardId: id } = await create('Strict');
    const add = (tile: unknown) => api.call(OWNER, 'POST', `/api/dashboards/${id}/tiles`, { expectedVersion: 0, tile });
    const nine = Array.from({ length: 9 }, (_, i) => `s-${i}`);
    const cases: [unknown, RegExp][] = [
      [{ ...chart, sensorIds: nine }, /sensorIds/],
      [{ ...chart, sensorIds: [] }, /1 to 8 sensors/],
      [
        { kind: 'number', title: 'N', sensorId: SENSOR, timeRange: { kind: 'relative', last: '1h' } },
        /has no timeRange/,
      ],
      [{ kind: 'gauge', title: 'G', sensorId: SENSOR, min: 5, max: 1 }, /min below max/],
      [{ kind: 'pie', title: 'P' }, /kind must be one of/],
      [{ ...chart, colour: 'red' }, /colour/],
      [{ ...chart, title: 't'.repeat(81) }, /title/],
    ];
    for (const [tile, message] of cases) {
      const response = await add(tile);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.text()).toMatch(message);
    }
    const name = await api.call(OWNER, 'PUT', `/api/dashboards/${id}/name`, { expectedVersion: 0, name: '' });
    expect(name.status).toBe(400);
    expect(await json<Dashboard>(await get(id), 200)).toMatchObject({ version: 0, tiles: [], name: 'Strict' });
  });

  it('shows a dashboard to its owner only, and refuses tiles on sensors the caller may not see', async () => {
    const { dashboardId: id } = await create('Private');
    expect((await get(id, STRANGER)).status).toBe(404);
    expect((await api.call(STRANGER, 'GET', `/api/dashboards/${id}/versions`)).status).toBe(404);
    expect((await api.call(STRANGER, 'GET', `/api/dashboards/${id}/versions/0`)).status).toBe(404);
    expect(
      (await api.call(STRANGER, 'PUT', `/api/dashboards/${id}/name`, { expectedVersion: 0, name: 'x' })).status,
    ).toBe(404);
    expect((await api.call(STRANGER, 'POST', `/api/dashboards/${id}/duplicate`, {})).status).toBe(404);
    expect((await api.call(STRANGER, 'DELETE', `/api/dashboards/${id}?expectedVersion=0`)).status).toBe(404);
    expect(await json(await api.call(STRANGER, 'GET', '/api/dashboards'), 200)).toEqual({ items: [] });
    expect((await api.call(null, 'GET', '/api/dashboards')).status).toBe(401);

    const own = await create('Mine', STRANGER);
    const refused = await api.call(STRANGER, 'POST', `/api/dashboards/${own.dashboardId}/tiles`, {
      expectedVersion: 0,
      tile: chart,
    });
    expect(refused.status).toBe(404);
    expect(await refused.text()).toContain(`sensor ${SENSOR} not found`);
    expect(await json<Dashboard>(await get(own.dashboardId, STRANGER), 200)).toMatchObject({ version: 0, tiles: [] });
  });

  it('duplicates an earlier version, lists by name, and deletes (then answers not found)', async () => {
    const source = await create('Solar');
    const id = source.dashboardId;
    await json(await api.call(OWNER, 'POST', `/api/dashboards/${id}/tiles`, { expectedVersion: 0, tile: chart }), 201);
    const copy = await json<Dashboard>(
      await api.call(OWNER, 'POST', `/api/dashboards/${id}/duplicate`, { version: 0 }),
      201,
    );
    expect(copy).toMatchObject({ name: 'Solar (copy)', version: 0, tiles: [] });
    expect(copy.dashboardId).not.toBe(id);
    const listed = await until(
      async () => json<{ items: Dashboard[] }>(await api.call(OWNER, 'GET', '/api/dashboards'), 200),
      (page) => page.items.some((d) => d.dashboardId === copy.dashboardId),
    );
    const names = listed.items.map((d) => d.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(listed.items.find((d) => d.dashboardId === id)?.tiles).toHaveLength(1);

    expect((await api.call(OWNER, 'DELETE', `/api/dashboards/${id}?expectedVersion=0`)).status).toBe(409);
    expect((await api.call(OWNER, 'DELETE', `/api/dashboards/${id}?expectedVersion=1`)).status).toBe(204);
    expect((await get(id)).status).toBe(404);
    const after = await until(
      async () => json<{ items: Dashboard[] }>(await api.call(OWNER, 'GET', '/api/dashboards'), 200),
      (page) => !page.items.some((d) => d.dashboardId === id),
    );
    expect(after.items.map((d) => d.dashboardId)).not.toContain(id);
  });
});
