import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { login } from '#test/support/access.js';
import { startHttpServer, type RunningServer } from '../http/http-server.js';
import { DEMO_ADMIN_EMAIL, ensureDemoAdmin } from './demo-admin.js';

const ADMIN = 'd'.repeat(64);

describe('demo admin bootstrap', () => {
  let server: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-demo-admin-'));
    server = await startHttpServer(
      { storage: { store: 'embedded', dataDir }, host: '127.0.0.1', port: 0, tls: null, adminToken: ADMIN },
      pino({ level: 'silent' }),
    );
  }, 60_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates one admin with a random strong password on the first start only', async () => {
    const api = { url: new URL(server.url), token: ADMIN };
    const created = await ensureDemoAdmin(server.storage.eventStore, api);
    expect(created).toEqual({ email: DEMO_ADMIN_EMAIL, password: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) });
    const tokens = await login(server.url, created!.email, created!.password);
    const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${tokens.accessToken}` } });
    expect(await me.json()).toMatchObject({ kind: 'user', role: 'admin' });
    await expect(ensureDemoAdmin(server.storage.eventStore, api)).resolves.toBeUndefined();
  }, 30_000);
});
