import { InMemoryPrincipalDirectory } from '#test/support/in-memory-principal-directory.js';
import { startPrincipalApi, type PrincipalApi } from '#test/support/principal-api.js';
import { aReading, insertLatest } from '#test/fixtures/readings-read-model.fixtures.js';

interface Page {
  items: { sensorId: string; visibility: string; changedBy: string | null; changedAt: string | null }[];
  nextAfter: string | null;
}

describe('GET /api/sensor-visibility', () => {
  let api: PrincipalApi;
  const page = async (who: string, query = ''): Promise<Page> => {
    const response = await api.call(who, 'GET', `/api/sensor-visibility${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Page;
  };

  beforeAll(async () => {
    api = await startPrincipalApi(
      'sensor-visibility-api',
      new InMemoryPrincipalDirectory([
        { kind: 'user', id: 'alice' },
        { kind: 'user', id: 'bob' },
        { kind: 'client', id: 'c-1' },
      ]),
    );
    for (const [id, ownerId] of [
      ['gw-a', 'alice'],
      ['gw-b', 'bob'],
    ] as const) {
      const body = { id, ownerId, name: id, networkType: 'dsmr', address: 'p1', location: { lat: 0, lon: 0 } };
      expect((await api.call('admin:root', 'POST', '/api/gateways', body)).status).toBe(201);
    }
    await insertLatest(api.storage.readModels, [
      aReading({ sensorId: 'a-1/power', nodeId: 'a-1', gatewayId: 'gw-a' }),
      aReading({ sensorId: 'a-2/power', nodeId: 'a-2', gatewayId: 'gw-a' }),
      aReading({ sensorId: 'b-1/power', nodeId: 'b-1', gatewayId: 'gw-b' }),
    ]);
  }, 90_000);
  afterAll(() => api.close());

  it("lists only the caller's own sensors, shared until set, then with the visibility set and who set it", async () => {
    const deadline = Date.now() + 10_000;
    let mine = await page('user:alice');
    while (mine.items.length < 2 && Date.now() < deadline) mine = await page('user:alice');
    expect(mine.items.map((s) => [s.sensorId, s.visibility, s.changedBy])).toEqual([
      ['a-1/power', 'shared', null],
      ['a-2/power', 'shared', null],
    ]);
    const set = await api.call('user:alice', 'PUT', '/api/sensors/a-2/power/visibility', { visibility: 'private' });
    expect(set.status).toBe(200);
    let after = await page('user:alice');
    while (after.items[1]?.visibility !== 'private' && Date.now() < deadline) after = await page('user:alice');
    expect(after.items[1]).toMatchObject({ sensorId: 'a-2/power', visibility: 'private', changedBy: 'user:alice' });
    expect(Date.parse(after.items[1]!.changedAt ?? '')).not.toBeNaN();
    expect((await page('user:bob')).items.map((s) => s.sensorId)).toEqual(['b-1/power']);
    expect((await page('client:c-1')).items).toEqual([]);
    expect((await page('admin:root')).items.map((s) => s.sensorId)).toEqual(['a-1/power', 'a-2/power', 'b-1/power']);
  });

  it('pages in id order and refuses bad input with a problem', async () => {
    const first = await page('admin:root', '?limit=2');
    expect(first.items.map((s) => s.sensorId)).toEqual(['a-1/power', 'a-2/power']);
    expect(first.nextAfter).toBe('a-2/power');
    const rest = await page('admin:root', `?limit=2&after=${encodeURIComponent(first.nextAfter!)}`);
    expect(rest).toEqual({ items: [expect.objectContaining({ sensorId: 'b-1/power' })], nextAfter: null });
    expect((await page('admin:root', '?gateway=gw-b')).items.map((s) => s.sensorId)).toEqual(['b-1/power']);
    const bad = await api.call('admin:root', 'GET', '/api/sensor-visibility?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await api.call(null, 'GET', '/api/sensor-visibility')).status).toBe(401);
  });
});
