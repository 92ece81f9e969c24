import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { aClientWithToken, aLoggedInUser, login } from '#test/support/access.js';
import { captureLogs } from '#test/support/log-capture.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const ADMIN = 's'.repeat(64);
const sidOf = (token: string): string => (jwt.decode(token) as { sid: string }).sid;

/** Login sessions as an allow-list, and listing and revoking them through /api/users/{id}/sessions. */
describe('/api/users/{id}/sessions', () => {
  let server: RunningServer;
  let dataDir: string;
  let signingKey: Buffer;
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
  const me = async (token: string) => (await call('GET', '/api/me', token)).status;
  const refresh = async (refreshToken: string) =>
    (
      await fetch(`${server.url}/api/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      })
    ).status;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-sessions-api-'));
    server = await startHttpServer(
      { storage: { store: 'embedded', dataDir }, host: '127.0.0.1', port: 0, tls: null, adminToken: ADMIN },
      logs.logger,
    );
    signingKey = Buffer.from(readFileSync(join(dataDir, 'jwt.key'), 'utf8').trim(), 'hex');
  }, 60_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('honours a well-signed token only for a live session of its own user', async () => {
    const ann = await aLoggedInUser(server.url, ADMIN);
    const bob = await aLoggedInUser(server.url, ADMIN);
    const now = Math.floor(Date.now() / 1000);
    const forged = (sub: string, sid: string) =>
      jwt.sign({ sub, typ: 'user', sid, iat: now, exp: now + 600 }, signingKey, {
        algorithm: 'HS256',
        audience: 'wattlog-api',
        issuer: 'wattlog',
      });
    expect(await me(ann.accessToken)).toBe(200);
    expect(await me(forged(ann.userId, randomUUID()))).toBe(401);
    // Bob's live session does not carry Ann's user id.
    expect(await me(forged(ann.userId, sidOf(bob.accessToken)))).toBe(401);
    expect(await me(forged(ann.userId, sidOf(ann.accessToken)))).toBe(200);
  });

  it('lists the open sessions to the user and admins, and hides them from others', async () => {
    const ann = await aLoggedInUser(server.url, ADMIN);
    const second = await login(server.url, ann.email, ann.password);
    const other = await aLoggedInUser(server.url, ADMIN);
    const client = await aClientWithToken(server.url, ADMIN);
    const own = await call('GET', `/api/users/${ann.userId}/sessions`, ann.accessToken);
    expect(own.status).toBe(200);
    const { items } = (await own.json()) as { items: { sessionId: string; current: boolean; createdAt: string }[] };
    expect(items.map((s) => s.sessionId).sort()).toEqual([sidOf(ann.accessToken), sidOf(second.accessToken)].sort());
    expect(items.find((s) => s.current)?.sessionId).toBe(sidOf(ann.accessToken));
    expect(JSON.stringify(items)).not.toContain(ann.refreshToken);

    const byAdmin = (await (await call('GET', `/api/users/${ann.userId}/sessions`, ADMIN)).json()) as {
      items: { current: boolean }[];
    };
    expect(byAdmin.items).toHaveLength(2);
    expect(byAdmin.items.every((s) => !s.current)).toBe(true);
    expect((await call('GET', `/api/users/${ann.userId}/sessions`, other.accessToken)).status).toBe(404);
    expect((await call('GET', `/api/users/${ann.userId}/sessions`, client.accessToken)).status).toBe(403);
    expect(
      (await call('POST', `/api/users/${ann.userId}/sessions/${sidOf(second.accessToken)}/revoke`, other.accessToken))
        .status,
    ).toBe(404);
    expect((await call('GET', `/api/users/${ann.userId}/sessions/x`, ann.accessToken)).status).toBe(404);
  });

  it('revokes one session: its access token (already verified once) and refresh token stop at once, the others go on', async () => {
    const ann = await aLoggedInUser(server.url, ADMIN);
    const second = await login(server.url, ann.email, ann.password);
    expect(await me(second.accessToken)).toBe(200);
    const revoked = await call('POST', `/api/users/${ann.userId}/sessions/${sidOf(second.accessToken)}/revoke`, ADMIN);
    expect(revoked.status).toBe(204);
    expect(await me(second.accessToken)).toBe(401);
    expect(await refresh(second.refreshToken)).toBe(401);
    expect(await me(ann.accessToken)).toBe(200);
    // Ended once is not open any more: a second revoke finds nothing.
    expect(
      (await call('POST', `/api/users/${ann.userId}/sessions/${sidOf(second.accessToken)}/revoke`, ADMIN)).status,
    ).toBe(404);
    const listed = (await (await call('GET', `/api/users/${ann.userId}/sessions`, ann.accessToken)).json()) as {
      items: { sessionId: string }[];
    };
    expect(listed.items.map((s) => s.sessionId)).toEqual([sidOf(ann.accessToken)]);
    const history = await server.storage.eventStore.readStream(`user-${ann.userId}`);
    expect(history.at(-1)).toMatchObject({
      type: 'UserSessionEnded',
      data: { sessionId: sidOf(second.accessToken), reason: 'revoked' },
    });
  });

  it('revokes every session of a user, the asking one too', async () => {
    const ann = await aLoggedInUser(server.url, ADMIN);
    const second = await login(server.url, ann.email, ann.password);
    const answer = await call('POST', `/api/users/${ann.userId}/sessions/revoke`, ann.accessToken);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ revoked: 2 });
    expect(await me(ann.accessToken)).toBe(401);
    expect(await me(second.accessToken)).toBe(401);
    expect(await refresh(ann.refreshToken)).toBe(401);
    const again = await login(server.url, ann.email, ann.password);
    expect(await me(again.accessToken)).toBe(200);
  });
});
