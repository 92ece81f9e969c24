import { InMemoryPrincipalDirectory } from '#test/support/in-memory-principal-directory.js';
import { startPrincipalApi, type PrincipalApi } from '#test/support/principal-api.js';
import { aReading, insertLatest, insertNodes } from '#test/fixtures/readings-read-model.fixtures.js';

const A = 'a-meter/power';
const B = 'b-plug/power';

interface Latest {
  items: { sensorId: string }[];
  missing: string[];
}

describe('access over HTTP', () => {
  let api: PrincipalApi;
  const json = async <T>(response: Response | Promise<Response>): Promise<T> => (await (await response).json()) as T;
  const latestAs = async (who: string): Promise<string[]> =>
    (
      await json<Latest>(
        api.call(who, 'GET', `/api/readings/latest?sensor=${encodeURIComponent(A)}&sensor=${encodeURIComponent(B)}`),
      )
    ).items.map((r) => r.sensorId);
  const eventually = async <T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await read();
      if (ok(value) || Date.now() > deadline) return value;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const gateway = (id: string, ownerId: string) => ({
    id,
    ownerId,
    name: id,
    networkType: 'dsmr',
    address: 'p1',
    location: { lat: 0, lon: 0 },
  });

  beforeAll(async () => {
    const directory = new InMemoryPrincipalDirectory([
      { kind: 'user', id: 'alice' },
      { kind: 'user', id: 'bob' },
      { kind: 'user', id: 'carol' },
      { kind: 'client', id: 'c-1' },
    ]);
    api = await startPrincipalApi('access-api', directory);
    for (const [id, owner] of [
      ['gw-a', 'alice'],
      ['gw-b', 'bob'],
    ] as const) {
      expect((await api.call('admin:root', 'POST', '/api/gateways', gateway(id, owner))).status).toBe(201);
    }
    await insertLatest(api.storage.readModels, [
      aReading({ sensorId: A, nodeId: 'a-meter', gatewayId: 'gw-a' }),
      aReading({ sensorId: B, nodeId: 'b-plug', gatewayId: 'gw-b' }),
    ]);
    await insertNodes(api.storage.readModels, [
      { nodeId: 'a-meter', gatewayId: 'gw-a', status: 'joined' },
      { nodeId: 'b-plug', gatewayId: 'gw-b', status: 'joined' },
    ]);
    await eventually(
      () => latestAs('user:alice'),
      (ids) => ids.length === 1,
    );
  }, 90_000);
  afterAll(() => api.close());

  it('answers foreign objects with 404, admin-only operations with 403 and missing credentials with 401', async () => {
    expect(await latestAs('user:alice')).toEqual([A]);
    expect(await latestAs('user:bob')).toEqual([B]);
    expect((await api.call('user:bob', 'GET', '/api/nodes/a-meter')).status).toBe(404);
    const foreign = await api.call('user:bob', 'GET', '/api/gateways/gw-a');
    const unknown = await api.call('user:bob', 'GET', '/api/gateways/gw-zz');
    expect([foreign.status, unknown.status]).toEqual([404, 404]);
    expect((await json<{ detail: string }>(foreign)).detail).toBe('gateway gw-a does not exist');
    expect(
      (await json<{ items: { id: string }[] }>(api.call('user:alice', 'GET', '/api/gateways'))).items.map((g) => g.id),
    ).toEqual(['gw-a']);
    const rotate = await api.call('user:alice', 'POST', '/api/gateways/gw-a/rotate-key');
    expect(rotate.status).toBe(403);
    expect((await json<{ detail: string }>(rotate)).detail).toBe('rotating a network key requires the admin role');
    expect((await api.call('user:alice', 'POST', '/api/gateways/gw-a/owner', { ownerId: 'alice' })).status).toBe(403);
    expect((await api.call('user:alice', 'GET', '/api/audit')).status).toBe(403);
    expect((await api.call(null, 'GET', '/api/grants')).status).toBe(401);
  }, 60_000);

  it('grants, lists, narrows by visibility and revokes, each taking effect on the following requests', async () => {
    const bad = await api.call('user:alice', 'POST', '/api/grants', {
      grantee: { kind: 'user', id: 'bob' },
      scope: {},
      rights: ['write'],
    });
    expect(bad.status).toBe(400);
    expect(
      (
        await api.call('user:alice', 'POST', '/api/grants', {
          grantee: { kind: 'user', id: 'bob' },
          scope: {},
          rights: ['read'],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.call('user:bob', 'POST', '/api/grants', {
          grantee: { kind: 'user', id: 'bob' },
          scope: { sensorIds: [A] },
          rights: ['read'],
        })
      ).status,
    ).toBe(404);
    const created = await api.call('user:alice', 'POST', '/api/grants', {
      grantee: { kind: 'user', id: 'bob' },
      scope: { gatewayIds: ['gw-a'] },
      rights: ['read'],
    });
    expect(created.status).toBe(201);
    const { grantId } = await json<{ grantId: string }>(created);
    expect(
      await eventually(
        () => latestAs('user:bob'),
        (ids) => ids.length === 2,
      ),
    ).toEqual([A, B]);
    const held = await json<{ items: { grantId: string; rights: string[]; status: string }[] }>(
      api.call('user:bob', 'GET', '/api/grants?role=held'),
    );
    expect(held.items).toEqual([expect.objectContaining({ grantId, rights: ['read', 'aggregate'], status: 'active' })]);
    const hidden = await api.call('user:alice', 'PUT', `/api/sensors/${A}/visibility`, { visibility: 'private' });
    expect(hidden.status).toBe(200);
    expect(await json(hidden)).toEqual({ sensorId: A, visibility: 'private', changed: true });
    // Asking again for the visibility it has changes nothing and records nothing.
    expect(
      await json(api.call('user:alice', 'PUT', `/api/sensors/${A}/visibility`, { visibility: 'private' })),
    ).toEqual({ sensorId: A, visibility: 'private', changed: false });
    expect(
      await eventually(
        () => latestAs('user:bob'),
        (ids) => ids.length === 1,
      ),
    ).toEqual([B]);
    expect((await api.call('user:bob', 'PUT', `/api/sensors/${A}/visibility`, { visibility: 'shared' })).status).toBe(
      404,
    );
    expect(
      (await api.call('user:alice', 'PUT', `/api/sensors/${A}/visibility`, { visibility: 'everyone' })).status,
    ).toBe(400);
    expect((await api.call('user:alice', 'PUT', `/api/sensors/${A}/visibility`, { visibility: 'shared' })).status).toBe(
      200,
    );
    await eventually(
      () => latestAs('user:bob'),
      (ids) => ids.length === 2,
    );
    expect((await api.call('user:carol', 'POST', `/api/grants/${grantId}/revoke`)).status).toBe(404);
    expect((await api.call('user:alice', 'POST', `/api/grants/${grantId}/revoke`)).status).toBe(200);
    expect((await api.call('user:alice', 'POST', `/api/grants/${grantId}/revoke`)).status).toBe(409);
    expect(
      await eventually(
        () => latestAs('user:bob'),
        (ids) => ids.length === 1,
      ),
    ).toEqual([B]);
  }, 60_000);

  it('lets an admin hand a gateway to a homeowner, and shows owners who read their sensors', async () => {
    const moved = await api.call('admin:root', 'POST', '/api/gateways/gw-b/owner', { ownerId: 'carol' });
    expect(moved.status).toBe(200);
    expect(await json(moved)).toEqual({ id: 'gw-b', ownerId: 'carol', changed: true });
    expect((await api.call('admin:root', 'POST', '/api/gateways/gw-b/owner', { ownerId: 'nobody' })).status).toBe(400);
    // What was measured before the handover stays bob's (ADR 0024); the plug's next reading is carol's.
    expect(await latestAs('user:carol')).toEqual([]);
    await api.storage.readModels.query(
      `UPDATE readings_latest SET measured_at = now() + interval '1 second' WHERE sensor_id = $1`,
      [B],
    );
    expect(
      await eventually(
        () => latestAs('user:carol'),
        (ids) => ids.length === 1,
      ),
    ).toEqual([B]);
    expect(await latestAs('user:bob')).toEqual([]);
    expect((await api.call('user:alice', 'GET', `/api/readings/latest?sensor=${encodeURIComponent(B)}`)).status).toBe(
      200,
    );
    const log = await eventually(
      () =>
        json<{ items: { actorId: string; sensorId: string; requests: number }[] }>(
          api.call('user:carol', 'GET', '/api/access-log'),
        ),
      (page) => page.items.some((e) => e.actorId === 'user:carol'),
    );
    expect(log.items.map((e) => e.sensorId)).toEqual(expect.arrayContaining([B]));
    expect(log.items.every((e) => e.sensorId === B)).toBe(true);
    const all = await json<{ items: { actorId: string }[] }>(
      api.call('admin:root', 'GET', '/api/access-log?limit=1000'),
    );
    expect(new Set(all.items.map((e) => e.actorId))).toEqual(new Set(['user:alice', 'user:bob', 'user:carol']));
  }, 60_000);
});
