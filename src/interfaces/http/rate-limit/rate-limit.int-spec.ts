import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startHttpServer, type RunningServer } from '../http-server.js';

const TOKEN = 'a'.repeat(64);
// Refills too slowly to matter during the test.
const SLOW = 0.001;

describe('rate limits per principal, else per client address', () => {
  let server: RunningServer;
  let dataDir: string;
  const get = (path: string, token?: string): Promise<Response> =>
    fetch(`${server.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-ratelimit-'));
    server = await startHttpServer(
      {
        storage: { store: 'embedded', dataDir },
        host: '127.0.0.1',
        port: 0,
        tls: null,
        adminToken: TOKEN,
        rateLimit: { principal: { ratePerSecond: SLOW, burst: 4 }, anonymous: { ratePerSecond: SLOW, burst: 3 } },
      },
      pino({ level: 'silent' }),
    );
  }, 30_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('spends the principal bucket for authenticated requests and answers 429 problem with Retry-After when empty', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await get('/api/gateways', TOKEN);
      statuses.push(last.status);
      if (i === 0)
        expect([last.headers.get('ratelimit-limit'), last.headers.get('ratelimit-remaining')]).toEqual(['4', '3']);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(last?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last?.json()).toMatchObject({
      status: 429,
      type: 'urn:wattlog:problem:rate-limited',
      instance: '/api/gateways',
    });
  });

  it('keeps anonymous callers on their address bucket, and makes failed token guesses cost it too', async () => {
    // The principal's bucket is empty, the address's is not.
    expect((await get('/health/live')).status).toBe(200);
    expect((await get('/api/gateways', 'b'.repeat(64))).status).toBe(401);
    expect((await get('/api/no-such-route')).status).toBe(404);
    const refused = await get('/health/live');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect((await get('/api/gateways', 'c'.repeat(64))).status).toBe(429);
  });
});
