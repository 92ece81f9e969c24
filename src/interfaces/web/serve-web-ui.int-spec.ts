import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureLogs } from '#test/support/log-capture.js';
import { startHttpServer, type RunningServer } from '../http/http-server.js';
import { UI_CSP } from './serve-web-ui.js';

const INDEX = '<!doctype html><title>Wattlog</title><script type="module" src="/assets/index-abc123.js"></script>';

describe('the web UI served beside the API', () => {
  let server: RunningServer;
  let dataDir: string;
  let webDir: string;
  const logs = captureLogs(10_000);
  const get = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-web-ui-'));
    webDir = join(dataDir, 'web');
    mkdirSync(join(webDir, 'assets'), { recursive: true });
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    process.env.WATTLOG_WEB_DIR = webDir;
    server = await startHttpServer(
      { storage: { store: 'embedded', dataDir }, host: '127.0.0.1', port: 0, tls: null, adminToken: 'd'.repeat(64) },
      logs.logger,
    );
  }, 60_000);
  afterAll(async () => {
    delete process.env.WATTLOG_WEB_DIR;
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves index.html at / under the UI policy, revalidated on every load', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toBe(UI_CSP);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toBe(INDEX);
  });

  it('caches hashed assets for a year and has other files revalidated', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/favicon.svg')).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers page routes with index.html, and unknown API paths and missing files with problem+json 404s', async () => {
    for (const page of ['/switches', '/sensors/zigbee%3A0x1%2F1%2Fpower', '/alarms?state=open']) {
      const response = await get(page);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(INDEX);
    }
    for (const missing of ['/api/nothing-here', '/api', '/assets/gone-123.js', '/robots.txt']) {
      const response = await get(missing);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    // Only GET and HEAD fall back: other methods on unknown paths stay 404s.
    expect((await get('/switches', { method: 'POST' })).status).toBe(404);
  });

  it('still refuses an API path parameter over its length with a 414 problem (the fallback does not swallow it)', async () => {
    const response = await get(`/api/gateways/${'g'.repeat(300)}`);
    expect(response.status).toBe(414);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it("leaves the API's own policy on API answers", async () => {
    const response = await get('/api/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-security-policy')).not.toBe(UI_CSP);
  });
});
