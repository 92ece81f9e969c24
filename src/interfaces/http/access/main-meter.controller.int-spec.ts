import { randomUUID } from 'node:crypto';
import { aReading, insertLatest } from '#test/fixtures/readings-read-model.fixtures.js';
import { InMemoryPrincipalDirectory } from '#test/support/in-memory-principal-directory.js';
import { startPrincipalApi, type PrincipalApi } from '#test/support/principal-api.js';

const GATEWAY = `gw-main-${randomUUID().slice(0, 8)}`;
const MAIN = `dsmr:${GATEWAY}/power`;
const SWITCH = `zigbee2mqtt:${GATEWAY}/plug/switchState`;

describe('the main meter setting over HTTP', () => {
  let api: PrincipalApi;

  beforeAll(async () => {
    api = await startPrincipalApi('main-meter', new InMemoryPrincipalDirectory());
    await insertLatest(api.storage.readModels, [
      aReading({ sensorId: MAIN, gatewayId: GATEWAY }),
      aReading({ sensorId: SWITCH, gatewayId: GATEWAY, quantity: 'switchState', unit: '1', value: 1 }),
    ]);
  }, 60_000);

  afterAll(() => api.close());

  const put = (as: string, body: unknown) => api.call(as, 'PUT', '/api/me/main-meter', body);
  const get = async (as: string) =>
    (await (await api.call(as, 'GET', '/api/me/main-meter')).json()) as { sensorId: string | null };

  it('keeps each caller’s own choice, clears it with null, and refuses what is not a power sensor it may read', async () => {
    expect(await get('admin:root')).toEqual({ sensorId: null });
    expect((await put('admin:root', { sensorId: MAIN })).status).toBe(200);
    expect(await get('admin:root')).toEqual({ sensorId: MAIN });
    // Another caller's setting is its own.
    expect(await get('admin:other')).toEqual({ sensorId: null });
    // Bad input: missing, wrong type, empty, not power. Nothing is stored.
    for (const body of [{}, { sensorId: 5 }, { sensorId: '' }, { sensorId: SWITCH }]) {
      const answer = await put('admin:root', body);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    expect(await get('admin:root')).toEqual({ sensorId: MAIN });
    // A sensor nobody knows, and one a stranger may not read, read alike: not found.
    expect((await put('admin:root', { sensorId: `${MAIN}-x` })).status).toBe(404);
    expect((await put('user:stranger', { sensorId: MAIN })).status).toBe(404);
    expect((await put('admin:root', { sensorId: null })).status).toBe(200);
    expect(await get('admin:root')).toEqual({ sensorId: null });
  });
});
