import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { aLoggedInUser } from '#test/support/access.js';
import { aMarketHome } from '#test/support/market-home.js';
import { openAdrSchemaErrors } from '#test/support/openadr-schema.js';
import { startCallbackReceiver, type CallbackReceiver } from '#test/support/oadr-callback-receiver.js';
import { gridSignalsProjection } from '../../../application/market/grid-signals-read-model/grid-signals.projection.js';
import { oadrSubscriptionsProjection } from '../../../application/market/oadr-subscriptions-read-model/oadr-subscriptions.projection.js';
import { programsProjection } from '../../../application/market/programs-read-model/programs.projection.js';
import { rebuildProjection } from '../../../application/projections/rebuild-projection.js';
import { openStorage } from '../../../infrastructure/composition/storage.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const ADMIN = 'n'.repeat(64);
const BASE = '/openadr3/3.1.0';

/**
 * Subscriptions and notifications as a utility's business logic sees them, written from the OpenADR 3.1.0 documents
 * with plain fetch and a webhook receiver on 127.0.0.1 (allow-listed as WATTLOG_WEBHOOK_ALLOW_HOSTS would).
 */
describe('OpenADR 3.1.0 subscriptions notify a scripted utility', () => {
  let server: RunningServer;
  let receiver: CallbackReceiver;
  let dataDir: string;
  const start = () =>
    startHttpServer(
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

  async function aUtility(organisation: string): Promise<string> {
    const registered = await fetch(`${server.url}/api/clients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ organisation, name: 'VTN client', role: 'bl' }),
    });
    const client = (await registered.json()) as { clientId: string; clientSecret: string };
    const granted = await fetch(`${server.url}${BASE}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }).toString(),
    });
    return ((await granted.json()) as { access_token: string }).access_token;
  }

  async function vtn<T = { id: string }>(token: string, method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.url}${BASE}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  const anEvent = (programID: string, price: number) => ({
    programID,
    intervalPeriod: { start: '2026-12-08T00:00:00Z', duration: 'PT1H' },
    intervals: [{ id: 0, payloads: [{ type: 'PRICE', values: [price] }] }],
  });

  let gridCo = '';
  let otherCo = '';
  let programId = '';
  let fences = 0;

  /** A change A's receiver hears of: everything before it in the log has been judged and sent by the time it comes. */
  async function fence(): Promise<void> {
    fences += 1;
    expect((await vtn(gridCo, 'POST', '/events', anEvent(programId, fences))).status).toBe(201);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-openadr-notify-'));
    receiver = await startCallbackReceiver();
    server = await start();
    gridCo = await aUtility('Grid Co');
    otherCo = await aUtility('Other Co');
    programId = (await vtn(gridCo, 'POST', '/programs', { programName: 'nl-dynamic' })).body.id;
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses callbacks that fail the echo check, plain HTTP and private addresses, storing nothing', async () => {
    const subscribe = (callbackUrl: string) =>
      vtn<{ status: number; detail: string }>(gridCo, 'POST', '/subscriptions', {
        clientName: 'grid-co-bl',
        objectOperations: [{ objects: ['EVENT'], operations: ['CREATE'], callbackUrl }],
      });
    const wrongEcho = await subscribe(`${receiver.base}/refuse-echo`);
    expect(wrongEcho.status).toBe(400);
    expect(openAdrSchemaErrors('problem', wrongEcho.body)).toBe('');
    expect(wrongEcho.body.detail).toContain('echo');
    expect(receiver.echoes).toContain('/refuse-echo');
    expect((await subscribe('http://bl.grid-co.example/cb')).body.detail).toContain('HTTPS');
    // Private, metadata and loopback addresses, literal or through DNS (localhost), and a redirect to one.
    for (const url of ['https://10.0.0.7/cb', 'https://169.254.169.254/latest', 'https://[::1]/cb'])
      expect((await subscribe(url)).status).toBe(400);
    expect((await subscribe('https://localhost/cb')).body.detail).toContain('loopback');
    expect((await subscribe(`${receiver.base}/moved`)).body.detail).toContain('redirect');
    expect(receiver.echoes).toContain('/moved');
    expect((await vtn<unknown[]>(gridCo, 'GET', '/subscriptions')).body).toEqual([]);
  });

  it("hears exactly of its own changes, with its bearer token, in order, and nothing of another utility's", async () => {
    const subscribed = await vtn(gridCo, 'POST', '/subscriptions', {
      clientName: 'grid-co-bl',
      objectOperations: [
        {
          objects: ['PROGRAM', 'EVENT'],
          operations: ['CREATE', 'UPDATE', 'DELETE'],
          callbackUrl: `${receiver.base}/grid-co`,
          bearerToken: 'grid-co-callback-secret',
        },
      ],
    });
    expect(subscribed.status).toBe(201);
    expect(receiver.echoes).toContain('/grid-co');

    const created = await vtn<{ id: string; createdDateTime: string }>(
      gridCo,
      'POST',
      '/events',
      anEvent(programId, 0.21),
    );
    const updated = await vtn(gridCo, 'PUT', `/events/${created.body.id}`, anEvent(programId, -0.03));
    await vtn(gridCo, 'DELETE', `/events/${created.body.id}`);
    const renamed = await vtn(gridCo, 'PUT', `/programs/${programId}`, { programName: 'nl-dynamic-2' });
    // Another utility's program and event: Grid Co must hear nothing of them.
    const theirs = (await vtn(otherCo, 'POST', '/programs', { programName: 'other-tariff' })).body.id;
    await vtn(otherCo, 'POST', '/events', anEvent(theirs, 0.5));
    await fence();

    const heard = await receiver.waitFor(5);
    expect(heard.map((n) => `${n.body.objectType} ${n.body.operation}`)).toEqual([
      'EVENT CREATE',
      'EVENT UPDATE',
      'EVENT DELETE',
      'PROGRAM UPDATE',
      'EVENT CREATE',
    ]);
    for (const n of heard) {
      expect(n.path).toBe('/grid-co');
      expect(n.authorization).toBe('Bearer grid-co-callback-secret');
      expect(openAdrSchemaErrors('notification', n.body)).toBe('');
    }
    expect(heard[0]!.body.object).toEqual(created.body);
    expect(heard[1]!.body.object).toEqual(updated.body);
    expect(heard[2]!.body.object).toEqual(updated.body);
    expect(heard[3]!.body.object).toEqual(renamed.body);
    expect(JSON.stringify(heard)).not.toContain(theirs);
  }, 30_000);

  it('records a callback that fails for good (a redirect is never followed)', async () => {
    const subscribed = await vtn(gridCo, 'POST', '/subscriptions', {
      clientName: 'grid-co-redirecting',
      objectOperations: [{ objects: ['PROGRAM'], operations: ['UPDATE'], callbackUrl: `${receiver.base}/redirect` }],
    });
    expect(subscribed.status).toBe(201);
    await vtn(gridCo, 'PUT', `/programs/${programId}`, { programName: 'nl-dynamic-3' });
    const before = receiver.received.length;
    await fence();
    await receiver.waitFor(before + 1);
    await server.notifications.idle();
    const [row] = await server.storage.readModels.query<{ status: string; attempts: number; last_error: string }>(
      `SELECT status, attempts, last_error FROM oadr_notification_deliveries WHERE subscription_id = $1`,
      [subscribed.body.id],
    );
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.last_error).toContain('redirect');
    expect(receiver.refused).toEqual(['/redirect']);
  }, 30_000);

  it("tells the program's utility of an owner's new ven and resource, and another utility nothing", async () => {
    const subscribe = (token: string, path: string) =>
      vtn(token, 'POST', '/subscriptions', {
        clientName: 'participants',
        objectOperations: [
          { objects: ['VEN', 'RESOURCE'], operations: ['CREATE', 'DELETE'], callbackUrl: `${receiver.base}${path}` },
        ],
      });
    expect((await subscribe(gridCo, '/grid-co-vens')).status).toBe(201);
    expect((await subscribe(otherCo, '/other-co-vens')).status).toBe(201);
    const owner = await aLoggedInUser(server.url, ADMIN);
    const home = await aMarketHome(server, ADMIN, owner.userId, 'n1');
    const before = receiver.received.length;

    // The plug is the owner's once the gateway's ownership and readings are projected: until then it is unknown.
    const deadline = Date.now() + 30_000;
    let enrolled: { status: number; body: { venId: string } };
    do {
      server.projections.poke();
      const response = await fetch(`${server.url}/api/market/enrollments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ programId, sensorIds: [home.plugId], allowDispatch: true, shareReports: 'none' }),
      });
      enrolled = { status: response.status, body: (await response.json()) as { venId: string } };
    } while (enrolled.status === 404 && Date.now() < deadline);
    expect(enrolled.status).toBe(201);
    await fence();
    await receiver.waitFor(before + 3);
    await server.notifications.idle();

    const heard = receiver.received.slice(before).filter((n) => n.path !== '/grid-co');
    expect(heard.map((n) => `${n.path} ${n.body.objectType} ${n.body.operation}`)).toEqual([
      '/grid-co-vens VEN CREATE',
      '/grid-co-vens RESOURCE CREATE',
    ]);
    const ven = await vtn<object[]>(gridCo, 'GET', '/vens');
    const resources = await vtn<object[]>(gridCo, 'GET', '/resources');
    expect(heard[0]!.body.object).toEqual(ven.body[0]);
    expect(heard[0]!.body.object.id).toBe(enrolled.body.venId);
    expect(heard[1]!.body.object).toEqual(resources.body[0]);
    for (const n of heard) expect(openAdrSchemaErrors('notification', n.body)).toBe('');
    expect(JSON.stringify(heard)).not.toContain(home.plugId);
  }, 60_000);

  it('sends nothing twice after a restart, a rebuild of the read models and a replay of the whole log', async () => {
    const before = receiver.received.length;
    await server.close();
    const storage = await openStorage({ store: 'embedded', dataDir });
    for (const projection of [programsProjection, gridSignalsProjection, oadrSubscriptionsProjection])
      await rebuildProjection(storage.eventStore, storage.readModels, projection, { batchSize: 100 });
    // The notification process starts again from the beginning of the log.
    await storage.readModels.query(`DELETE FROM projection_checkpoints WHERE name LIKE 'oadr_notification%'`);
    await storage.readModels.query(`DELETE FROM oadr_notification_objects`);
    await storage.readModels.query(`DELETE FROM oadr_notification_subscriptions`);
    await storage.close();
    server = await start();
    await fence();
    await receiver.waitFor(before + 1);
    await server.notifications.idle();
    const added = receiver.received.slice(before);
    expect(added.map((n) => `${n.body.objectType} ${n.body.operation}`)).toEqual(['EVENT CREATE']);
    const ids = receiver.received.map((n) => JSON.stringify(n.body));
    expect(new Set(ids).size).toBe(ids.length);
  }, 60_000);
});
