import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startHttpServer, type RunningServer } from '../http-server.js';

const TOKEN = 'h'.repeat(64);

describe('PATCH /api/gateways/{id} and the gateway configuration history', () => {
  let server: RunningServer;
  let dataDir: string;
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const json = async <T>(response: Response | Promise<Response>): Promise<T> => (await (await response).json()) as T;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-gateway-configuration-'));
    server = await startHttpServer(
      { storage: { store: 'embedded', dataDir }, host: '127.0.0.1', port: 0, tls: null, adminToken: TOKEN },
      pino({ level: 'silent' }),
    );
    const registered = await call('POST', '/api/gateways', {
      id: 'gw-config-1',
      name: 'Shed',
      networkType: 'zigbee',
      address: '192.0.2.30',
      location: { lat: 52, lon: 5 },
    });
    expect(registered.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('changes only what differs, and shows the configuration before and after with who changed it', async () => {
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const changed = await call('PATCH', '/api/gateways/gw-config-1', {
      name: 'Garden shed',
      description: 'PV inverter',
      location: { lat: 52.5, lon: 5.5 },
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ id: 'gw-config-1', changedFields: ['name', 'description', 'location'] });
    expect(await json(call('PATCH', '/api/gateways/gw-config-1', { name: 'Garden shed' }))).toEqual({
      id: 'gw-config-1',
      changedFields: [],
    });

    const now = await json<{
      revision: number;
      fields: Record<string, { value: unknown; by: string; revision: number }>;
    }>(call('GET', '/api/gateways/gw-config-1/configuration'));
    expect(now.fields.name).toMatchObject({ value: 'Garden shed', by: 'user:bootstrap-admin', revision: now.revision });
    expect(now.fields.location?.value).toEqual({ lat: 52.5, lon: 5.5, label: '' });
    const then = await json<{ fields: Record<string, { value: unknown }> }>(
      call('GET', `/api/gateways/gw-config-1/configuration?at=${encodeURIComponent(before)}`),
    );
    expect(then.fields.name?.value).toBe('Shed');

    const changes = await json<{ field: string; before: unknown; after: unknown; type: string }[]>(
      call(
        'GET',
        `/api/gateways/gw-config-1/configuration/changes?from=${encodeURIComponent(before)}&to=${encodeURIComponent(new Date().toISOString())}`,
      ),
    );
    expect(changes.map((c) => [c.field, c.before, c.after, c.type])).toEqual([
      ['name', 'Shed', 'Garden shed', 'GatewayDetailsChanged'],
      ['description', '', 'PV inverter', 'GatewayDetailsChanged'],
      ['location', { lat: 52, lon: 5, label: '' }, { lat: 52.5, lon: 5.5, label: '' }, 'GatewayDetailsChanged'],
    ]);
  });

  it('answers bad input with 400 problems and unknown gateways with 404, changing nothing', async () => {
    const empty = await call('PATCH', '/api/gateways/gw-config-1', { name: '' });
    expect(empty.status).toBe(400);
    expect(empty.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await call('PATCH', '/api/gateways/gw-config-1', { location: { lat: 91, lon: 5 } })).status).toBe(400);
    expect((await call('GET', '/api/gateways/gw-config-1/configuration?at=yesterday')).status).toBe(400);
    expect(
      (
        await call(
          'GET',
          '/api/gateways/gw-config-1/configuration/changes?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z',
        )
      ).status,
    ).toBe(400);
    expect(
      (await call('GET', '/api/gateways/gw-config-1/configuration/changes?from=2025-02-01T00:00:00Z')).status,
    ).toBe(400);
    expect((await call('PATCH', '/api/gateways/gw-unknown', { name: 'x' })).status).toBe(404);
    expect((await call('GET', '/api/gateways/gw-unknown/configuration')).status).toBe(404);
    expect((await call('GET', `/api/gateways/${encodeURIComponent('no such id!')}/configuration`)).status).toBe(404);
    const now = await json<{ fields: Record<string, { value: unknown }> }>(
      call('GET', '/api/gateways/gw-config-1/configuration'),
    );
    expect(now.fields.name?.value).toBe('Garden shed');
  });
});
