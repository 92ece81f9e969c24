import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { aClientWithToken, aLoggedInUser, type TestClient } from '#test/support/access.js';
import { openAdrSchemaErrors } from '#test/support/openadr-schema.js';
import { startCallbackReceiver, type CallbackReceiver } from '#test/support/oadr-callback-receiver.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const ADMIN = 'i'.repeat(64);
const BASE = '/openadr3/3.1.0';

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

/**
 * Who may see and change what: two utilities, a homeowner, an `api` client and anonymous callers against every
 * OpenADR operation; the token endpoint's scopes; bad input refused with a 400 and nothing stored.
 */
describe('OpenADR 3.1.0 VTN: isolation, scopes and bad input', () => {
  let server: RunningServer;
  let receiver: CallbackReceiver;
  let dataDir: string;
  let utilityA: TestClient;
  let readOnlyA: string;
  let utilityB: TestClient;
  let apiClient: TestClient;
  let owner: string;
  let program = '';
  let event = '';
  let subscription = '';

  async function call(method: string, path: string, token: string | undefined, body?: unknown): Promise<Answer> {
    const response = await fetch(`${server.url}${BASE}${path}`, {
      method,
      headers: {
        ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
      headers: response.headers,
    };
  }

  const token = (fields: Record<string, string>) =>
    fetch(`${server.url}${BASE}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-openadr-isolation-'));
    receiver = await startCallbackReceiver();
    server = await startHttpServer(
      {
        storage: { store: 'embedded', dataDir },
        host: '127.0.0.1',
        port: 0,
        tls: null,
        adminToken: ADMIN,
        webhooks: { allowHosts: new Set(['127.0.0.1']) },
      },
      pino({ level: 'silent' }),
    );
    utilityA = await aClientWithToken(server.url, ADMIN, 'Utility A', { role: 'bl' });
    utilityB = await aClientWithToken(server.url, ADMIN, 'Utility B', { role: 'bl' });
    apiClient = await aClientWithToken(server.url, ADMIN, 'Reader');
    owner = (await aLoggedInUser(server.url, ADMIN)).accessToken;
    const readOnly = await token({
      grant_type: 'client_credentials',
      client_id: utilityA.clientId,
      client_secret: utilityA.clientSecret,
      scope: 'read_all',
    });
    readOnlyA = ((await readOnly.json()) as { access_token: string }).access_token;
    const a = utilityA.accessToken;
    program = ((await call('POST', '/programs', a, { programName: 'a_tariff' })).body as { id: string }).id;
    event = (
      (
        await call('POST', '/events', a, {
          programID: program,
          intervals: [{ id: 0, payloads: [{ type: 'PRICE', values: [0.2] }] }],
        })
      ).body as { id: string }
    ).id;
    subscription = (
      (
        await call('POST', '/subscriptions', a, {
          clientName: 'a',
          objectOperations: [{ objects: ['EVENT'], operations: ['CREATE'], callbackUrl: `${receiver.base}/cb` }],
        })
      ).body as { id: string }
    ).id;
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('grants scopes by role: invalid_scope outside it, the granted scope echoed, RFC 6749 errors', async () => {
    const credentials = {
      grant_type: 'client_credentials',
      client_id: utilityA.clientId,
      client_secret: utilityA.clientSecret,
    };
    const alias = await token({ ...credentials, scope: 'read_all write_vens' });
    expect(alias.status).toBe(200);
    expect(((await alias.json()) as { scope: string }).scope).toBe('read_all write_vens_bl');
    const all = (await (await token(credentials)).json()) as { scope: string };
    expect(all.scope).toBe('read_all write_programs write_events write_subscriptions write_vens_bl');
    for (const [fields, status, error] of [
      [{ ...credentials, scope: 'read_all fly' }, 400, 'invalid_scope'],
      [{ ...credentials, scope: 'write_reports' }, 400, 'invalid_scope'],
      [
        {
          grant_type: 'client_credentials',
          client_id: apiClient.clientId,
          client_secret: apiClient.clientSecret,
          scope: 'write_events',
        },
        400,
        'invalid_scope',
      ],
      [{ ...credentials, client_secret: apiClient.clientSecret }, 401, 'invalid_client'],
      [{ client_id: utilityA.clientId, client_secret: utilityA.clientSecret }, 400, 'invalid_request'],
    ] as const) {
      const answer = await token(fields);
      expect([answer.status, ((await answer.json()) as { error: string }).error]).toEqual([status, error]);
    }
  });

  it("shows another utility's objects to nobody: 404 one by one, absent from lists, 409 when referenced", async () => {
    const b = utilityB.accessToken;
    for (const path of [
      '/programs',
      '/events',
      `/events?programID=${program}`,
      '/subscriptions',
      '/vens',
      '/resources',
      '/reports',
    ])
      expect(await call('GET', path, b)).toMatchObject({ status: 200, body: [] });
    for (const [method, path, body] of [
      ['GET', `/programs/${program}`, undefined],
      ['PUT', `/programs/${program}`, { programName: 'taken-over' }],
      ['DELETE', `/programs/${program}`, undefined],
      ['GET', `/events/${event}`, undefined],
      ['PUT', `/events/${event}`, { programID: program }],
      ['DELETE', `/events/${event}`, undefined],
      ['GET', `/subscriptions/${subscription}`, undefined],
      ['PUT', `/subscriptions/${subscription}`, { clientName: 'b', objectOperations: [] }],
      ['DELETE', `/subscriptions/${subscription}`, undefined],
    ] as const) {
      const answer = await call(method, path, b, body);
      expect([method, path, answer.status]).toEqual([method, path, 404]);
      expect(openAdrSchemaErrors('problem', answer.body)).toBe('');
    }
    expect((await call('POST', '/events', b, { programID: program })).status).toBe(409);
    expect((await call('POST', '/events', b, { programID: 'no-such-program' })).status).toBe(409);
    expect(
      (await call('POST', '/subscriptions', b, { clientName: 'b', programID: program, objectOperations: [] })).status,
    ).toBe(409);
    // Names are unique per VTN (the spec), whoever holds them.
    expect((await call('POST', '/programs', b, { programName: 'a_tariff' })).status).toBe(409);
    expect((await call('GET', `/programs/${program}`, utilityA.accessToken)).status).toBe(200);
    expect((await call('GET', `/events/${event}`, utilityA.accessToken)).status).toBe(200);
  });

  it('refuses every operation to owners, api clients and read-only tokens (403) and to anonymous callers (401)', async () => {
    const operations = [
      ['GET', '/programs'],
      ['POST', '/programs'],
      ['GET', `/programs/${program}`],
      ['PUT', `/programs/${program}`],
      ['DELETE', `/programs/${program}`],
      ['GET', '/events'],
      ['POST', '/events'],
      ['GET', `/events/${event}`],
      ['PUT', `/events/${event}`],
      ['DELETE', `/events/${event}`],
      ['GET', '/subscriptions'],
      ['POST', '/subscriptions'],
      ['GET', `/subscriptions/${subscription}`],
      ['PUT', `/subscriptions/${subscription}`],
      ['DELETE', `/subscriptions/${subscription}`],
      ['GET', '/notifiers'],
      // Vens, resources and reports of no one: the scope is checked before anything is looked up.
      ...(['vens', 'resources', 'reports'] as const).flatMap((objects) => [
        ['GET', `/${objects}`] as const,
        ['POST', `/${objects}`] as const,
        ...(['GET', 'PUT', 'DELETE'] as const).map((m) => [m, `/${objects}/some-id`] as const),
      ]),
    ] as const;
    for (const [method, path] of operations) {
      const body = method === 'POST' || method === 'PUT' ? { programName: 'x', programID: program } : undefined;
      for (const [who, caller] of [
        ['owner', owner],
        ['api client', apiClient.accessToken],
        ['admin', ADMIN],
      ] as const)
        expect([who, method, path, (await call(method, path, caller, body)).status]).toEqual([who, method, path, 403]);
      const anonymous = await call(method, path, undefined, body);
      expect([method, path, anonymous.status]).toEqual([method, path, 401]);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
      if (method !== 'GET')
        expect([method, path, (await call(method, path, readOnlyA, body)).status]).toEqual([method, path, 403]);
    }
    expect((await call('GET', '/programs', readOnlyA)).status).toBe(200);
    expect((await call('GET', '/programs', 'bearer.token.forged')).status).toBe(401);
  });

  it('answers bad input with a 400 problem and stores nothing', async () => {
    const a = utilityA.accessToken;
    const before = await server.storage.eventStore.countAfter(null);
    const interval = (id: number) => ({ id, payloads: [{ type: 'PRICE', values: [0.1] }] });
    const refused: [string, string, unknown, number][] = [
      ['POST', '/programs', '{"programName": "x",', 400],
      ['POST', '/programs', { programName: '' }, 400],
      ['POST', '/programs', { programName: 'x', targets: 'zone' }, 400],
      [
        'POST',
        '/events',
        { programID: program, intervals: [{ id: 0, payloads: [{ type: 'PRICES', values: [1] }] }] },
        400,
      ],
      [
        'POST',
        '/events',
        { programID: program, intervals: [{ id: 0, payloads: [{ type: 'SIMPLE', values: [7] }] }] },
        400,
      ],
      // Past 1,000 items per JSON array: refused before parsing, as the schema violation OpenADR calls it (400).
      [
        'POST',
        '/events',
        { programID: program, intervals: Array.from({ length: 2000 }, (_, id) => interval(id)) },
        400,
      ],
      ['POST', '/events', { programID: program, duration: 'one hour' }, 400],
      ['POST', '/events', { programID: program, intervalPeriod: { start: '2026-12-08', duration: 'PT1H' } }, 400],
      ['POST', '/events', { programID: program, intervalPeriod: { duration: 'P1H' } }, 400],
      ['POST', '/events', { programID: 'a b' }, 400],
      ['POST', '/events', [1, 2], 400],
      ['PUT', `/events/${event}`, { programID: program, priority: -1 }, 400],
      [
        'POST',
        '/subscriptions',
        { clientName: 'a', objectOperations: [{ objects: ['EVENT'], operations: ['POST'], callbackUrl: 'x' }] },
        400,
      ],
      [
        'POST',
        '/programs',
        // Over the 1 MiB body limit: 413, a problem, nothing stored.
        { programName: 'big', attributes: [{ type: 'X', values: ['x'.repeat(1000)] }], pad: 'y'.repeat(1024 * 1024) },
        413,
      ],
    ];
    for (const [method, path, body, status] of refused) {
      const answer = await call(method, path, a, body);
      expect([method, path, answer.status]).toEqual([method, path, status]);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect((answer.body as { detail: string }).detail.length).toBeGreaterThan(5);
    }
    for (const query of [
      'limit=51',
      'limit=-1',
      'skip=x',
      'programID=a%25c',
      'programID=a%20b',
      'active=yes',
      'limit=1&limit=2',
    ]) {
      const answer = await call('GET', `/events?${query}`, a);
      expect([query, answer.status]).toEqual([query, 400]);
    }
    expect((await call('GET', '/subscriptions?objects=EVENTS', a)).status).toBe(400);
    for (const path of ['/vens?limit=51', '/resources?venID=a%25c', '/reports?eventID=a%20b', '/reports?skip=-1'])
      expect([path, (await call('GET', path, a)).status]).toEqual([path, 400]);
    expect((await call('PUT', '/vens/some-ven', a, { targets: [1] })).status).toBe(400);
    expect(await server.storage.eventStore.countAfter(null)).toBe(before);
  });

  it('filters by equality only: _ and % in names match nothing else', async () => {
    const a = utilityA.accessToken;
    const abc = ((await call('POST', '/programs', a, { programName: 'abc' })).body as { id: string }).id;
    await call('POST', '/events', a, { programID: abc });
    await call('POST', '/subscriptions', a, {
      clientName: 'a%c',
      objectOperations: [{ objects: ['PROGRAM'], operations: ['CREATE'], callbackUrl: `${receiver.base}/p` }],
    });
    const ids = async (path: string) => ((await call('GET', path, a)).body as { id: string }[]).map((o) => o.id);
    expect(await ids(`/events?programID=${program}`)).toEqual([event]);
    expect(await ids(`/events?programID=${program.replace(/-/g, '_')}`)).toEqual([]);
    expect(await ids('/subscriptions?clientName=a_c')).toEqual([]);
    expect((await ids('/subscriptions?clientName=a%25c')).length).toBe(1);
    expect(await ids('/subscriptions?clientName=a%25')).toEqual([]);
    expect((await ids('/programs?limit=0')).length).toBe(0);
  });
});
