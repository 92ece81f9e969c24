import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { findProjections } from '../../src/application/projections/projection-catalog.js';
import { rebuildProjection } from '../../src/application/projections/rebuild-projection.js';
import { decoderLookup } from '../../src/infrastructure/protocols/payload-decoders.js';
import { startHttpServer, type RunningServer } from '../../src/interfaces/http/http-server.js';
import { insertNodes } from '../fixtures/readings-read-model.fixtures.js';
import { openSse, type SseClient } from '../fixtures/sse-client.fixtures.js';
import { aClientWithToken, aLoggedInUser, type TestClient, type TestUser } from '../support/access.js';
import { untilClientListed } from './tenant-fixtures.js';

/*
 * A change of owner is a change of tenant (ADR 0024), through the HTTP API of the real server: A owns a
 * gateway, reads, grants, gets an alarm and commands a switch; an admin hands the gateway to B; readings go on. B sees
 * none of A's past, A's grant exposes nothing any more and has ended, A keeps their own period, admins see it all.
 * Then every read model is rebuilt from the log and the answers are the same.
 */

const ADMIN_TOKEN = 'h'.repeat(64);
const GATEWAY = 'gw-handover';
const NODE = 'zigbee:0x00000000000000c1';
const POWER = `${NODE}/1/power`;
const SWITCH = `${NODE}/1/switchState`;

interface Caller {
  readonly headers: Readonly<Record<string, string>>;
}

const bearer = (token: string): Caller => ({ headers: { authorization: `Bearer ${token}` } });

describe('handover of a gateway from owner A to owner B', () => {
  let server: RunningServer;
  let dataDir: string;
  let userA: TestUser;
  let userB: TestUser;
  let grantee: TestClient;
  let A: Caller;
  let B: Caller;
  let G: Caller;
  const admin = bearer(ADMIN_TOKEN);
  let sequence = 0;
  let grantId: string;
  let commandId: string;
  let alarmId: string;
  let from: string;
  let handoverAt: string;
  /** Live streams of POWER and SWITCH opened before the handover: A's grantee's and an admin's. */
  let liveG: SseClient;
  let liveAdmin: SseClient;

  const call = async (as: Caller, method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { ...as.headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const json = async <T>(as: Caller, path: string): Promise<{ status: number; body: T }> => {
    const response = await call(as, 'GET', path);
    return { status: response.status, body: (await response.json()) as T };
  };
  const until = async (what: string, probe: () => Promise<boolean>): Promise<void> => {
    const deadline = Date.now() + 20_000;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const report = async (
    readings: readonly { sensorId: string; quantity: string; unit: string; value: number }[],
    aheadMs = 0,
  ) => {
    const measuredAt = new Date(Date.now() + aheadMs).toISOString();
    const data = {
      gatewayId: GATEWAY,
      sequence,
      networkType: 'zigbee',
      readings: readings.map((r) => ({
        ...r,
        nodeId: NODE,
        measuredAt,
        source: { protocol: 'zigbee', cluster: 'haElectricalMeasurement' },
      })),
      receivedAt: measuredAt,
    };
    await server.storage.eventStore.append(
      `readings-${GATEWAY}`,
      [{ id: randomUUID(), type: 'ReadingsReported', data, metadata: { schemaVersion: 2 } }],
      { expectedRevision: sequence === 0 ? 'no_stream' : sequence - 1 },
    );
    sequence++;
    server.projections.poke();
    return measuredAt;
  };
  /** The raw power values a caller gets for the whole story; null when the sensor answers as unknown. */
  const rawValues = async (as: Caller): Promise<number[] | null> => {
    const to = new Date(Date.now() + 60_000).toISOString();
    const query = new URLSearchParams({ sensor: POWER, from, to, bucket: 'raw' });
    const response = await call(as, 'GET', `/api/readings/series?${query.toString()}`);
    if (response.status === 404) return null;
    const body = (await response.json()) as { series?: { sensorId: string; points: { value: number }[] }[] };
    const series = body.series?.find((s) => s.sensorId === POWER);
    return series ? series.points.map((p) => p.value) : null;
  };
  const alarmIds = async (as: Caller): Promise<string[]> =>
    (await json<{ items: { alarmId: string }[] }>(as, `/api/alarms?state=all`)).body.items.map((a) => a.alarmId);
  const accessLogOf = async (as: Caller, actorId: string): Promise<{ actorId: string; sensorId: string }[]> =>
    (await json<{ items: { actorId: string; sensorId: string }[] }>(as, `/api/access-log?actor=${actorId}`)).body.items;
  /** Command ids in the switch's timeline; empty when the switch answers as unknown. */
  const timeline = async (as: Caller): Promise<string[]> =>
    (
      await json<{ items?: { commandId: string }[] }>(as, `/api/actuator-commands?sensor=${encodeURIComponent(SWITCH)}`)
    ).body.items?.map((c) => c.commandId) ?? [];
  const grantIds = async (as: Caller): Promise<string[]> =>
    (await json<{ items: { grantId: string }[] }>(as, '/api/grants?limit=100')).body.items.map((g) => g.grantId);
  const grantOf = async (as: Caller) =>
    (
      await json<{ items: { grantId: string; status: string; endReason?: string | null }[] }>(as, '/api/grants')
    ).body.items.find((g) => g.grantId === grantId);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-handover-'));
    server = await startHttpServer(
      { storage: { store: 'embedded', dataDir }, host: '127.0.0.1', port: 0, tls: null, adminToken: ADMIN_TOKEN },
      pino({ level: 'silent' }),
    );
    userA = await aLoggedInUser(server.url, ADMIN_TOKEN, { displayName: 'Owner A' });
    userB = await aLoggedInUser(server.url, ADMIN_TOKEN, { displayName: 'Owner B' });
    grantee = await aClientWithToken(server.url, ADMIN_TOKEN, 'A grantee');
    [A, B, G] = [bearer(userA.accessToken), bearer(userB.accessToken), bearer(grantee.accessToken)];
    await untilClientListed(server, ADMIN_TOKEN, grantee.clientId);

    // A owns the gateway; a node with a power sensor and a switch reports.
    const registered = await call(admin, 'POST', '/api/gateways', {
      id: GATEWAY,
      name: 'House',
      networkType: 'zigbee',
      address: '192.0.2.1',
      location: { lat: 52, lon: 5 },
      ownerId: userA.userId,
    });
    expect(registered.status).toBe(201);
    from = new Date(Date.now() - 60_000).toISOString();
    await insertNodes(server.storage.readModels, [
      { nodeId: NODE, gatewayId: GATEWAY, status: 'interviewed', protocol: 'zigbee', lastSeenAt: from },
    ]);
    await report([{ sensorId: SWITCH, quantity: 'switchState', unit: '1', value: 0 }]);
    const configured = await call(admin, 'POST', `/api/nodes/${encodeURIComponent(NODE)}/configuration`, {
      kind: 'alarm_power_above',
      thresholdW: 50,
      forSeconds: 0,
      reason: 'handover spec',
    });
    expect(configured.status).toBe(202);
    // Sure to follow the setting: an alarm on A's reading of 100 W.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await report([{ sensorId: POWER, quantity: 'power', unit: 'W', value: 100 }]);
    await until('A sees their reading and alarm', async () => {
      const ids = await alarmIds(A);
      alarmId = ids[0] ?? '';
      return ids.length > 0 && (await rawValues(A))?.length === 1;
    });

    // A commands the switch and grants a third party read access.
    const requested = await call(A, 'POST', '/api/actuator-commands', {
      sensorId: SWITCH,
      action: 'on',
      timeoutSeconds: 60,
    });
    expect(requested.status).toBe(202);
    commandId = ((await requested.json()) as { commandId: string }).commandId;
    // A also makes the sensor's buckets public.
    const madePublic = await call(A, 'PUT', `/api/sensors/${encodeURIComponent(POWER)}/visibility`, {
      visibility: 'public_aggregate',
    });
    expect(madePublic.status).toBe(200);
    const granted = await call(A, 'POST', '/api/grants', {
      grantee: { kind: 'client', id: grantee.clientId },
      scope: { sensorIds: [POWER, SWITCH] },
      rights: ['read'],
    });
    expect(granted.status).toBe(201);
    grantId = ((await granted.json()) as { grantId: string }).grantId;
    await until('the grant reaches its grantee', async () => (await rawValues(G))?.length === 1);
    // The grantee and an admin watch both sensors live; the grantee gets A's switch reading.
    const streamUrl = `${server.url}/api/readings/stream?sensor=${encodeURIComponent(POWER)}&sensor=${encodeURIComponent(SWITCH)}`;
    [liveG, liveAdmin] = await Promise.all([openSse(streamUrl, G.headers), openSse(streamUrl, admin.headers)]);
    await until('both streams are connected', () =>
      Promise.resolve(liveG.comments.includes('connected') && liveAdmin.comments.includes('connected')),
    );
    await report([{ sensorId: SWITCH, quantity: 'switchState', unit: '1', value: 1 }]);
    await liveG.waitForMessages(1);
    await until('the access log shows the grantee reading A’s sensor', async () =>
      (await accessLogOf(A, `client:${grantee.clientId}`)).some((e) => e.sensorId === POWER),
    );

    // The handover, then B's readings.
    await new Promise((resolve) => setTimeout(resolve, 5));
    handoverAt = new Date().toISOString();
    const handed = await call(admin, 'POST', `/api/gateways/${GATEWAY}/owner`, { ownerId: userB.userId });
    expect(handed.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await report([{ sensorId: POWER, quantity: 'power', unit: 'W', value: 20 }]);
    await until('the handover and B’s reading are projected', async () => {
      const values = await rawValues(admin);
      return values?.length === 2 && (await grantOf(A))?.status === 'revoked';
    });
  }, 90_000);

  afterAll(async () => {
    liveG?.abort();
    liveAdmin?.abort();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  /** The five points of the issue, for A, B, A's grantee and admin. */
  const expectTenantsSeparated = async (): Promise<void> => {
    // 1. A's grant ended with A's ownership: it exposes nothing, B cannot see or revoke it, A keeps it as history.
    expect(await rawValues(G)).toBeNull();
    expect((await json<{ missing: string[] }>(G, `/api/readings/latest?sensor=${POWER}`)).body.missing).toEqual([
      POWER,
    ]);
    expect(await grantIds(B)).not.toContain(grantId);
    expect((await call(B, 'POST', `/api/grants/${grantId}/revoke`)).status).toBe(404);
    expect(await grantOf(A)).toMatchObject({ grantId, status: 'revoked', endReason: 'ownership_changed' });
    expect(await grantIds(G)).toContain(grantId);
    // 2. Raw readings by measuredAt: each owner their own period, admins all of it.
    expect(await rawValues(B)).toEqual([20]);
    expect(await rawValues(A)).toEqual([100]);
    expect(await rawValues(admin)).toEqual([100, 20]);
    expect((await json<{ missing: string[] }>(A, `/api/readings/latest?sensor=${POWER}`)).body.missing).toEqual([
      POWER,
    ]);
    // 3. Alarms by when they were raised.
    expect(await alarmIds(B)).not.toContain(alarmId);
    expect(await alarmIds(A)).toContain(alarmId);
    expect(await alarmIds(admin)).toContain(alarmId);
    // 4. Actuator commands by when they were requested.
    expect((await call(B, 'GET', `/api/actuator-commands/${commandId}`)).status).toBe(404);
    expect((await call(A, 'GET', `/api/actuator-commands/${commandId}`)).status).toBe(200);
    expect((await call(admin, 'GET', `/api/actuator-commands/${commandId}`)).status).toBe(200);
    // The switch's command timeline is B's now, without A's command in it.
    expect(await timeline(B)).not.toContain(commandId);
    expect(await timeline(admin)).toContain(commandId);
    // A can no longer command what is B's now.
    const commanded = await call(A, 'POST', '/api/actuator-commands', {
      sensorId: SWITCH,
      action: 'off',
      timeoutSeconds: 60,
    });
    expect(commanded.status).toBe(404);
    // Configuration requests by when they were requested: the alarm setting was asked for in A's period.
    const changes = `/api/nodes/${encodeURIComponent(NODE)}/configuration/changes?${new URLSearchParams({
      from,
      to: new Date(Date.now() + 60_000).toISOString(),
    }).toString()}`;
    expect((await json<unknown[]>(B, changes)).body).toEqual([]);
    expect((await json<unknown[]>(admin, changes)).body).not.toEqual([]);
    // What shows current state is the new owner's: the gateway and its nodes; A keeps the sensor ids, not the values.
    expect((await call(B, 'GET', `/api/gateways/${GATEWAY}`)).status).toBe(200);
    expect((await call(A, 'GET', `/api/gateways/${GATEWAY}`)).status).toBe(404);
    expect((await call(A, 'GET', `/api/nodes/${encodeURIComponent(NODE)}`)).status).toBe(404);
    expect((await call(B, 'GET', `/api/nodes/${encodeURIComponent(NODE)}`)).status).toBe(200);
    const sensorsOfA = await json<{ items: { sensorId: string }[] }>(A, '/api/sensors');
    expect(sensorsOfA.body.items.find((s) => s.sensorId === POWER)).toMatchObject({
      lastValue: null,
      lastMeasuredAt: null,
    });
    // 5. The data-access log by when the read happened.
    expect(await accessLogOf(B, `client:${grantee.clientId}`)).toEqual([]);
    expect(await accessLogOf(B, `user:${userA.userId}`)).toEqual([]);
    expect((await accessLogOf(A, `client:${grantee.clientId}`)).map((e) => e.sensorId)).toContain(POWER);
  };

  it('B sees none of A’s past, A’s grant exposes nothing, A keeps their own period', async () => {
    expect(Date.parse(handoverAt)).toBeGreaterThan(Date.parse(from));
    await expectTenantsSeparated();
  }, 30_000);

  it('drops the sensor from the live stream of A’s grantee at the handover, not at its next refresh', async () => {
    const values = (client: SseClient): number[] =>
      client.messages.map((m) => (JSON.parse(m.data) as { value: number }).value);
    // The admin's stream got B's reading; the grantee's, fed by the same log in the same order, had it offered too.
    await until('B’s reading reaches the admin’s stream', () => Promise.resolve(values(liveAdmin).includes(20)));
    expect(values(liveAdmin)).toEqual([1, 20]);
    expect(values(liveG)).toEqual([1]);
  }, 30_000);

  it('gives the same answers after every read model is rebuilt from the log', async () => {
    // A's reads of their own period after the handover reach the log first, so B's view of it is put to the test.
    await until('A’s reads after the handover are logged', async () => {
      const own = await json<{ items: { lastAt: string }[] }>(A, `/api/access-log?actor=user:${userA.userId}`);
      return own.body.items.some((e) => Date.parse(e.lastAt) > Date.parse(handoverAt));
    });
    await expectTenantsSeparated();
    for (const projection of findProjections('all', { decoders: decoderLookup() })) {
      await rebuildProjection(server.storage.eventStore, server.storage.readModels, projection, { batchSize: 500 });
    }
    await expectTenantsSeparated();
  }, 60_000);

  it('A’s public-aggregate choice ended with A’s ownership; B’s choice exposes B’s period only', async () => {
    /** The 15m bucket maxima a caller gets up to a day ahead; null when the sensor answers as unknown. */
    const bucketMaxima = async (as: Caller): Promise<(number | null)[] | null> => {
      const to = new Date(Date.now() + 86_400_000).toISOString();
      // Buckets count by their start: from the quarter hour before the story began.
      const start = new Date(Math.floor(Date.parse(from) / 900_000) * 900_000 - 900_000).toISOString();
      const query = new URLSearchParams({ sensor: POWER, from: start, to, bucket: '15m' });
      const response = await call(as, 'GET', `/api/readings/series?${query.toString()}`);
      if (response.status === 404) return null;
      const body = (await response.json()) as { series: { sensorId: string; points: { max: number | null }[] }[] };
      return body.series.find((s) => s.sensorId === POWER)?.points.map((p) => p.max) ?? [];
    };
    // A stranger to the sensor (A's grantee, whose grant ended) gets no bucket at all.
    expect((await bucketMaxima(G)) ?? []).toEqual([]);
    expect((await bucketMaxima(admin))?.length).toBeGreaterThan(0);
    const visibility = await json<{ items: { sensorId: string; visibility: string }[] }>(B, '/api/sensor-visibility');
    expect(visibility.body.items.find((v) => v.sensorId === POWER)?.visibility).toBe('shared');

    // B reports a reading in a quarter hour wholly theirs, and makes the buckets public in turn.
    await report([{ sensorId: POWER, quantity: 'power', unit: 'W', value: 30 }], 30 * 60_000);
    const madePublic = await call(B, 'PUT', `/api/sensors/${encodeURIComponent(POWER)}/visibility`, {
      visibility: 'public_aggregate',
    });
    expect(madePublic.status).toBe(200);
    expect(await madePublic.json()).toMatchObject({ changed: true });
    await until('B’s public bucket reaches the public', async () => (await bucketMaxima(G))?.includes(30) === true);
    expect(await bucketMaxima(G)).not.toContain(100);
  }, 30_000);

  // Last: it erases A's period for good (ADR 0030).
  it('erases A’s period on request: its rows are gone for everyone, also after a rebuild, B’s stay, the log keeps a tombstone', async () => {
    const refused = await call(B, 'POST', `/api/gateways/${GATEWAY}/ownership-periods/erase`, {
      ownerId: userA.userId,
      reason: 'spec',
    });
    expect(refused.status).toBe(403);
    const current = await call(admin, 'POST', `/api/gateways/${GATEWAY}/ownership-periods/erase`, {
      ownerId: userB.userId,
      reason: 'spec',
    });
    expect(current.status).toBe(409);
    const erased = await call(admin, 'POST', `/api/gateways/${GATEWAY}/ownership-periods/erase`, {
      ownerId: userA.userId,
      reason: 'A moved out and asked for erasure',
    });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toEqual({
      id: GATEWAY,
      ownerId: userA.userId,
      erased: [{ from: null, to: expect.any(String) as unknown }],
    });
    await until('the erasure is projected', async () => (await rawValues(admin))?.length === 1);

    const expectErased = async (): Promise<void> => {
      // Readings and buckets of A's period: gone for admins too; B's reading stays.
      expect(await rawValues(admin)).toEqual([20]);
      expect(await rawValues(B)).toEqual([20]);
      expect(await rawValues(A)).toBeNull();
      const to = new Date(Date.now() + 86_400_000).toISOString();
      const buckets = await json<{ series: { points: { max: number | null }[] }[] }>(
        admin,
        `/api/readings/series?${new URLSearchParams({ sensor: POWER, from: new Date(Math.floor(Date.parse(from) / 900_000) * 900_000 - 900_000).toISOString(), to, bucket: '15m' }).toString()}`,
      );
      expect(buckets.body.series.flatMap((s) => s.points.map((p) => p.max))).not.toContain(100);
      // Alarms raised, commands and configuration requested in A's period.
      expect(await alarmIds(admin)).not.toContain(alarmId);
      expect(await alarmIds(A)).not.toContain(alarmId);
      expect((await call(admin, 'GET', `/api/actuator-commands/${commandId}`)).status).toBe(404);
      expect((await call(A, 'GET', `/api/actuator-commands/${commandId}`)).status).toBe(404);
      expect(await timeline(admin)).not.toContain(commandId);
      const changes = `/api/nodes/${encodeURIComponent(NODE)}/configuration/changes?${new URLSearchParams({
        from,
        to: handoverAt,
      }).toString()}`;
      expect((await json<unknown[]>(admin, changes)).body).toEqual([]);
      // Who read A's data, filed under A.
      expect(await accessLogOf(A, `client:${grantee.clientId}`)).toEqual([]);
      // The grantee's reads of A's data, before the handover, are gone; its reads of B's public buckets stay B's.
      const grantees = await json<{ items: { firstAt: string }[] }>(
        admin,
        `/api/access-log?actor=client:${grantee.clientId}`,
      );
      expect(grantees.body.items.filter((e) => Date.parse(e.firstAt) < Date.parse(handoverAt))).toEqual([]);
      // The tombstone: the log keeps the request, who made it and why.
      const audit = await json<{ items: { type: string; summary: string }[] }>(
        admin,
        `/api/audit?stream=gateway-${GATEWAY}&type=OwnershipPeriodErased`,
      );
      expect(audit.body.items).toEqual([
        expect.objectContaining({ type: 'OwnershipPeriodErased', summary: expect.stringContaining(userA.userId) }),
      ]);
    };
    await expectErased();
    for (const projection of findProjections('all', { decoders: decoderLookup() })) {
      await rebuildProjection(server.storage.eventStore, server.storage.readModels, projection, { batchSize: 500 });
    }
    await expectErased();
  }, 60_000);
});
