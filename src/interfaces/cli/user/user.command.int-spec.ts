import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { assertCliBuilt, runCli } from '#test/support/cli.js';
import { freePort } from '#test/support/free-port.js';
import { httpsPostJson } from '#test/support/https-get.js';
import { loadAdminToken } from '../../../infrastructure/auth/admin-token.js';
import { ensureHttpsCredentials } from '../../../infrastructure/tls/self-signed-certificate.js';
import { startHttpServer, type RunningServer } from '../../http/http-server.js';

describe('wattlog user create (compiled CLI against a running HTTPS server)', () => {
  let server: RunningServer;
  let dataDir: string;
  let port: number;
  let cert: string;
  const env = (): Record<string, string> => ({
    WATTLOG_DATA_DIR: dataDir,
    PORT: String(port),
    WATTLOG_URL: '',
    WATTLOG_ADMIN_TOKEN: '',
    WATTLOG_HTTP: '',
    WATTLOG_STORE: '',
  });

  beforeAll(async () => {
    assertCliBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-cli-user-'));
    port = await freePort();
    const logger = pino({ level: 'silent' });
    const tls = await ensureHttpsCredentials({ dataDir }, logger);
    cert = tls.cert;
    server = await startHttpServer(
      {
        storage: { store: 'embedded', dataDir },
        host: '127.0.0.1',
        port,
        tls: { key: tls.key, cert: tls.cert },
        adminToken: loadAdminToken(undefined, dataDir).value,
      },
      logger,
    );
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a user with the password from standard input; the user can then log in', async () => {
    const password = 'violet tram 42 lanterns';
    const result = await runCli(
      ['user', 'create', '--email', 'Carol@Example.org', '--role', 'admin', '--name', 'Carol'],
      env(),
      `${password}\n`,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(password);
    expect(JSON.parse(result.stdout)).toEqual({
      userId: expect.any(String),
      email: 'carol@example.org',
      displayName: 'Carol',
      role: 'admin',
    });

    const login = await httpsPostJson(`${server.url.replace('127.0.0.1', 'localhost')}/api/auth/login`, cert, {
      email: 'carol@example.org',
      password,
    });
    expect(login.status).toBe(200);
  }, 60_000);

  it('lists and disables users, and registers, rotates and revokes API clients', async () => {
    const created = await runCli(
      ['user', 'create', '--email', 'erin@example.org', '--role', 'user'],
      env(),
      'violet tram 42 lanterns\n',
    );
    const { userId } = JSON.parse(created.stdout) as { userId: string };
    const listed = await runCli(['user', 'list'], env());
    expect(JSON.parse(listed.stdout)).toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ userId, displayName: 'erin' })]),
    });
    expect(JSON.parse((await runCli(['user', 'role', userId, 'admin'], env())).stdout)).toEqual({
      userId,
      role: 'admin',
    });
    expect(JSON.parse((await runCli(['user', 'disable', userId, '--reason', 'left'], env())).stdout)).toEqual({
      userId,
      disabled: true,
    });

    const registered = await runCli(['client', 'register', '--organisation', 'Grid Co', '--name', 'billing'], env());
    expect(registered.code).toBe(0);
    const client = JSON.parse(registered.stdout) as { clientId: string; clientSecret: string };
    expect(client.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rotated = JSON.parse((await runCli(['client', 'rotate-secret', client.clientId], env())).stdout) as {
      clientSecret: string;
    };
    expect(rotated.clientSecret).not.toBe(client.clientSecret);
    expect(JSON.parse((await runCli(['client', 'revoke', client.clientId], env())).stdout)).toEqual({
      clientId: client.clientId,
      revoked: true,
    });
    const clients = await runCli(['client', 'list'], env());
    expect(clients.stdout).not.toContain(rotated.clientSecret);
  }, 90_000);

  it('reports refusals in one line', async () => {
    const common = await runCli(
      ['user', 'create', '--email', 'dave@example.org', '--role', 'user'],
      env(),
      'password1234\n',
    );
    expect(common).toMatchObject({
      code: 1,
      stderr:
        'wattlog: server answered 400: password is too common; choose one that is not on lists of leaked passwords\n',
    });
    const badRole = await runCli(['user', 'create', '--email', 'dave@example.org', '--role', 'root'], env(), 'x');
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('must be admin or user');
  }, 60_000);
});
