import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { assertCliBuilt, runCli } from '../../../../test/support/cli.js';
import { freePort } from '../../../../test/support/free-port.js';
import { httpsPostJson } from '../../../../test/support/https-get.js';
import { loadAdminToken } from '../../../infrastructure/auth/admin-token.js';
import { ensureHttpsCredentials } from '../../../infrastructure/tls/self-signed-certificate.js';
import { startHttpServer, type RunningServer } from '../../http/http-server.js';

describe('wattlog user create (compiled CLI against a running HTTPS server)', () => {
  let server: RunningServer;
  let dataDir: string;
  let port: number;
  let cert: string;
  const env = (): Record<string, string> => ({ WATTLOG_DATA_DIR: dataDir, PORT: String(port), WATTLOG_URL: '', WATTLOG_ADMIN_TOKEN: '', WATTLOG_HTTP: '', WATTLOG_STORE: '' });

  beforeAll(async () => {
    assertCliBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-cli-user-'));
    port = await freePort();
    const logger = pino({ level: 'silent' });
    const tls = await ensureHttpsCredentials({ dataDir }, logger);
    cert = tls.cert;
    server = await startHttpServer(
      { storage: { store: 'embedded', dataDir }, host: '127.0.0.1', port, tls: { key: tls.key, cert: tls.cert }, adminToken: loadAdminToken(undefined, dataDir).value },
      logger,
    );
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a user with the password from standard input; the user can then log in', async () => {
    const password = 'violet tram 42 lanterns';
    const result = await runCli(['user', 'create', '--email', 'Carol@Example.org', '--role', 'admin', '--name', 'Carol'], env(), `${password}\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(password);
    expect(JSON.parse(result.stdout)).toEqual({ userId: expect.any(String), email: 'carol@example.org', displayName: 'Carol', role: 'admin' });

    const login = await httpsPostJson(`${server.url.replace('127.0.0.1', 'localhost')}/api/auth/login`, cert, { email: 'carol@example.org', password });
    expect(login.status).toBe(200);
  }, 60_000);

  it('reports refusals in one line', async () => {
    const common = await runCli(['user', 'create', '--email', 'dave@example.org', '--role', 'user'], env(), 'password1234\n');
    expect(common).toMatchObject({ code: 1, stderr: 'wattlog: server answered 400: password is too common; choose one that is not on lists of leaked passwords\n' });
    const badRole = await runCli(['user', 'create', '--email', 'dave@example.org', '--role', 'root'], env(), 'x');
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('must be admin or user');
  }, 60_000);
});
