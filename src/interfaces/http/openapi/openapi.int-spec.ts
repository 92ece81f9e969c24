import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startHttpServer, type RunningServer } from '../http-server.js';
import { describeApi } from './describe-api.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

describe('GET /openapi.json and /docs', () => {
  let server: RunningServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-openapi-'));
    server = await startHttpServer(
      { storage: { store: 'embedded', dataDir }, host: '127.0.0.1', port: 0, tls: null, adminToken: 'a'.repeat(64) },
      pino({ level: 'silent' }),
    );
  }, 30_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the document `wattlog openapi` prints, without credentials', async () => {
    const response = await fetch(`${server.url}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(await describeApi())));
  });

  it('names every operation explicitly, once, and says who may call it', async () => {
    const document = await describeApi();
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) => (item[method] ? [{ path, method, operation: item[method] }] : [])),
    );
    expect(operations.length).toBeGreaterThan(10);
    const ids = operations.map((o) => o.operation.operationId);
    // Generated fallbacks look like `GatewaysController_get`; explicit ids are camelCase verbs.
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]+$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, operation } of operations) {
      expect([method, path, Array.isArray(operation.security)]).toEqual([method, path, true]);
    }
  });

  it('serves Swagger UI and its assets from the installed package', async () => {
    const page = await fetch(`${server.url}/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/docs/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css', '/docs/wattlog-init.js']) {
      const response = await fetch(`${server.url}${asset}`);
      expect([asset, response.status]).toEqual([asset, 200]);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    expect((await fetch(`${server.url}/docs/package.json`)).status).toBe(404);
  });
});
