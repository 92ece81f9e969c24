import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { openAdrSchemaErrors } from '#test/support/openadr-schema.js';
import { startCallbackReceiver, type CallbackReceiver } from '#test/support/oadr-callback-receiver.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const ADMIN = 'u'.repeat(64);
const BASE = '/openadr3/3.1.0';

/**
 * A utility's business logic written from the OpenADR 3.1.0 documents alone, with plain fetch: discovery, token,
 * programs, events (prices, demand response, alerts), subscriptions. Every 2xx answer is checked against the
 * schema the spec's document gives for it.
 */
describe('OpenADR 3.1.0 VTN driven by a scripted utility', () => {
  let server: RunningServer;
  let receiver: CallbackReceiver;
  let dataDir: string;
  let token = '';

  /** Calls the VTN; a 2xx body must validate against `schema` (the spec's response schema for the operation). */
  async function vtn<T>(
    method: string,
    path: string,
    schema: string | null,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${server.url}${BASE}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const parsed = (await response.json()) as T;
    if (response.ok && schema !== null) expect(openAdrSchemaErrors(schema, parsed)).toBe('');
    if (!response.ok) expect(openAdrSchemaErrors('problem', parsed)).toBe('');
    return { status: response.status, body: parsed };
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-openadr-utility-'));
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
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('discovers the token endpoint, publishes prices, a DR event and an alert, reads, filters, pages, updates and deletes', async () => {
    // The operator registers the utility (Wattlog's own API), and hands it the id and secret.
    const registered = await fetch(`${server.url}/api/clients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ organisation: 'Grid Co', name: 'VTN utility', role: 'bl' }),
    });
    expect(registered.status).toBe(201);
    const client = (await registered.json()) as { clientId: string; clientSecret: string; role: string };
    expect(client.role).toBe('bl');

    // Token endpoint discovery (Definition, "Token endpoint discovery"), then the client-credentials grant.
    const discovery = await fetch(`${server.url}${BASE}/auth/server`);
    const server_ = (await discovery.json()) as { tokenURL: string };
    expect(discovery.status).toBe(200);
    expect(openAdrSchemaErrors('authServerInfo', server_)).toBe('');
    const granted = await fetch(server_.tokenURL, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        scope: 'read_all write_programs write_events write_subscriptions',
      }).toString(),
    });
    expect(granted.status).toBe(200);
    const tokens = (await granted.json()) as { access_token: string; token_type: string; scope: string };
    expect(openAdrSchemaErrors('clientCredentialResponse', tokens)).toBe('');
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      scope: 'read_all write_programs write_events write_subscriptions',
    });
    token = tokens.access_token;

    // A day-ahead tariff program and its prices: 96 quarter hours, one negative.
    const tariff = await vtn<{ id: string; createdDateTime: string; objectType: string; programName: string }>(
      'POST',
      '/programs',
      'program',
      {
        id: 'chosen-by-client',
        createdDateTime: '2001-01-01T00:00:00Z',
        objectType: 'EVENT',
        programName: 'nl-day-ahead',
        attributes: [{ type: 'PROGRAM_TYPE', values: ['PRICING_TARIFF'] }],
        payloadDescriptors: [
          { objectType: 'EVENT_PAYLOAD_DESCRIPTOR', payloadType: 'PRICE', units: 'KWH', currency: 'EUR' },
        ],
      },
    );
    expect(tariff.status).toBe(201);
    expect(tariff.body.id).not.toBe('chosen-by-client');
    expect(tariff.body.createdDateTime).not.toBe('2001-01-01T00:00:00Z');
    expect(tariff.body.objectType).toBe('PROGRAM');
    const prices = Array.from({ length: 96 }, (_, id) => ({
      id,
      payloads: [{ type: 'PRICE', values: [id === 50 ? -0.02 : 0.1 + id / 1000] }],
    }));
    const dayAhead = await vtn<{
      id: string;
      intervals: unknown[];
      createdDateTime: string;
      modificationDateTime: string;
    }>('POST', '/events', 'event', {
      programID: tariff.body.id,
      eventName: 'prices 2026-12-08',
      intervalPeriod: { start: '2026-12-08T00:00:00+01:00', duration: 'PT15M' },
      intervals: prices,
    });
    expect(dayAhead.status).toBe(201);
    expect(dayAhead.body.intervals).toEqual(prices);

    // A demand-response program with a SIMPLE event, and an alerts program with an ALERT.
    const dr = await vtn<{ id: string }>('POST', '/programs', 'program', { programName: 'nl-flex-shed' });
    const shed = await vtn<{ id: string }>('POST', '/events', 'event', {
      programID: dr.body.id,
      priority: 0,
      targets: ['zone:nl-north'],
      intervalPeriod: { start: '2026-12-08T17:00:00Z', duration: 'PT2H' },
      intervals: [{ id: 0, payloads: [{ type: 'SIMPLE', values: [2] }] }],
    });
    expect(shed.status).toBe(201);
    const alert = await vtn<{ id: string }>('POST', '/events', 'event', {
      programID: dr.body.id,
      intervalPeriod: { start: '2026-12-08T06:00:00Z', duration: 'PT12H' },
      intervals: [
        { id: 0, payloads: [{ type: 'ALERT_FREEZING', values: ['Frost expected tonight: protect outdoor pipes'] }] },
      ],
    });
    expect(alert.status).toBe(201);

    // Read back, filter by program and by target, page with limit.
    const read = await vtn<unknown>('GET', `/events/${dayAhead.body.id}`, 'event');
    expect(read.body).toEqual(dayAhead.body);
    const ofTariff = await vtn<{ id: string }[]>('GET', `/events?programID=${tariff.body.id}`, 'event[]');
    expect(ofTariff.body.map((e) => e.id)).toEqual([dayAhead.body.id]);
    const ofZone = await vtn<{ id: string }[]>('GET', '/events?targets=zone:nl-north', 'event[]');
    expect(ofZone.body.map((e) => e.id)).toEqual([shed.body.id]);
    const first = await vtn<{ id: string }[]>('GET', '/events?limit=2', 'event[]');
    const second = await vtn<{ id: string }[]>('GET', '/events?limit=2&skip=2', 'event[]');
    expect([...first.body, ...second.body].map((e) => e.id)).toEqual([dayAhead.body.id, shed.body.id, alert.body.id]);
    expect((await vtn<unknown[]>('GET', '/programs', 'program[]')).body).toHaveLength(2);
    expect((await vtn<unknown>('GET', `/programs/${dr.body.id}`, 'program')).status).toBe(200);

    // Update: the whole content is replaced; created stays, modified moves.
    const revised = await vtn<{
      id: string;
      createdDateTime: string;
      modificationDateTime: string;
      intervals: unknown[];
    }>('PUT', `/events/${dayAhead.body.id}`, 'event', {
      programID: tariff.body.id,
      intervalPeriod: { start: '2026-12-08T00:00:00+01:00', duration: 'PT1H' },
      intervals: prices.slice(0, 24),
    });
    expect(revised.status).toBe(200);
    expect(revised.body.createdDateTime).toBe(dayAhead.body.createdDateTime);
    expect(revised.body.intervals).toHaveLength(24);
    expect(
      (await vtn<{ intervals: unknown[] }>('GET', `/events/${dayAhead.body.id}`, 'event')).body.intervals,
    ).toHaveLength(24);
    const renamed = await vtn<{ programName: string }>('PUT', `/programs/${dr.body.id}`, 'program', {
      programName: 'nl-flex-shed-2',
    });
    expect(renamed.body.programName).toBe('nl-flex-shed-2');

    // Delete answers the object as it was; afterwards it is gone.
    const deleted = await vtn<{ id: string }>('DELETE', `/events/${alert.body.id}`, 'event');
    expect(deleted.body.id).toBe(alert.body.id);
    expect((await vtn('GET', `/events/${alert.body.id}`, null)).status).toBe(404);
    expect((await vtn('DELETE', `/events/${alert.body.id}`, null)).status).toBe(404);

    // Subscriptions: created, listed, revised, deleted; every callback answers the echo check first
    // (notifications: openadr-notifications.int-spec.ts).
    const subscription = await vtn<{ id: string; clientID: string }>('POST', '/subscriptions', 'subscription', {
      clientName: 'grid-co-bl',
      programID: tariff.body.id,
      objectOperations: [
        {
          objects: ['EVENT'],
          operations: ['CREATE', 'UPDATE', 'DELETE'],
          callbackUrl: `${receiver.base}/oadr`,
          bearerToken: 'cb-secret-1',
        },
      ],
    });
    expect(subscription.status).toBe(201);
    expect(subscription.body.clientID).toBe(client.clientId);
    expect(JSON.stringify(subscription.body)).not.toContain('cb-secret-1');
    expect(
      (await vtn<unknown[]>('GET', `/subscriptions?objects=EVENT&programID=${tariff.body.id}`, 'subscription[]')).body,
    ).toHaveLength(1);
    expect((await vtn<unknown[]>('GET', '/subscriptions?objects=REPORT', 'subscription[]')).body).toHaveLength(0);
    const resubscribed = await vtn<{ clientName: string }>(
      'PUT',
      `/subscriptions/${subscription.body.id}`,
      'subscription',
      {
        clientName: 'grid-co-bl-2',
        objectOperations: [{ objects: ['PROGRAM'], operations: ['UPDATE'], callbackUrl: `${receiver.base}/p` }],
      },
    );
    expect(resubscribed.body.clientName).toBe('grid-co-bl-2');
    expect((await vtn('DELETE', `/subscriptions/${subscription.body.id}`, 'subscription')).status).toBe(200);
    expect((await vtn<unknown[]>('GET', '/subscriptions', 'subscription[]')).body).toEqual([]);

    // Notifier bindings, and the spec's own document.
    expect((await vtn('GET', '/notifiers', 'notifiersResponse')).body).toEqual({ WEBHOOK: true });
    const document = await fetch(`${server.url}${BASE}/openapi.yaml`);
    expect(document.headers.get('content-type')).toContain('yaml');
    expect(await document.text()).toContain('title: OpenADR 3 API');

    // Withdrawing a program takes its events along.
    expect((await vtn('DELETE', `/programs/${tariff.body.id}`, 'program')).status).toBe(200);
    expect((await vtn<unknown[]>('GET', `/events?programID=${tariff.body.id}`, 'event[]')).body).toEqual([]);
    expect((await vtn('GET', `/events/${dayAhead.body.id}`, null)).status).toBe(404);
  }, 60_000);
});
