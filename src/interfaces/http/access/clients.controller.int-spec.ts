import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { pino } from 'pino';
import { aClientWithToken, aLoggedInUser } from '#test/support/access.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const ADMIN = 'c'.repeat(64);

describe('/api/clients and /api/oauth/token', () => {
  let server: RunningServer;
  let dataDir: string;
  const call = (method: string, path: string, body?: unknown, token?: string) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const form = (fields: Record<string, string> | string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: typeof fields === 'string' ? fields : new URLSearchParams(fields).toString(),
    });
  const me = (token: string) => call('GET', '/api/me', undefined, token);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-clients-api-'));
    server = await startHttpServer(
      { storage: { store: 'embedded', dataDir }, host: '127.0.0.1', port: 0, tls: null, adminToken: ADMIN },
      pino({ level: 'silent' }),
    );
  }, 60_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers a client, shows its secret once, and grants client-credentials tokens (form body, HTTP Basic, JSON)', async () => {
    const created = await call('POST', '/api/clients', { organisation: ' Grid Co ', name: 'billing export' }, ADMIN);
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const client = (await created.json()) as {
      clientId: string;
      clientSecret: string;
      secretFingerprint: string;
      organisation: string;
    };
    expect(client).toMatchObject({
      organisation: 'Grid Co',
      name: 'billing export',
      clientSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });

    const viaForm = await form({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect(viaForm.status).toBe(200);
    expect(viaForm.headers.get('cache-control')).toBe('no-store');
    const granted = (await viaForm.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(granted).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 900 });
    expect(jwt.decode(granted.access_token)).toMatchObject({
      sub: client.clientId,
      typ: 'client',
      aud: 'wattlog-api',
      iss: 'wattlog',
    });
    expect(await (await me(granted.access_token)).json()).toEqual({
      kind: 'client',
      clientId: client.clientId,
      organisation: 'Grid Co',
      clientRole: 'api',
      scopes: [],
    });

    const basic = Buffer.from(
      `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`,
    ).toString('base64');
    expect((await form({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` })).status).toBe(200);
    expect(
      (
        await call('POST', '/api/oauth/token', {
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        })
      ).status,
    ).toBe(200);

    const listed = (await (await call('GET', '/api/clients', undefined, ADMIN)).json()) as {
      items: { clientId: string }[];
    };
    expect(JSON.stringify(listed)).not.toContain(client.clientSecret);
  }, 30_000);

  it('answers RFC 6749 errors', async () => {
    const client = await aClientWithToken(server.url, ADMIN);
    const wrong = await form({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: 'x'.repeat(43),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Basic');
    expect(await wrong.json()).toEqual({ error: 'invalid_client', error_description: 'client authentication failed' });
    const unknown = await form({
      grant_type: 'client_credentials',
      client_id: 'nobody',
      client_secret: client.clientSecret,
    });
    expect(await unknown.json()).toMatchObject({ error: 'invalid_client' });
    expect(await (await form({ grant_type: 'password', client_id: client.clientId })).json()).toMatchObject({
      error: 'unsupported_grant_type',
    });
    const missing = await form({ client_id: client.clientId });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
    const repeated = await form(
      `grant_type=client_credentials&client_id=${client.clientId}&client_id=other&client_secret=${client.clientSecret}`,
    );
    expect(await repeated.json()).toMatchObject({ error: 'invalid_request' });
    expect(await (await form({ grant_type: 'client_credentials' })).json()).toMatchObject({ error: 'invalid_client' });
  }, 30_000);

  it('rotating the secret retires the old one; revoking refuses the client and its tokens on the next request', async () => {
    const client = await aClientWithToken(server.url, ADMIN);
    const rotated = (await (
      await call('POST', `/api/clients/${client.clientId}/rotate-secret`, undefined, ADMIN)
    ).json()) as { clientSecret: string };
    expect(rotated.clientSecret).not.toBe(client.clientSecret);
    expect(
      (await form({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }))
        .status,
    ).toBe(401);
    expect(
      (
        await form({
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: rotated.clientSecret,
        })
      ).status,
    ).toBe(200);

    expect((await me(client.accessToken)).status).toBe(200);
    expect(
      (await call('POST', `/api/clients/${client.clientId}/revoke`, { reason: 'contract ended' }, ADMIN)).status,
    ).toBe(200);
    expect((await me(client.accessToken)).status).toBe(401);
    expect(
      (
        await form({
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: rotated.clientSecret,
        })
      ).status,
    ).toBe(401);
    expect((await call('POST', `/api/clients/${client.clientId}/rotate-secret`, undefined, ADMIN)).status).toBe(409);
    expect((await call('POST', '/api/clients/no-such-client/revoke', {}, ADMIN)).status).toBe(404);
  }, 30_000);

  it('lets only admins manage clients', async () => {
    const user = await aLoggedInUser(server.url, ADMIN);
    const client = await aClientWithToken(server.url, ADMIN);
    for (const token of [user.accessToken, client.accessToken]) {
      expect((await call('POST', '/api/clients', { organisation: 'x', name: 'y' }, token)).status).toBe(403);
      expect((await call('GET', '/api/clients', undefined, token)).status).toBe(403);
      expect((await call('POST', `/api/clients/${client.clientId}/revoke`, {}, token)).status).toBe(403);
    }
    expect((await call('POST', '/api/clients', { organisation: ' ', name: 'y' }, ADMIN)).status).toBe(400);
    expect((await call('POST', '/api/clients', { organisation: 'x' })).status).toBe(401);
  }, 30_000);

  it('keeps client secrets and their verifiers out of every stored event', async () => {
    const client = await aClientWithToken(server.url, ADMIN);
    const events = JSON.stringify(await server.storage.eventStore.readAll({ max: 100_000 }));
    const rows = await server.storage.readModels.query<{ secret_verifier: Uint8Array }>(
      'SELECT secret_verifier FROM api_client_secrets WHERE client_id = $1',
      [client.clientId],
    );
    const verifier = Buffer.from(rows[0]!.secret_verifier);
    for (const secret of [
      client.clientSecret,
      Buffer.from(client.clientSecret, 'base64url').toString('hex'),
      verifier.toString('hex'),
      verifier.toString('base64'),
    ]) {
      expect(events).not.toContain(secret);
    }
    expect(events).toContain(client.clientId);
  }, 30_000);
});
