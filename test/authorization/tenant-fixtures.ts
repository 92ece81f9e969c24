import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../../src/interfaces/http/http-server.js';
import { insertNodes } from '../fixtures/readings-read-model.fixtures.js';
import { marketFixtures, type MarketFixtures } from './market-fixtures.js';
import { aClientWithToken, aLoggedInUser, type TestClient, type TestUser } from '../support/access.js';
import type { RoleCredentials, Tenant } from './roles.js';
import { aProposal, aRule, type FreshRule } from './rule-fixtures.js';

export interface TenantData {
  readonly ownerId: string;
  readonly gatewayId: string;
  readonly nodeId: string;
  readonly sensorId: string;
  /** An alarm on the sensor, raised by the server's evaluation of a power reading above the node's setting. */
  readonly alarmId: string;
  /** A dashboard of the tenant's owner with one chart of the sensor (version 1). */
  readonly dashboardId: string;
}

/** A dashboard as the matrix rows need it: where it is, its version and (with a tile) the tile's id. */
export interface FreshDashboard {
  readonly dashboardId: string;
  readonly version: number;
  readonly tileId: string;
}

export interface Fixtures {
  readonly A: TenantData;
  readonly B: TenantData;
  /** A new gateway of the tenant, for rows that change or retire what they act on. */
  freshGateway(tenant: Tenant): Promise<string>;
  /** A new gateway of tenant A's owner, handed to tenant B's owner: A is its former owner. */
  freshHandover(): Promise<string>;
  /** A new user (role `user`, logged in once), for rows that log in, refresh, or change a user. */
  freshUser(): Promise<TestUser>;
  /** A new API client with a token, for rows that rotate or revoke one, or need a grantee. */
  freshClient(): Promise<TestClient>;
  /** A new grant by the tenant's owner: `read` on its sensor to a new API client. */
  freshGrant(tenant: Tenant): Promise<string>;
  /** A new dashboard of the tenant's owner holding one chart of its sensor, for rows that change or delete one. */
  freshDashboard(tenant: Tenant): Promise<FreshDashboard>;
  /** Resolves once the tenant's dashboard is in its owner's list (the read model follows the log). */
  dashboardListed(tenant: Tenant): Promise<void>;
  /** A new rule of the tenant's owner switching its sensor off on high prices. */
  freshRule(tenant: Tenant): Promise<FreshRule>;
  /** A new rule a utility proposed to the tenant's owner, not accepted yet. */
  freshProposal(tenant: Tenant): Promise<FreshRule>;
  /** A utility's programs and tenant A's enrollments in them, made on first use. */
  readonly market: MarketFixtures;
  /** A new webhook notification channel of the tenant's owner; its id. */
  freshNotificationChannel(tenant: Tenant): Promise<string>;
  /** The tenant owner's webhook channel made once, in its owner's list (the read model follows the log). */
  listedNotificationChannel(tenant: Tenant): Promise<string>;
}

const MEASURED_AT = '2025-03-01T12:00:00.000Z';

/**
 * Two tenants, each owning a gateway that has reported one power reading from one node, created as in production:
 * registration through the API, readings as ReadingsReported events the projections turn into read models. The node
 * row goes straight into the read model (no projection fills it from node events yet). Each node then gets a power
 * alarm setting through the API and a reading above it, which the server's alarm evaluation raises an alarm on.
 */
export async function seedTenants(
  server: RunningServer,
  adminToken: string,
  credentials: RoleCredentials,
): Promise<Fixtures> {
  const register = async (tenant: Tenant, id: string): Promise<string> => {
    const response = await fetch(`${server.url}/api/gateways`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id,
        name: `Tenant ${tenant}`,
        networkType: 'zigbee',
        address: '192.0.2.1',
        location: { lat: 52, lon: 5 },
        ownerId: credentials.ownerOf(tenant),
      }),
    });
    if (response.status !== 201)
      throw new Error(`registering ${id} answered ${response.status}: ${await response.text()}`);
    return id;
  };
  const tenant = async (name: Tenant): Promise<Omit<TenantData, 'alarmId' | 'dashboardId'>> => {
    const gatewayId = await register(name, `gw-tenant-${name.toLowerCase()}`);
    const nodeId = `zigbee:0x00000000000000${name === 'A' ? 'a1' : 'b1'}`;
    const sensorId = `${nodeId}/1/power`;
    const reading = {
      sensorId,
      nodeId,
      quantity: 'power',
      unit: 'W',
      value: 100,
      measuredAt: MEASURED_AT,
      source: { protocol: 'zigbee', cluster: 'haElectricalMeasurement' },
    };
    const data = { gatewayId, sequence: 0, networkType: 'zigbee', readings: [reading], receivedAt: MEASURED_AT };
    await server.storage.eventStore.append(
      `readings-${gatewayId}`,
      [{ id: randomUUID(), type: 'ReadingsReported', data, metadata: { schemaVersion: 2 } }],
      {
        expectedRevision: 'no_stream',
      },
    );
    await insertNodes(server.storage.readModels, [
      { nodeId, gatewayId, status: 'interviewed', protocol: 'zigbee', lastSeenAt: MEASURED_AT },
    ]);
    return { ownerId: credentials.ownerOf(name), gatewayId, nodeId, sensorId };
  };
  const seeded = { A: await tenant('A'), B: await tenant('B') };
  server.projections.poke();
  await visible(server, adminToken, [seeded.A.sensorId, seeded.B.sensorId]);
  const freshDashboard = (name: Tenant): Promise<FreshDashboard> =>
    aDashboard(server, credentials.headersFor(name === 'A' ? 'userA' : 'userB'), seeded[name].sensorId);
  // Made beside the alarms; only the list's row waits for A's to reach the read model (`dashboardListed`).
  const dashboards = Promise.all([freshDashboard('A'), freshDashboard('B')]);
  const alarms = { A: await anAlarm(server, adminToken, seeded.A), B: await anAlarm(server, adminToken, seeded.B) };
  const [dashboardA, dashboardB] = await dashboards;
  const fixtures = {
    A: { ...seeded.A, alarmId: alarms.A, dashboardId: dashboardA.dashboardId },
    B: { ...seeded.B, alarmId: alarms.B, dashboardId: dashboardB.dashboardId },
  };
  const listed = new Map<Tenant, Promise<void>>();
  const dashboardListed = (name: Tenant): Promise<void> => {
    const known =
      listed.get(name) ??
      untilDashboardListed(
        server,
        credentials.headersFor(name === 'A' ? 'userA' : 'userB'),
        fixtures[name].dashboardId,
      );
    listed.set(name, known);
    return known;
  };
  let fresh = 0;
  const freshClient = async (): Promise<TestClient> => {
    const client = await aClientWithToken(server.url, adminToken, 'Matrix Utility');
    await untilClientListed(server, adminToken, client.clientId);
    return client;
  };
  const freshGrant = async (name: Tenant): Promise<string> => {
    const grantee = await freshClient();
    const owner = credentials.headersFor(name === 'A' ? 'userA' : 'userB');
    const response = await fetch(`${server.url}/api/grants`, {
      method: 'POST',
      headers: { ...owner, 'content-type': 'application/json' },
      body: JSON.stringify({
        grantee: { kind: 'client', id: grantee.clientId },
        scope: { sensorIds: [fixtures[name].sensorId] },
        rights: ['read'],
      }),
    });
    if (response.status !== 201) throw new Error(`granting answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { grantId: string }).grantId;
  };
  const freshNotificationChannel = (name: Tenant): Promise<string> =>
    aNotificationChannel(server, credentials.headersFor(name === 'A' ? 'userA' : 'userB'));
  const channels = new Map<Tenant, Promise<string>>();
  const listedNotificationChannel = (name: Tenant): Promise<string> => {
    const known =
      channels.get(name) ??
      freshNotificationChannel(name).then(async (channelId) => {
        await untilChannelListed(server, credentials.headersFor(name === 'A' ? 'userA' : 'userB'), channelId);
        return channelId;
      });
    channels.set(name, known);
    return known;
  };
  const all: Fixtures = {
    ...fixtures,
    freshGateway: (name) => register(name, `gw-fresh-${name.toLowerCase()}-${++fresh}`),
    freshHandover: async () => {
      const id = await register('A', `gw-fresh-handover-${++fresh}`);
      const handed = await fetch(`${server.url}/api/gateways/${id}/owner`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ownerId: credentials.ownerOf('B') }),
      });
      if (handed.status !== 200) throw new Error(`handing ${id} over answered ${handed.status}`);
      return id;
    },
    freshUser: () => aLoggedInUser(server.url, adminToken, { displayName: 'Matrix user' }),
    freshClient,
    freshGrant,
    freshDashboard,
    dashboardListed,
    freshRule: (name) =>
      aRule(server, credentials.headersFor(name === 'A' ? 'userA' : 'userB'), fixtures[name].sensorId),
    freshProposal: (name) => aProposal(server, credentials.ownerOf(name), fixtures[name].sensorId),
    market: marketFixtures(server, adminToken, credentials.headersFor('userA'), fixtures.A),
    freshNotificationChannel,
    listedNotificationChannel,
  };
  await credentials.afterSeed(server, all);
  return all;
}

/** A 50 W ceiling on the tenant's node, then a 100 W reading measured after it: the evaluation raises an alarm at once. */
async function anAlarm(
  server: RunningServer,
  adminToken: string,
  tenant: Omit<TenantData, 'alarmId' | 'dashboardId'>,
): Promise<string> {
  const headers = { authorization: `Bearer ${adminToken}` };
  const configured = await fetch(`${server.url}/api/nodes/${encodeURIComponent(tenant.nodeId)}/configuration`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'alarm_power_above', thresholdW: 50, forSeconds: 0, reason: 'authorization matrix' }),
  });
  if (configured.status !== 202)
    throw new Error(`configuring an alarm answered ${configured.status}: ${await configured.text()}`);
  const measuredAt = new Date(Date.now() + 1000).toISOString();
  const reading = {
    sensorId: tenant.sensorId,
    nodeId: tenant.nodeId,
    quantity: 'power',
    unit: 'W',
    value: 100,
    measuredAt,
    source: { protocol: 'zigbee', cluster: 'haElectricalMeasurement' },
  };
  const data = {
    gatewayId: tenant.gatewayId,
    sequence: 1,
    networkType: 'zigbee',
    readings: [reading],
    receivedAt: measuredAt,
  };
  await server.storage.eventStore.append(
    `readings-${tenant.gatewayId}`,
    [{ id: randomUUID(), type: 'ReadingsReported', data, metadata: { schemaVersion: 2 } }],
    { expectedRevision: 0 },
  );
  server.projections.poke();
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await fetch(`${server.url}/api/alarms?sensor=${encodeURIComponent(tenant.sensorId)}`, { headers });
    const body = (await response.json()) as { items?: { alarmId: string }[] };
    const alarmId = body.items?.[0]?.alarmId;
    if (alarmId !== undefined) return alarmId;
    if (Date.now() > deadline) throw new Error(`no alarm was raised on ${tenant.sensorId}: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function visible(server: RunningServer, adminToken: string, sensorIds: readonly string[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await fetch(
      `${server.url}/api/readings/latest?${sensorIds.map((s) => `sensor=${encodeURIComponent(s)}`).join('&')}`,
      {
        headers: { authorization: `Bearer ${adminToken}` },
      },
    );
    const body = (await response.json()) as { missing?: string[] };
    if (response.status === 200 && body.missing?.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`the tenants' readings did not reach the read models: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Grants name their grantee by id and check it in the API clients read model, which a projection fills. */
export async function untilClientListed(server: RunningServer, adminToken: string, clientId: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await fetch(`${server.url}/api/clients?limit=500`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    const body = (await response.json()) as { items?: { clientId: string }[] };
    if (body.items?.some((c) => c.clientId === clientId) === true) return;
    if (Date.now() > deadline) throw new Error(`API client ${clientId} did not reach the read model`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A dashboard made by the owner through the API, with one chart of the owner's sensor. */
async function aDashboard(
  server: RunningServer,
  owner: Readonly<Record<string, string>>,
  sensorId: string,
): Promise<FreshDashboard> {
  const headers = { ...owner, 'content-type': 'application/json' };
  const created = await fetch(`${server.url}/api/dashboards`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'Matrix' }),
  });
  if (created.status !== 201)
    throw new Error(`creating a dashboard answered ${created.status}: ${await created.text()}`);
  const { dashboardId } = (await created.json()) as { dashboardId: string };
  const added = await fetch(`${server.url}/api/dashboards/${dashboardId}/tiles`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ expectedVersion: 0, tile: { kind: 'chart', title: 'Power', sensorIds: [sensorId] } }),
  });
  if (added.status !== 201) throw new Error(`adding a tile answered ${added.status}: ${await added.text()}`);
  const body = (await added.json()) as { version: number; tiles: { tileId: string }[] };
  return { dashboardId, version: body.version, tileId: body.tiles[0]?.tileId ?? '' };
}

async function untilDashboardListed(
  server: RunningServer,
  owner: Readonly<Record<string, string>>,
  dashboardId: string,
): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await fetch(`${server.url}/api/dashboards`, { headers: owner });
    const body = (await response.json()) as { items?: { dashboardId: string }[] };
    if (body.items?.some((d) => d.dashboardId === dashboardId) === true) return;
    if (Date.now() > deadline) throw new Error(`dashboard ${dashboardId} did not reach the read model`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A webhook channel made by the owner through the API (never delivered to: no alarm of the matrix reaches it). */
async function aNotificationChannel(server: RunningServer, owner: Readonly<Record<string, string>>): Promise<string> {
  const created = await fetch(`${server.url}/api/notifications/channels`, {
    method: 'POST',
    headers: { ...owner, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'webhook', address: 'https://hooks.example.com/matrix' }),
  });
  if (created.status !== 201) throw new Error(`adding a channel answered ${created.status}: ${await created.text()}`);
  return ((await created.json()) as { channel: { channelId: string } }).channel.channelId;
}

async function untilChannelListed(
  server: RunningServer,
  owner: Readonly<Record<string, string>>,
  channelId: string,
): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await fetch(`${server.url}/api/notifications/channels`, { headers: owner });
    const body = (await response.json()) as { items?: { channelId: string }[] };
    if (body.items?.some((c) => c.channelId === channelId) === true) return;
    if (Date.now() > deadline) throw new Error(`channel ${channelId} did not reach the read model`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
