import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { anEvent } from '#test/support/test-ids.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const TOKEN = 'a'.repeat(64);

describe('GET /api/audit', () => {
  let server: RunningServer;
  let dataDir: string;
  const get = (path: string, token: string | null = TOKEN): Promise<Response> =>
    fetch(`${server.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-api-'));
    server = await startHttpServer(
      { storage: { store: 'embedded', dataDir }, host: '127.0.0.1', port: 0, tls: null, adminToken: TOKEN },
      pino({ level: 'silent' }),
    );
    const store = server.storage.eventStore;
    await store.append(
      'gateway-1',
      [{ ...anEvent('GatewayRegistered', { name: 'home' }), metadata: { actorId: 'admin-1' } }],
      { expectedRevision: 'no_stream' },
    );
    await store.append('gateway-2', [anEvent('GatewayRegistered', { name: 'office' })], {
      expectedRevision: 'no_stream',
    });
    await store.append('gateway-1', [anEvent('NetworkKeyRotated', { fingerprint: 'ab12' })], { expectedRevision: 0 });
    server.projections.poke();
    const deadline = Date.now() + 10_000;
    while (((await (await get('/api/audit')).json()) as { items: unknown[] }).items.length < 3) {
      if (Date.now() > deadline) throw new Error('audit projection did not catch up');
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 30_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the trail in log order with who did what', async () => {
    const page = (await (await get('/api/audit')).json()) as {
      items: { stream: string; type: string; actorId: string; summary: string }[];
    };
    expect(page.items.map((i) => [i.stream, i.type])).toEqual([
      ['gateway-1', 'GatewayRegistered'],
      ['gateway-2', 'GatewayRegistered'],
      ['gateway-1', 'NetworkKeyRotated'],
    ]);
    expect(page.items[0]).toMatchObject({ actorId: 'admin-1', summary: 'GatewayRegistered: name=home' });
  });

  it('filters by stream and type, and pages with afterSeq, or newest first with beforeSeq', async () => {
    const byStream = (await (await get('/api/audit?stream=gateway-1')).json()) as { items: { type: string }[] };
    expect(byStream.items.map((i) => i.type)).toEqual(['GatewayRegistered', 'NetworkKeyRotated']);
    const first = (await (await get('/api/audit?limit=2')).json()) as { items: unknown[]; nextAfterSeq: number };
    expect(first.items).toHaveLength(2);
    const second = (await (await get(`/api/audit?limit=2&afterSeq=${first.nextAfterSeq}`)).json()) as {
      items: unknown[];
      nextAfterSeq: null;
    };
    expect(second).toMatchObject({ nextAfterSeq: null });
    expect(second.items).toHaveLength(1);
    type Page = { items: { type: string; seq: number }[]; nextBeforeSeq: number | null; nextAfterSeq: null };
    const newest = (await (await get('/api/audit?limit=2&order=desc')).json()) as Page;
    expect(newest.items.map((i) => i.type)).toEqual(['NetworkKeyRotated', 'GatewayRegistered']);
    expect(newest).toMatchObject({ nextAfterSeq: null, nextBeforeSeq: newest.items[1]!.seq });
    const older = (await (await get(`/api/audit?limit=2&order=desc&beforeSeq=${newest.nextBeforeSeq}`)).json()) as Page;
    expect(older.items.map((i) => i.type)).toEqual(['GatewayRegistered']);
    expect(older.nextBeforeSeq).toBeNull();
    const inFuture = (await (await get('/api/audit?from=2999-01-01T00:00:00Z')).json()) as { items: unknown[] };
    expect(inFuture.items).toEqual([]);
  });

  it('refuses missing or wrong tokens with 401', async () => {
    expect((await get('/api/audit', null)).status).toBe(401);
    expect((await get('/api/audit', 'b'.repeat(64))).status).toBe(401);
  });

  it('answers bad parameters with 400 and says why', async () => {
    const tooMany = await get('/api/audit?limit=5000');
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(await tooMany.json())).toContain('limit must not be greater than 1000');
    expect((await get('/api/audit?from=yesterday')).status).toBe(400);
    expect((await get('/api/audit?unknown=1')).status).toBe(400);
  });
});
