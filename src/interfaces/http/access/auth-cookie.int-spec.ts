import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aLoggedInUser } from '#test/support/access.js';
import { captureLogs } from '#test/support/log-capture.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const ADMIN = 'c'.repeat(64);
const BROWSER = { 'x-requested-with': 'fetch' };

function cookieValue(setCookie: string | null): string {
  const match = /^wattlog_refresh=([^;]*)/.exec(setCookie ?? '');
  if (!match) throw new Error(`no refresh cookie in ${String(setCookie)}`);
  return match[1]!;
}

describe('browser sessions: the refresh token in an HttpOnly cookie', () => {
  let server: RunningServer;
  let dataDir: string;
  const logs = captureLogs(100_000);
  const post = (path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const browserLogin = async (): Promise<{
    cookie: string;
    accessToken: string;
    setCookie: string;
    body: Record<string, unknown>;
  }> => {
    const user = await aLoggedInUser(server.url, ADMIN);
    const response = await post('/api/auth/login', BROWSER, { email: user.email, password: user.password });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie')!;
    const body = (await response.json()) as Record<string, unknown>;
    return { cookie: cookieValue(setCookie), accessToken: body.accessToken as string, setCookie, body };
  };
  const refreshWith = (cookie: string, headers: Record<string, string> = BROWSER) =>
    post('/api/auth/refresh', { ...headers, cookie: `other=1; wattlog_refresh=${cookie}` });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-auth-cookie-'));
    server = await startHttpServer(
      { storage: { store: 'embedded', dataDir }, host: '127.0.0.1', port: 0, tls: null, adminToken: ADMIN },
      logs.logger,
    );
  }, 60_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a browser login sets the cookie with every protective attribute and keeps the token out of the body', async () => {
    const { setCookie, body, cookie } = await browserLogin();
    const attributes = setCookie.split(';').map((a) => a.trim());
    expect(attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/auth', 'Max-Age=2592000']),
    );
    expect(cookie.length).toBeGreaterThan(20);
    expect(body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
  }, 30_000);

  it('a cookie refresh rotates the cookie, and presenting a used one ends the whole session', async () => {
    const { cookie: first, accessToken } = await browserLogin();
    const rotated = await refreshWith(first);
    expect(rotated.status).toBe(200);
    const second = cookieValue(rotated.headers.get('set-cookie'));
    expect(second).not.toBe(first);
    expect(await rotated.json()).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });

    const reused = await refreshWith(first);
    expect(reused.status).toBe(401);
    expect(reused.headers.get('set-cookie')).toMatch(/^wattlog_refresh=; .*Max-Age=0/);
    // Reuse is taken as theft: the newest cookie and the session's access tokens stop working too.
    expect((await refreshWith(second)).status).toBe(401);
    expect((await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(
      401,
    );
  }, 30_000);

  it('refuses cookie refreshes that could come from another site', async () => {
    const { cookie } = await browserLogin();
    expect((await refreshWith(cookie, {})).status).toBe(403);
    expect((await refreshWith(cookie, { ...BROWSER, origin: 'https://evil.example' })).status).toBe(403);
    expect((await refreshWith(cookie, { ...BROWSER, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await refreshWith(cookie, { ...BROWSER, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    // None of those used the token up.
    const host = new URL(server.url).host;
    expect(
      (await refreshWith(cookie, { ...BROWSER, origin: `http://${host}`, 'sec-fetch-site': 'same-origin' })).status,
    ).toBe(200);
  }, 30_000);

  it('without a cookie a browser refresh answers 204 (no session); logout clears the cookie', async () => {
    const none = await post('/api/auth/refresh', BROWSER);
    expect(none.status).toBe(204);
    expect(await none.text()).toBe('');
    // Other callers without a token in the body are told what is missing, as before the cookie existed.
    expect((await post('/api/auth/refresh', {}, {})).status).toBe(400);
    const { cookie, accessToken } = await browserLogin();
    const out = await post('/api/auth/logout', {
      ...BROWSER,
      authorization: `Bearer ${accessToken}`,
      cookie: `wattlog_refresh=${cookie}`,
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^wattlog_refresh=; .*Max-Age=0/);
    expect((await refreshWith(cookie)).status).toBe(401);
  }, 30_000);

  it('leaves the JSON-body flow of other callers as it was: no cookie, token in the body', async () => {
    const user = await aLoggedInUser(server.url, ADMIN);
    const response = await post('/api/auth/refresh', {}, { refreshToken: user.refreshToken });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.json()).toMatchObject({ refreshToken: expect.any(String), accessToken: expect.any(String) });
  }, 30_000);
});
