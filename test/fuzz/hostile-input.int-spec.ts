import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { gatewayStream } from '../../src/application/gateways/gateway-stream.js';
import { startHttpServer, type RunningServer } from '../../src/interfaces/http/http-server.js';
import { aLoggedInUser } from '../support/access.js';
import { deepJson, hostileBodiesFromChild, livenessDuring, rawExchange, wideJson } from './hostile-client.js';

const TOKEN = 'h'.repeat(64);
const PROBLEM = /^application\/problem\+json(;|$)/;

/** One regression per case of the hostile-input report: each answers a 4xx problem+json, never a 500 or a reset. */
describe('hostile input', () => {
  let server: RunningServer;
  let dataDir: string;
  const send = (
    method: string,
    path: string,
    init: { body?: string; contentType?: string; token?: string | null } = {},
  ): Promise<Response> =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(init.token === null ? {} : { authorization: `Bearer ${init.token ?? TOKEN}` }),
        ...(init.body !== undefined ? { 'content-type': init.contentType ?? 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
  const problem = async (response: Response, status: number): Promise<Record<string, unknown>> => {
    const text = await response.text();
    expect({ status: response.status, text: text.slice(0, 300) }).toEqual({
      status,
      text: expect.any(String),
    });
    expect(response.headers.get('content-type')).toMatch(PROBLEM);
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
    });
    expect(text).not.toMatch(/stack|RangeError|invalid byte sequence|FST_ERR|at [A-Za-z]+ \(/);
    return body;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-hostile-'));
    server = await startHttpServer(
      {
        storage: { store: 'embedded', dataDir },
        host: '127.0.0.1',
        port: 0,
        tls: null,
        adminToken: TOKEN,
        requestTimeouts: { headersMs: 1_000, requestMs: 3_000 },
      },
      pino({ level: 'silent' }),
    );
  }, 60_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('1: JSON nested 10,000 deep is 413, also anonymously on login and refresh', async () => {
    for (const [path, token] of [
      ['/api/gateways', TOKEN],
      ['/api/auth/login', null],
      ['/api/auth/refresh', null],
    ] as const) {
      const body = await problem(await send('POST', path, { body: `{"a":${deepJson(10_000)}}`, token }), 413);
      expect(body.type).toBe('urn:wattlog:problem:input-limit');
    }
  });

  it('2: a NUL byte in a query filter, cursor, path id, body id, client_id or reason is 400', async () => {
    for (const path of [
      '/api/sensors?gateway=a%00b',
      '/api/audit?actor=%00',
      '/api/nodes?after=x%00',
      '/api/users?after=%00',
      '/api/grants?after=%00',
      '/api/alarms?sensor=%00',
      '/api/readings/latest?sensor=%00',
      '/api/readings/series?sensor=s%00&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z',
      '/api/access-log?after=%00',
      '/api/configuration?gateway=%00',
    ]) {
      await problem(await send('GET', path), 400);
    }
    await problem(await send('GET', '/api/nodes/n%00x/configuration'), 400);
    await problem(
      await send('PUT', '/api/sensors/s%00x/visibility', {
        body: '{"visibility":"private"}',
      }),
      400,
    );
    await problem(
      await send('POST', '/api/gateways/gw-1/owner', {
        body: JSON.stringify({ ownerId: 'a\u0000b' }),
      }),
      400,
    );
    await problem(
      await send('POST', '/api/gateways/gw-1/decommission', {
        body: JSON.stringify({ reason: 'gone\u0000' }),
      }),
      400,
    );
    const token = await send('POST', '/api/oauth/token', {
      body: 'grant_type=client_credentials&client_id=a%00b&client_secret=x',
      contentType: 'application/x-www-form-urlencoded',
      token: null,
    });
    const body = await problem(token, 400);
    expect(body.errors).toEqual([
      expect.objectContaining({
        field: 'client_id',
        constraint: 'storableText',
      }),
    ]);
  });

  it('3: a lone surrogate in a body string is 400', async () => {
    const body = await problem(
      await send('POST', '/api/clients', {
        body: '{"name":"x\\ud800","organisation":"o"}',
      }),
      400,
    );
    expect(body.errors).toEqual([expect.objectContaining({ field: 'name', constraint: 'storableText' })]);
    await problem(await send('POST', '/api/gateways', { body: '{"name":"\\udc00"}' }), 400);
    await problem(
      await send('POST', '/api/users', {
        body: '{"email":"a@example.org","displayName":"\\ud800","role":"user","password":"x"}',
      }),
      400,
    );
    await problem(
      await send('POST', '/api/grants', {
        body: '{"grantee":{"kind":"user","id":"\\ud800"},"scope":{"sensors":["s"]}}',
      }),
      400,
    );
  });

  it('4: afterSeq past what a bigint holds is 400', async () => {
    await problem(await send('GET', '/api/audit?afterSeq=99999999999999999999'), 400);
    await problem(await send('GET', '/api/alarms?afterSeq=99999999999999999999'), 400);
  });

  it('5: handing a gateway to its current owner answers 200 unchanged and appends nothing', async () => {
    const owner = await aLoggedInUser(server.url, TOKEN);
    const location = { lat: 52.1, lon: 5.1 };
    const created = await send('POST', '/api/gateways', {
      body: JSON.stringify({
        name: 'Home',
        networkType: 'zigbee',
        address: '192.0.2.7',
        location,
        ownerId: owner.userId,
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const before = await server.storage.eventStore.readStream(gatewayStream(id));
    const again = await send('POST', `/api/gateways/${id}/owner`, {
      body: JSON.stringify({ ownerId: owner.userId }),
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      id,
      ownerId: owner.userId,
      changed: false,
    });
    expect(await server.storage.eventStore.readStream(gatewayStream(id))).toHaveLength(before.length);
  });

  it("6: the framework's own errors are problems: huge header or query 431, raw bytes 400, bad escapes 400, long ids 414", async () => {
    const huge = await rawExchange(
      server.url,
      `GET /api/gateways HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(70_000)}\r\n\r\n`,
    );
    expect([huge.status, huge.headers['content-type']]).toEqual([431, expect.stringMatching(PROBLEM)]);
    expect(JSON.parse(huge.body)).toMatchObject({
      status: 431,
      title: 'Request Header Fields Too Large',
    });
    const longQuery = await rawExchange(
      server.url,
      `GET /api/gateways?q=${'a'.repeat(1_000_000)} HTTP/1.1\r\nhost: x\r\n\r\n`,
    );
    expect([longQuery.status, longQuery.headers['content-type']]).toEqual([431, expect.stringMatching(PROBLEM)]);
    const rawBytes = await rawExchange(
      server.url,
      Buffer.concat([Buffer.from('GET /api/'), Buffer.from([0xff, 0xfe]), Buffer.from(' HTTP/1.1\r\nhost: x\r\n\r\n')]),
    );
    expect([rawBytes.status, rawBytes.headers['content-type']]).toEqual([400, expect.stringMatching(PROBLEM)]);
    expect(rawBytes.headers['x-content-type-options']).toBe('nosniff');
    const badEscape = await problem(await send('GET', '/api/nodes/%FF%FE/configuration?secret=echo-me'), 400);
    expect(JSON.stringify(badEscape)).not.toContain('echo-me');
    await problem(await send('GET', `/api/gateways/${'g'.repeat(300)}`), 414);
  });

  it('7: form-encoded bodies are 415 where the document says JSON; the token endpoint still takes them', async () => {
    const form = { contentType: 'application/x-www-form-urlencoded' };
    await problem(
      await send('POST', '/api/clients', {
        ...form,
        body: 'name=x&organisation=y',
      }),
      415,
    );
    await problem(
      await send('POST', '/api/clients/c-1/revoke', {
        ...form,
        body: 'reason=x',
      }),
      415,
    );
    await problem(
      await send('POST', '/api/users/u-1/role', {
        ...form,
        body: 'role=admin',
      }),
      415,
    );
    await problem(
      await send('POST', '/api/users/u-1/disable', {
        ...form,
        body: 'reason=x',
      }),
      415,
    );
    await problem(
      await send('PUT', '/api/sensors/s-1/visibility', {
        ...form,
        body: 'visibility=private',
      }),
      415,
    );
    await problem(
      await send('POST', '/api/gateways', {
        contentType: 'text/plain',
        body: '{}',
      }),
      415,
    );
    const token = await send('POST', '/api/oauth/token', {
      ...form,
      body: 'grant_type=client_credentials&client_id=nobody&client_secret=wrong',
      token: null,
    });
    expect(token.status).toBe(401);
  });

  it('8: 50,000 unknown keys are refused small and fast, and the error list of a validation problem is capped', async () => {
    const started = performance.now();
    const response = await send('POST', '/api/auth/login', {
      body: wideJson(50_000),
      token: null,
    });
    const text = await response.text();
    expect(performance.now() - started).toBeLessThan(500);
    expect(response.status).toBe(413);
    expect(text.length).toBeLessThan(1_000);
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`unknown${i}`, i]));
    const capped = await problem(
      await send('POST', '/api/auth/login', {
        body: JSON.stringify(many),
        token: null,
      }),
      400,
    );
    expect(capped.errors).toHaveLength(20);
    expect(capped.errorCount).toBeGreaterThanOrEqual(60);
  });

  it('9: oversized bodies get their 413, also several at once; a client slow with its headers is cut off', async () => {
    const oversized = `POST /api/gateways HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${TOKEN}\r\ncontent-type: application/json\r\ncontent-length: ${2 * 1024 * 1024}\r\n\r\n${'{"a":"'.padEnd(2 * 1024 * 1024, 'x')}`;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => rawExchange(server.url, oversized, { timeoutMs: 10_000 })),
    );
    for (const answer of answers)
      expect([answer.status, answer.error, answer.headers['content-type']]).toEqual([
        413,
        null,
        expect.stringMatching(PROBLEM),
      ]);
    const slow = await Promise.all(
      Array.from({ length: 20 }, () =>
        rawExchange(server.url, 'GET /api/gateways HTTP/1.1\r\nhost: x\r\n', {
          timeoutMs: 10_000,
        }),
      ),
    );
    for (const answer of slow) {
      expect(answer.status).toBe(408);
      expect(answer.closedAfterMs).toBeLessThan(4_000);
    }
  });

  // The probe shares two busy cores with the rest of the machine: the OS and the garbage collector pause any process
  // now and then (tens of ms even with no hostile request). So the bound is on the 90th percentile; before the
  // boundary, every probe during such requests waited 2.7–5 s.
  it('keeps answering /health/live within 100 ms while 50,000-member and 10,000-deep bodies are refused', async () => {
    const latencies: number[] = [];
    for (let round = 0; round < 3; round++) {
      const hostile = hostileBodiesFromChild(server.url, 4);
      await hostile.sending;
      latencies.push(...(await livenessDuring(server.url, hostile.statuses, 1)));
      expect(await hostile.statuses).toEqual(Array(8).fill(413));
    }
    const sorted = latencies.sort((a, b) => a - b);
    expect(sorted.length).toBeGreaterThan(10);
    expect(sorted[Math.floor(sorted.length * 0.9)]).toBeLessThan(100);
    expect(sorted.at(-1)).toBeLessThan(1_000);
  });
});
