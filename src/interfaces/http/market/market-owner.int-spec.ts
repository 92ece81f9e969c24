import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { aClientWithToken, aLoggedInUser, type TestClient, type TestUser } from '#test/support/access.js';
import { aMarketHome, aSubmittedReport, type MarketHome } from '#test/support/market-home.js';
import { openAdrSchemaErrors } from '#test/support/openadr-schema.js';
import { createTestSchema, describeWithPostgres, postgresUrl } from '#test/support/postgres.js';
import type { StorageConfig } from '../../../infrastructure/composition/storage.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const ADMIN = 'm'.repeat(64);
const BASE = '/openadr3/3.1.0';

type Answer<T = unknown> = { readonly status: number; readonly body: T };

type Storage = () => Promise<{ storage: StorageConfig; drop(): Promise<void> }>;

/**
 * An owner joins a utility's program with a plug: the utility sees an opaque ven and resource (and another utility
 * nothing), assigns targets, reads reports; the owner reads the signals on its wall clock and the cost of its meter,
 * pauses, resumes and leaves. Every OpenADR 2xx body validates against the spec's schema.
 */
function marketSpec(title: string, openStorage: Storage): void {
  describe(title, () => {
    let server: RunningServer;
    let dataDir: string;
    let drop: () => Promise<void>;
    let utilityA: TestClient;
    let utilityB: TestClient;
    let owner: TestUser;
    let neighbour: TestUser;
    let home: MarketHome;
    let neighbourHome: MarketHome;
    let programId = '';

    async function call<T = unknown>(method: string, path: string, token: string, body?: unknown): Promise<Answer<T>> {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
    }

    /** An OpenADR call whose 2xx body must validate against `schema`, and whose errors are `problem`s. */
    async function vtn<T = unknown>(method: string, path: string, token: string, schema: string, body?: unknown) {
      const answer = await call<T>(method, `${BASE}${path}`, token, body);
      expect(openAdrSchemaErrors(answer.status < 300 ? schema : 'problem', answer.body)).toBe('');
      return answer;
    }

    async function projected(sql: string, params: unknown[]): Promise<void> {
      const deadline = Date.now() + 60_000;
      while ((await server.storage.readModels.query(sql, params)).length === 0) {
        if (Date.now() > deadline) throw new Error(`never projected: ${sql}`);
        server.projections.poke();
        await new Promise((r) => setTimeout(r, 20));
      }
    }

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'wattlog-market-owner-'));
      const opened = await openStorage();
      drop = opened.drop;
      server = await startHttpServer(
        { storage: { ...opened.storage, dataDir }, host: '127.0.0.1', port: 0, tls: null, adminToken: ADMIN },
        pino({ level: 'silent' }),
      );
      utilityA = await aClientWithToken(server.url, ADMIN, 'Utility A', { role: 'bl' });
      utilityB = await aClientWithToken(server.url, ADMIN, 'Utility B', { role: 'bl' });
      owner = await aLoggedInUser(server.url, ADMIN, { email: 'owner@example.org' });
      neighbour = await aLoggedInUser(server.url, ADMIN);
      home = await aMarketHome(server, ADMIN, owner.userId, 'a1');
      neighbourHome = await aMarketHome(server, ADMIN, neighbour.userId, 'b1');
      await projected('SELECT 1 FROM access_gateway_owners WHERE gateway_id = $1', [neighbourHome.gatewayId]);
      await projected('SELECT 1 FROM readings_latest WHERE sensor_id = $1', [neighbourHome.meterId]);
      const a = utilityA.accessToken;
      programId = (
        await vtn<{ id: string }>('POST', '/programs', a, 'program', {
          programName: `tariff-${randomUUID()}`,
          attributes: [{ type: 'PROGRAM_LONG_NAME', values: ['Dynamic tariff'] }],
          payloadDescriptors: [
            { objectType: 'EVENT_PAYLOAD_DESCRIPTOR', payloadType: 'PRICE', units: 'KWH', currency: 'EUR' },
          ],
        })
      ).body.id;
      const event = (body: object) => vtn('POST', '/events', a, 'event', { programID: programId, ...body });
      expect(
        (
          await event({
            intervalPeriod: { start: '2026-12-08T00:00:00Z', duration: 'PT15M' },
            payloadDescriptors: [
              { objectType: 'EVENT_PAYLOAD_DESCRIPTOR', payloadType: 'PRICE', units: 'KWH', currency: 'EUR' },
            ],
            intervals: [0.2, 0.4, -0.1, 0.3, 0.25, 0.25, 0.25, 0.25].map((price, id) => ({
              id,
              payloads: [{ type: 'PRICE', values: [price] }],
            })),
          })
        ).status,
      ).toBe(201);
      await event({
        targets: ['group:north'],
        intervalPeriod: { start: '2026-12-08T00:30:00Z', duration: 'PT30M' },
        intervals: [{ id: 0, payloads: [{ type: 'SIMPLE', values: [2] }] }],
      });
      await event({
        intervalPeriod: { start: '2026-12-08T01:00:00Z', duration: 'PT1H' },
        intervals: [{ id: 0, payloads: [{ type: 'ALERT_GRID_EMERGENCY', values: ['Save energy'] }] }],
      });
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await drop?.();
      rmSync(dataDir, { recursive: true, force: true });
    }, 30_000);

    it('an owner joins with a plug; its utility sees an opaque ven and resource, another utility nothing', async () => {
      const programs = await call<{ items: { id: string; longName: string }[] }>(
        'GET',
        '/api/market/programs',
        owner.accessToken,
      );
      expect(programs.body.items).toContainEqual(
        expect.objectContaining({ id: programId, longName: 'Dynamic tariff' }),
      );
      const enroll = (token: string, body: object) =>
        call<{ id: string; status: string; venId: string }>('POST', '/api/market/enrollments', token, body);
      const request = { programId, sensorIds: [home.plugId], allowDispatch: true, shareReports: 'aggregate' };
      expect((await enroll(owner.accessToken, { ...request, sensorIds: [neighbourHome.plugId] })).status).toBe(404);
      expect((await enroll(owner.accessToken, { ...request, shareReports: 'all' })).status).toBe(400);
      expect((await enroll(owner.accessToken, { ...request, programId: 'nope' })).status).toBe(404);
      const enrolled = await enroll(owner.accessToken, request);
      expect(enrolled.status).toBe(201);
      expect(enrolled.body).toMatchObject({
        programId,
        status: 'active',
        allowDispatch: true,
        sensorIds: [home.plugId],
      });
      expect((await enroll(owner.accessToken, request)).status).toBe(409);

      const a = utilityA.accessToken;
      const vens = await vtn<{ id: string; venName: string }[]>('GET', '/vens', a, 'ven[]');
      expect(vens.body.map((v) => v.id)).toEqual([enrolled.body.venId]);
      const [ven] = vens.body;
      expect(ven!.venName).toMatch(/^site-[0-9a-f]{16}$/);
      const resources = await vtn<{ id: string; resourceName: string; venID: string }[]>(
        'GET',
        '/resources',
        a,
        'resource[]',
      );
      expect(resources.body).toEqual([expect.objectContaining({ venID: ven!.id, objectType: 'RESOURCE' })]);
      expect(resources.body[0]!.resourceName).toMatch(/^plug-[0-9a-f]{16}$/);
      const seen = JSON.stringify([vens.body, resources.body]);
      for (const personal of [owner.userId, owner.email, home.plugId, home.gatewayId])
        expect(seen).not.toContain(personal);
      expect((await vtn('GET', `/vens?venName=${encodeURIComponent(ven!.venName)}`, a, 'ven[]')).body).toHaveLength(1);
      expect((await vtn('GET', '/vens?venName=site-%25', a, 'ven[]')).body).toEqual([]);
      expect((await vtn('GET', `/resources?venID=${ven!.id}`, a, 'resource[]')).body).toHaveLength(1);
      expect((await vtn('GET', '/resources?limit=51', a, 'resource[]')).status).toBe(400);
      expect((await vtn('GET', `/vens/${ven!.id}`, a, 'ven')).status).toBe(200);
      expect((await vtn('GET', `/resources/${resources.body[0]!.id}`, a, 'resource')).status).toBe(200);

      const b = utilityB.accessToken;
      expect((await vtn('GET', '/vens', b, 'ven[]')).body).toEqual([]);
      expect((await vtn('GET', '/resources', b, 'resource[]')).body).toEqual([]);
      expect((await vtn('GET', `/vens/${ven!.id}`, b, 'ven')).status).toBe(404);
      expect((await vtn('PUT', `/vens/${ven!.id}`, b, 'ven', { targets: ['x'] })).status).toBe(404);
      expect((await vtn('GET', '/vens', owner.accessToken, 'ven[]')).status).toBe(403);
    });

    it('the utility assigns targets; creating or deleting vens and writing reports is refused; reports read back', async () => {
      const a = utilityA.accessToken;
      const [ven] = (await vtn<{ id: string; venName: string; clientID: string }[]>('GET', '/vens', a, 'ven[]')).body;
      const [resource] = (await vtn<{ id: string; resourceName: string }[]>('GET', '/resources', a, 'resource[]')).body;
      const put = await vtn<{ targets: string[]; modificationDateTime: string }>('PUT', `/vens/${ven!.id}`, a, 'ven', {
        objectType: 'BL_VEN_REQUEST',
        clientID: ven!.clientID,
        venName: ven!.venName,
        targets: ['group:north'],
      });
      expect(put.status).toBe(200);
      expect(put.body.targets).toEqual(['group:north']);
      expect((await vtn('GET', '/vens?targets=group:north', a, 'ven[]')).body).toHaveLength(1);
      expect((await vtn('PUT', `/vens/${ven!.id}`, a, 'ven', { venName: 'renamed' })).status).toBe(409);
      expect((await vtn('PUT', `/vens/${ven!.id}`, a, 'ven', { targets: 'group:north' })).status).toBe(400);
      const putResource = await vtn('PUT', `/resources/${resource!.id}`, a, 'resource', { targets: ['zone:nl'] });
      expect(putResource.body).toMatchObject({ targets: ['zone:nl'], resourceName: resource!.resourceName });
      expect((await vtn('POST', '/vens', a, 'ven', { venName: 'x', clientID: 'y' })).status).toBe(403);
      expect((await vtn('DELETE', `/vens/${ven!.id}`, a, 'ven')).status).toBe(403);
      expect((await vtn('POST', '/resources', a, 'resource', {})).status).toBe(403);
      expect((await vtn('POST', '/reports', a, 'report', {})).status).toBe(403);

      const [event] = (await vtn<{ id: string }[]>(`GET`, `/events?programID=${programId}&limit=1`, a, 'event[]')).body;
      const written = { programId, eventId: event!.id, venId: ven!.id, venName: ven!.venName };
      await aSubmittedReport(server, { ...written, reportId: 'rep-http-1', providerId: utilityA.clientId });
      await aSubmittedReport(server, { ...written, reportId: 'rep-http-2', providerId: 'another-provider' });
      await projected('SELECT 1 FROM oadr_reports WHERE report_id = $1', ['rep-http-2']);
      const reports = await vtn<{ id: string }[]>('GET', `/reports?programID=${programId}`, a, 'report[]');
      expect(reports.body.map((r) => r.id)).toEqual(['rep-http-1']);
      expect(
        (await vtn('GET', `/reports?eventID=${event!.id}&clientName=${ven!.venName}`, a, 'report[]')).body,
      ).toHaveLength(1);
      expect((await vtn('GET', '/reports/rep-http-1', a, 'report')).status).toBe(200);
      expect((await vtn('GET', '/reports/rep-http-2', a, 'report')).status).toBe(404);
      expect((await vtn('GET', '/reports', utilityB.accessToken, 'report[]')).body).toEqual([]);
    });

    it('the owner reads the signals that concern it on its wall clock, and the cost of its meter per bucket', async () => {
      const range = `from=2026-12-08T01:00:00%2B01:00&to=2026-12-08T03:00:00%2B01:00&timeZone=Europe/Amsterdam`;
      const signals = await call<{
        segments: { kind: string; payloadType: string; start: string; values: unknown[] }[];
      }>('GET', `/api/market/signals?${range}`, owner.accessToken);
      expect(signals.status).toBe(200);
      const kinds = signals.body.segments.map((s) => [s.kind, s.start, s.values[0]]);
      expect(kinds).toContainEqual(['price', '2026-12-08T01:30:00+01:00', -0.1]);
      expect(kinds).toContainEqual(['demand_response', '2026-12-08T01:30:00+01:00', 2]);
      expect(kinds).toContainEqual(['alert', '2026-12-08T02:00:00+01:00', 'Save energy']);
      expect((await call('GET', `/api/market/signals?${range}&kind=price`, neighbour.accessToken)).body).toMatchObject({
        segments: [],
      });
      expect(
        (await call('GET', `/api/market/signals?${range}&programId=${programId}`, neighbour.accessToken)).status,
      ).toBe(404);
      expect(
        (await call('GET', '/api/market/signals?from=2026-12-08T00:00:00Z&to=2026-12-01T00:00:00Z', owner.accessToken))
          .status,
      ).toBe(400);

      const costs = await call<{
        meters: { buckets: { energyKWh: number | null; cost: number | null; currency: string }[] }[];
      }>(
        'GET',
        `/api/market/costs?programId=${programId}&sensor=${encodeURIComponent(home.meterId)}&from=2026-12-08T00:00:00Z&to=2026-12-08T02:00:00Z&bucket=15m`,
        owner.accessToken,
      );
      expect(costs.status).toBe(200);
      const prices = [0.2, 0.4, -0.1, 0.3, 0.25, 0.25, 0.25, 0.25];
      const buckets = costs.body.meters[0]!.buckets;
      expect(buckets).toHaveLength(8);
      const priced = buckets.filter((b) => b.cost !== null);
      expect(priced.length).toBeGreaterThan(0);
      buckets.forEach((b, i) => {
        if (b.cost !== null) expect(b.cost).toBeCloseTo(b.energyKWh! * prices[i]!, 9);
      });
      expect(buckets.some((b) => b.cost !== null && b.cost < 0)).toBe(true);
      const neighbourMeter = `/api/market/costs?programId=${programId}&sensor=${encodeURIComponent(neighbourHome.meterId)}&from=2026-12-08T00:00:00Z&to=2026-12-08T02:00:00Z`;
      expect((await call('GET', neighbourMeter, owner.accessToken)).status).toBe(404);
      expect((await call('GET', neighbourMeter, neighbour.accessToken)).status).toBe(404);
    });

    it('the owner pauses, resumes and leaves; the utility sees the status, then nothing', async () => {
      const a = utilityA.accessToken;
      const [enrollment] = (
        await call<{ items: { id: string }[] }>('GET', '/api/market/enrollments', owner.accessToken)
      ).body.items;
      const path = `/api/market/enrollments/${enrollment!.id}`;
      expect((await call('GET', path, neighbour.accessToken)).status).toBe(404);
      expect((await call('POST', `${path}/pause`, neighbour.accessToken, {})).status).toBe(404);
      const paused = await call('POST', `${path}/pause`, owner.accessToken, { until: '2099-01-01T00:00:00Z' });
      expect(paused.body).toMatchObject({ status: 'paused', pausedUntil: '2099-01-01T00:00:00Z' });
      expect((await vtn<{ attributes: unknown }[]>('GET', '/vens', a, 'ven[]')).body[0]!.attributes).toEqual([
        { type: 'X_ENROLLMENT_STATUS', values: ['PAUSED'] },
      ]);
      expect((await call('POST', `${path}/resume`, owner.accessToken)).body).toMatchObject({ status: 'active' });
      expect((await call('DELETE', path, neighbour.accessToken)).status).toBe(404);
      expect((await call('DELETE', path, owner.accessToken)).body).toMatchObject({ status: 'ended' });
      expect((await call('DELETE', path, owner.accessToken)).status).toBe(409);
      expect((await vtn('GET', '/vens', a, 'ven[]')).body).toEqual([]);
      expect((await vtn('GET', '/resources', a, 'resource[]')).body).toEqual([]);
      expect((await call('GET', path, owner.accessToken)).body).toMatchObject({ status: 'ended' });
    });
  });
}

marketSpec("owners in utilities' programs through HTTP (PGlite)", async () => ({
  storage: { store: 'embedded', dataDir: '' },
  drop: () => Promise.resolve(),
}));

describeWithPostgres('on Postgres', () => {
  marketSpec("owners in utilities' programs through HTTP (Postgres)", async () => {
    const url = postgresUrl();
    const schema = await createTestSchema(url, 'marketowner');
    const schemaUrl = new URL(url);
    schemaUrl.searchParams.set('options', `-c search_path=${schema.schema}`);
    return { storage: { store: 'postgres', databaseUrl: schemaUrl.toString(), dataDir: '' }, drop: schema.drop };
  });
});
