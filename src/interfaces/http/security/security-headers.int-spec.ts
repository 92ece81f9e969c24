import { mkdtempSync, rmSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { ensureHttpsCredentials } from '../../../infrastructure/tls/self-signed-certificate.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const TOKEN = 'a'.repeat(64);
const silent = pino({ level: 'silent' });

function headersOver(
  url: string,
  ca: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers, servername: 'localhost' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The head of an endless event stream, then the connection is dropped. */
function streamHead(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { headers }, (res) => {
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
      req.destroy();
    });
    req.on('error', reject);
  });
}

describe('security headers', () => {
  const dirs: string[] = [];
  const servers: RunningServer[] = [];
  const start = async (https: boolean): Promise<RunningServer> => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wattlog-headers-'));
    dirs.push(dataDir);
    const tls = https ? await ensureHttpsCredentials({ dataDir }, silent) : null;
    const server = await startHttpServer(
      {
        storage: { store: 'embedded', dataDir },
        host: '127.0.0.1',
        port: 0,
        tls: tls ? { key: tls.key, cert: tls.cert } : null,
        adminToken: TOKEN,
      },
      silent,
    );
    servers.push(server);
    return server;
  };
  let plain: Promise<RunningServer> | undefined;
  const plainServer = (): Promise<RunningServer> => (plain ??= start(false));
  afterAll(async () => {
    for (const server of servers) await server.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('go on answers, errors and event streams alike; API answers are not stored', async () => {
    const server = await plainServer();
    const auth = { authorization: `Bearer ${TOKEN}` };
    const answers = [
      await fetch(`${server.url}/api/gateways`, { headers: auth }),
      await fetch(`${server.url}/api/gateways`),
      await fetch(`${server.url}/api/nowhere`, { headers: auth }),
      await fetch(`${server.url}/health`),
    ];
    await Promise.all(answers.map((a) => a.text()));
    const stream = await streamHead(`${server.url}/api/readings/stream?sensor=s-1`, auth);
    expect([...answers.map((a) => a.status), stream.status]).toEqual([200, 401, 404, 200, 200]);
    const heads = [...answers.map((a) => a.headers), new Headers(stream.headers as Record<string, string>)];
    for (const h of heads) {
      expect([h.get('x-content-type-options'), h.get('x-frame-options'), h.get('referrer-policy')]).toEqual([
        'nosniff',
        'DENY',
        'no-referrer',
      ]);
      expect(h.get('content-security-policy')).toContain("default-src 'none'");
      expect(h.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(h.get('cache-control')).toMatch(/^no-store/);
      // Plain HTTP (behind a TLS proxy): HSTS is the proxy's to send.
      expect(h.get('strict-transport-security')).toBeNull();
    }
  }, 30_000);

  it('give the Swagger UI page the looser policy it needs, and only it', async () => {
    const server = await plainServer();
    const docs = await fetch(`${server.url}/docs`);
    const csp = docs.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(docs.headers.get('x-frame-options')).toBe('DENY');
    const api = await fetch(`${server.url}/openapi.json`);
    expect(api.headers.get('content-security-policy')).not.toContain('script-src');
    // Unread bodies would hold their connections open past close().
    await Promise.all([docs.text(), api.text()]);
  }, 30_000);

  it('add HSTS when the server speaks HTTPS itself', async () => {
    const server = await start(true);
    const cert = (await ensureHttpsCredentials({ dataDir: dirs[dirs.length - 1] ?? '' }, silent)).cert;
    const answer = await headersOver(`${server.url}/api/gateways`, cert, { authorization: `Bearer ${TOKEN}` });
    expect(answer.status).toBe(200);
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(answer.headers['cache-control']).toBe('no-store');
  }, 30_000);
});
