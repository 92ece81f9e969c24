import { gatewayStream } from '../../src/application/gateways/gateway-stream.js';
import { aLoggedInUser } from '../support/access.js';
import { deepJson } from './hostile-client.js';
import { aHostileInputServer, TOKEN } from './hostile-server.js';

/**
 * One regression per case of the hostile-input report: each answers a 4xx problem+json, never a 500 or a reset.
 * Cases 1–5 (hostile values in bodies, queries and paths) are here; 6–9 and the liveness probe (the transport: headers,
 * content types, sizes, slow clients) are in hostile-transport.int-spec.ts.
 */
describe('hostile input', () => {
  const app = aHostileInputServer();
  const { send, problem } = app;

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
    const owner = await aLoggedInUser(app.server.url, TOKEN);
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
    const before = await app.server.storage.eventStore.readStream(gatewayStream(id));
    const again = await send('POST', `/api/gateways/${id}/owner`, {
      body: JSON.stringify({ ownerId: owner.userId }),
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      id,
      ownerId: owner.userId,
      changed: false,
    });
    expect(await app.server.storage.eventStore.readStream(gatewayStream(id))).toHaveLength(before.length);
  });
});
