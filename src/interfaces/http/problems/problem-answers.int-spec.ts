import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startHttpServer, type RunningServer } from '../http-server.js';

const TOKEN = 'a'.repeat(64);

/** Errors raised before any controller runs (router, body parser, body limit, guard) come out as problems too. */
describe('problem+json for errors outside the controllers', () => {
  let server: RunningServer;
  let dataDir: string;
  const post = (path: string, body: string, contentType = 'application/json'): Promise<Response> =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': contentType },
      body,
    });
  const expectProblem = async (response: Response, status: number): Promise<Record<string, unknown>> => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json(;|$)/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      instance: expect.any(String),
    });
    return body;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-problems-'));
    server = await startHttpServer(
      {
        storage: { store: 'embedded', dataDir },
        host: '127.0.0.1',
        port: 0,
        tls: null,
        adminToken: TOKEN,
        bodyLimitBytes: 1024,
      },
      pino({ level: 'silent' }),
    );
  }, 30_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('malformed JSON is 400', async () => {
    await expectProblem(await post('/api/gateways', '{"name": '), 400);
  });

  it('a body over the limit is 413', async () => {
    const body = await expectProblem(await post('/api/gateways', JSON.stringify({ name: 'x'.repeat(4096) })), 413);
    expect(body.instance).toBe('/api/gateways');
  });

  it('a body that is not JSON is 415', async () => {
    await expectProblem(await post('/api/gateways', '<gateway/>', 'application/xml'), 415);
  });

  it('an unknown route is 404 and a missing token 401', async () => {
    await expectProblem(await fetch(`${server.url}/api/nothing-here`), 404);
    const unauthorized = await expectProblem(await fetch(`${server.url}/api/gateways`), 401);
    expect(unauthorized.detail).toBe('authentication required: send Authorization: Bearer <token>');
  });

  it('an unknown query parameter is a validation problem naming it', async () => {
    const response = await fetch(`${server.url}/api/gateways?colour=red`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const body = await expectProblem(response, 400);
    expect(body.errors).toEqual([
      { field: 'colour', constraint: 'unknownProperty', message: 'property colour should not exist' },
    ]);
  });
});
