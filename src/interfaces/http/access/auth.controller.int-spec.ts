import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { aLoggedInUser, aStrongPassword, login } from '#test/support/access.js';
import { captureLogs } from '#test/support/log-capture.js';
import { startHttpServer, type RunningServer } from '../http-server.js';
import { scryptParamsFor } from '../../../infrastructure/auth/scrypt-password-hasher.js';

const ADMIN = 'a'.repeat(64);

describe('/api/auth and /api/users', () => {
  let server: RunningServer;
  let dataDir: string;
  let signingKey: Buffer;
  const logs = captureLogs(100_000);
  const call = (method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...headers,
        ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const me = (token: string) => call('GET', '/api/me', undefined, token);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-auth-api-'));
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

  it('registers a user, logs in, and knows the user on /api/me', async () => {
    const password = aStrongPassword();
    const created = await call(
      'POST',
      '/api/users',
      { email: ' Ann@Example.ORG', displayName: 'Ann', role: 'user', password },
      ADMIN,
    );
    expect(created.status).toBe(201);
    const body = await created.text();
    expect(body).not.toContain(password);
    const user = JSON.parse(body) as { userId: string };
    expect(JSON.parse(body)).toEqual({
      userId: expect.any(String),
      email: 'ann@example.org',
      displayName: 'Ann',
      role: 'user',
    });

    const response = await call('POST', '/api/auth/login', { email: 'ANN@example.org', password });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const tokens = (await response.json()) as {
      accessToken: string;
      refreshToken: string;
      expiresIn: number;
      tokenType: string;
    };
    expect(tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const claims = jwt.decode(tokens.accessToken, { complete: true })!;
    expect(claims.header.alg).toBe('HS256');
    expect(claims.payload).toMatchObject({
      sub: user.userId,
      aud: 'wattlog-api',
      iss: 'wattlog',
      typ: 'user',
      sid: expect.any(String),
    });
    const payload = claims.payload as { exp: number; iat: number };
    expect(payload.exp - payload.iat).toBe(900);

    const who = await me(tokens.accessToken);
    expect(await who.json()).toEqual({
      kind: 'user',
      userId: user.userId,
      role: 'user',
      sessionId: (claims.payload as { sid: string }).sid,
    });
    // The user list is admin-only, decided by the handler.
    expect((await call('GET', '/api/users', undefined, tokens.accessToken)).status).toBe(403);
  }, 30_000);

  it('refuses bad registrations with 400 and a taken address (in any case) with 409', async () => {
    const register = (overrides: Record<string, unknown>) =>
      call(
        'POST',
        '/api/users',
        { email: 'bob@example.org', displayName: 'Bob', role: 'user', password: aStrongPassword(), ...overrides },
        ADMIN,
      );
    const short = await register({ password: 'short-pass' });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { detail: string }).detail).toBe('password must be at least 12 characters');
    const common = await register({ password: 'PASSWORD1234' });
    expect(((await common.json()) as { detail: string }).detail).toContain('too common');
    expect((await register({ email: 'not an email' })).status).toBe(400);
    expect((await register({ role: 'root' })).status).toBe(400);
    expect((await register({})).status).toBe(201);
    const again = await register({ email: 'BOB@example.org ' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ detail: 'a user with this email address already exists' });
  }, 60_000);

  it('answers a wrong password and an unknown address alike', async () => {
    const user = await aLoggedInUser(server.url, ADMIN);
    const wrong = await call('POST', '/api/auth/login', { email: user.email, password: `${user.password}x` });
    const unknown = await call('POST', '/api/auth/login', { email: 'nobody@example.org', password: user.password });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect((await call('POST', '/api/auth/login', { email: user.email })).status).toBe(400);
    expect((await call('POST', `/api/auth/login?email=${user.email}&password=${user.password}`, {})).status).toBe(400);
  }, 30_000);

  it('refuses forged, expired and misaddressed tokens', async () => {
    const user = await aLoggedInUser(server.url, ADMIN);
    const { sid } = jwt.decode(user.accessToken) as { sid: string };
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: user.userId, typ: 'user', sid, iat: now, exp: now + 600 };
    const sign = (payload: object, key: Buffer | string = signingKey, options: jwt.SignOptions = {}) =>
      jwt.sign(payload, key, { algorithm: 'HS256', audience: 'wattlog-api', issuer: 'wattlog', ...options });
    expect((await me(sign(claims))).status).toBe(200);

    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, aud: 'wattlog-api', iss: 'wattlog' })}.`;
    const [head, , signature] = user.accessToken.split('.');
    const tampered = `${head}.${b64({ ...(jwt.decode(user.accessToken) as object), role: 'admin', sub: 'someone-else' })}.${signature}`;
    const forged = {
      'alg none': unsigned,
      'wrong key': sign(claims, Buffer.alloc(32, 7)),
      expired: sign({ ...claims, iat: now - 1000, exp: now - 100 }),
      'wrong audience': sign(claims, signingKey, { audience: 'another-api' }),
      'wrong issuer': sign(claims, signingKey, { issuer: 'someone' }),
      'tampered payload': tampered,
      'HS512 with the right key': jwt.sign({ ...claims, aud: 'wattlog-api', iss: 'wattlog' }, signingKey, {
        algorithm: 'HS512',
      }),
      'unknown session kind': sign({ ...claims, typ: 'robot' }),
      garbage: 'abc.def.ghi',
    };
    for (const [label, token] of Object.entries(forged)) {
      const response = await me(token);
      expect([label, response.status]).toEqual([label, 401]);
    }
    const expired = await me(forged.expired);
    expect(await expired.json()).toMatchObject({ detail: 'the access token has expired; refresh it or log in again' });
    const none = await call('GET', '/api/me');
    expect(await none.json()).toMatchObject({
      status: 401,
      detail: 'authentication required: send Authorization: Bearer <token>',
    });
  }, 30_000);

  it('rotates refresh tokens; a reused one ends the whole session at once', async () => {
    const user = await aLoggedInUser(server.url, ADMIN);
    const refreshed = await call('POST', '/api/auth/refresh', { refreshToken: user.refreshToken });
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { accessToken: string; refreshToken: string };
    expect(next.refreshToken).not.toBe(user.refreshToken);
    expect((await me(next.accessToken)).status).toBe(200);

    const reused = await call('POST', '/api/auth/refresh', { refreshToken: user.refreshToken });
    expect(reused.status).toBe(401);
    // The thief's copy and the owner's current tokens alike stop working.
    expect((await me(next.accessToken)).status).toBe(401);
    expect((await me(user.accessToken)).status).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { refreshToken: next.refreshToken })).status).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { refreshToken: 'made-up' })).status).toBe(401);
  }, 30_000);

  it('refuses a refresh token that is not a string with a 400 validation problem', async () => {
    for (const refreshToken of [-9.28e228, 5, true, {}, ['x']]) {
      const refused = await call('POST', '/api/auth/refresh', { refreshToken });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ type: 'urn:wattlog:problem:validation-failed' });
    }
  });

  it('logout ends the session at once; other sessions of the user go on', async () => {
    const user = await aLoggedInUser(server.url, ADMIN);
    const second = await login(server.url, user.email, user.password);
    expect((await call('POST', '/api/auth/logout', undefined, user.accessToken)).status).toBe(204);
    expect((await me(user.accessToken)).status).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
    expect((await me(second.accessToken)).status).toBe(200);
    expect((await call('POST', '/api/auth/logout', undefined, ADMIN)).status).toBe(400);
  }, 30_000);

  it('disabling a user ends every session at once and stops new logins; a role change applies on the next request', async () => {
    const user = await aLoggedInUser(server.url, ADMIN);
    expect((await call('POST', `/api/users/${user.userId}/role`, { role: 'admin' }, user.accessToken)).status).toBe(
      403,
    );
    expect((await call('POST', `/api/users/${user.userId}/role`, { role: 'admin' }, ADMIN)).status).toBe(200);
    expect(await (await me(user.accessToken)).json()).toMatchObject({ role: 'admin' });
    expect((await call('GET', '/api/users', undefined, user.accessToken)).status).toBe(200);

    const disabled = await call('POST', `/api/users/${user.userId}/disable`, { reason: 'left' }, ADMIN);
    expect(disabled.status).toBe(200);
    expect((await me(user.accessToken)).status).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
    expect((await call('POST', '/api/auth/login', { email: user.email, password: user.password })).status).toBe(401);
    expect((await call('POST', '/api/users/no-such-user/disable', {}, ADMIN)).status).toBe(404);
  }, 30_000);

  it('changes the password with the current one; other sessions end, the asking one stays', async () => {
    const user = await aLoggedInUser(server.url, ADMIN);
    const other = await login(server.url, user.email, user.password);
    const change = (currentPassword: string, newPassword: string) =>
      call('POST', '/api/auth/password', { currentPassword, newPassword }, user.accessToken);
    const wrong = await change('not my password', aStrongPassword());
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ detail: 'the current password is wrong' });
    expect(((await (await change(user.password, 'password1234')).json()) as { detail: string }).detail).toContain(
      'too common',
    );
    const next = aStrongPassword();
    expect((await change(user.password, next)).status).toBe(204);
    expect((await me(user.accessToken)).status).toBe(200);
    expect((await me(other.accessToken)).status).toBe(401);
    expect((await call('POST', '/api/auth/login', { email: user.email, password: user.password })).status).toBe(401);
    expect((await call('POST', '/api/auth/login', { email: user.email, password: next })).status).toBe(200);
    const events = JSON.stringify(await server.storage.eventStore.readStream(`user-${user.userId}`));
    expect(events).toContain('UserPasswordChanged');
    expect(events).not.toContain(next);
  }, 60_000);

  it('throttles repeated failures with 429 and Retry-After before checking the password', async () => {
    const user = await aLoggedInUser(server.url, ADMIN);
    const attempt = (password: string) => call('POST', '/api/auth/login', { email: user.email, password });
    for (let i = 0; i < 4; i++) expect((await attempt('wrong password 123')).status).toBe(401);
    const throttled = await attempt(user.password);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, Number(throttled.headers.get('retry-after')) * 1000 + 50));
    expect((await attempt(user.password)).status).toBe(200);
  }, 60_000);

  it('keeps passwords, hashes and refresh tokens out of every stored event and every log line', async () => {
    const user = await aLoggedInUser(server.url, ADMIN);
    await login(server.url, user.email, `${user.password}-wrong`).catch(() => undefined);
    const events = JSON.stringify(await server.storage.eventStore.readAll({ max: 100_000 }));
    const [row] = await server.storage.readModels.query<{ password_hash: string }>(
      'SELECT password_hash FROM user_credentials WHERE user_id = $1',
      [user.userId],
    );
    expect(row!.password_hash).toMatch(new RegExp(`^\\$scrypt\\$ln=${scryptParamsFor(process.env).log2N},r=8,p=1\\$`));
    for (const secret of [
      user.password,
      user.refreshToken,
      row!.password_hash,
      row!.password_hash.split('$').at(-1)!,
      '$scrypt$',
    ]) {
      expect(events).not.toContain(secret);
      expect(logs.text()).not.toContain(secret);
    }
    expect(logs.text()).not.toContain(user.email);
    expect(logs.lines.filter((l) => l.msg === 'authentication').map((l) => l.kind)).toEqual(
      expect.arrayContaining(['login_succeeded', 'login_failed', 'login_throttled', 'refresh_token_reused']),
    );
    expect(events).toContain(user.userId);
  }, 30_000);
});
