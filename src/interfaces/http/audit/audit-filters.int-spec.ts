import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { anEvent } from '#test/support/test-ids.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const TOKEN = 'f'.repeat(64);
const SENSOR = 'zigbee:0x000b57fffec6a5b2/1/switchState';

describe('GET /api/audit: filters by object and actor, CSV export', () => {
  let server: RunningServer;
  let dataDir: string;
  const get = (path: string): Promise<Response> =>
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-audit-'));
    server = await startHttpServer(
      { storage: { store: 'embedded', dataDir }, host: '127.0.0.1', port: 0, tls: null, adminToken: TOKEN },
      pino({ level: 'silent' }),
    );
    const store = server.storage.eventStore;
    await store.append(
      'gateway-g1',
      [
        {
          ...anEvent('GatewayDetailsChanged', { gatewayId: 'g1', name: 'Shed, "north"' }),
          metadata: { actorId: 'user:alice' },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await store.append(
      'command-c1',
      [
        {
          ...anEvent('ActuatorCommandRequested', { commandId: 'c1', sensorId: SENSOR, gatewayId: 'g1' }),
          metadata: { actorId: 'user:bob' },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await store.append(
      'gateway-g2',
      [{ ...anEvent('GatewayDetailsChanged', { gatewayId: 'g2', name: 'Barn' }), metadata: { actorId: 'user:alice' } }],
      { expectedRevision: 'no_stream' },
    );
    server.projections.poke();
    const deadline = Date.now() + 15_000;
    while (((await (await get('/api/audit')).json()) as { items: unknown[] }).items.length < 3) {
      if (Date.now() > deadline) throw new Error('audit projection did not catch up');
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 40_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const streams = async (query: string) =>
    ((await (await get(`/api/audit?${query}`)).json()) as { items: { stream: string }[] }).items.map((i) => i.stream);

  it('filters by the object an entry is about (gateway, sensor, command id), by actor and by type, combined', async () => {
    expect(await streams('object=g1')).toEqual(['gateway-g1', 'command-c1']);
    expect(await streams(`object=${encodeURIComponent(SENSOR)}`)).toEqual(['command-c1']);
    expect(await streams('object=c1')).toEqual(['command-c1']);
    expect(await streams('object=g1&actorId=user:alice')).toEqual(['gateway-g1']);
    expect(await streams('type=GatewayDetailsChanged&actorId=user:alice')).toEqual(['gateway-g1', 'gateway-g2']);
    expect(await streams('object=nothing')).toEqual([]);
  });

  it('exports CSV with a header and RFC 4180 quoting', async () => {
    const answer = await get('/api/audit?format=csv&actorId=user:alice');
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await answer.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('seq,recordedAt,type,stream,revision,actorId,correlationId,eventId,summary');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      /^1,\d{4}-\d\d-\d\dT[^,]+,GatewayDetailsChanged,gateway-g1,0,user:alice,,[0-9a-f-]{36},"GatewayDetailsChanged: gateway g1 \? changed; name=Shed, ""north"""$/,
    );
    expect((await get('/api/audit?format=xml')).status).toBe(400);
  });
});
