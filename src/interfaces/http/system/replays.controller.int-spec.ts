import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aLoggedInUser } from '#test/support/access.js';
import { captureLogs } from '#test/support/log-capture.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const ADMIN = 'r'.repeat(64);

interface Replay {
  replayId: string;
  state: string;
  applied: number;
  total: number;
  current: string | null;
  projections: string[];
  etaSeconds: number | null;
}

/** A replay started over HTTP: admin only, progress to poll, queries answering meanwhile, one at a time. */
describe('/api/system/replays', () => {
  let server: RunningServer;
  let dataDir: string;
  const logs = captureLogs(100_000);
  const call = (method: string, path: string, token: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-replays-api-'));
    server = await startHttpServer(
      { storage: { store: 'embedded', dataDir }, host: '127.0.0.1', port: 0, tls: null, adminToken: ADMIN },
      logs.logger,
    );
  }, 60_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('rebuilds every read model with its progress while queries keep answering', async () => {
    for (let i = 0; i < 5; i++) await aLoggedInUser(server.url, ADMIN);
    // One at a time is covered by replay-jobs.spec.ts: a small log rebuilds faster than a second request arrives.
    const started = await call('POST', '/api/system/replays', ADMIN, { projection: 'all' });
    expect(started.status).toBe(202);
    const replay = (await started.json()) as Replay;
    expect(replay).toMatchObject({ state: 'running', projection: 'all' });
    expect(replay.projections).toContain('users');

    let last = replay;
    let answeredMeanwhile = 0;
    const deadline = Date.now() + 60_000;
    while (last.state === 'running' && Date.now() < deadline) {
      const [users, progress] = await Promise.all([
        call('GET', '/api/users', ADMIN),
        call('GET', `/api/system/replays/${replay.replayId}`, ADMIN),
      ]);
      if (users.status === 200 && ((await users.json()) as { items: unknown[] }).items.length === 5)
        answeredMeanwhile += 1;
      last = (await progress.json()) as Replay;
    }
    expect(last).toMatchObject({ state: 'done', current: null, etaSeconds: 0 });
    expect(last.applied).toBeGreaterThan(0);
    expect(last.applied).toBeGreaterThanOrEqual(last.total);
    expect(answeredMeanwhile).toBeGreaterThan(0);
    const listed = (await (await call('GET', '/api/system/replays', ADMIN)).json()) as {
      items: Replay[];
      readModels: string[];
    };
    expect(listed.items[0]?.replayId).toBe(replay.replayId);
    expect(listed.readModels).toContain('audit_log');
    // Rebuilt from the log, the users read model still lists them all.
    expect(((await (await call('GET', '/api/users', ADMIN)).json()) as { items: unknown[] }).items).toHaveLength(5);
  }, 120_000);

  it('refuses unknown read models, unknown replays and anyone but an admin', async () => {
    const user = await aLoggedInUser(server.url, ADMIN);
    const unknown = await call('POST', '/api/system/replays', ADMIN, { projection: 'nope' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { detail: string }).detail).toMatch(/unknown read model "nope"/);
    expect((await call('POST', '/api/system/replays', ADMIN, { projection: "x'; drop" })).status).toBe(400);
    expect((await call('GET', '/api/system/replays/nope', ADMIN)).status).toBe(404);
    expect((await call('POST', '/api/system/replays', user.accessToken, { projection: 'users' })).status).toBe(403);
    expect((await call('GET', '/api/system/replays', user.accessToken)).status).toBe(403);
  });
});
