import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { DurableOutbox } from '../../src/infrastructure/outbox/durable-outbox.js';
import { parseZigbeeSettings } from '../../src/infrastructure/zigbee/zigbee-settings.js';
import { ZigbeeSource } from '../../src/infrastructure/zigbee/zigbee.source.js';
import { agentMetrics } from '../../src/interfaces/gateway-agent/agent-metrics.js';
import type { OutboxEntry } from '../../src/interfaces/gateway-agent/agent-session.js';
import { driverCommands } from '../../src/interfaces/gateway-agent/command-handler.js';
import { GatewayAgent } from '../../src/interfaces/gateway-agent/gateway-agent.js';
import { startHttpServer, type RunningServer } from '../../src/interfaces/http/http-server.js';

const TOKEN = 'n'.repeat(64);
const ADMIN = 'user:bootstrap-admin';
const SETTLED = ['NetworkConfigurationApplied', 'NetworkConfigurationRejected', 'NetworkConfigurationTimedOut'];

interface Change {
  readonly field: string;
  readonly type: string;
  readonly requestId?: string;
  readonly by: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly detail?: string | null;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('network configuration end to end: API → link → agent → zigbee-herdsman → virtual coordinator', () => {
  let server: RunningServer;
  let dir: string;
  let gatewayId: string;
  let key: string;
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const get = async <T>(path: string) => (await (await fetch(`${server.url}${path}`, { headers })).json()) as T;
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const changes = () =>
    get<Change[]>(
      `/api/gateways/${gatewayId}/configuration/changes?from=2000-01-01T00:00:00.000Z&to=2100-01-01T00:00:00.000Z`,
    );
  const settled = (requestId: string) =>
    until(`request ${requestId} settled`, async () =>
      (await changes()).find((c) => c.requestId === requestId && SETTLED.includes(c.type)),
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wattlog-network-config-'));
    server = await startHttpServer(
      {
        storage: { store: 'embedded', dataDir: join(dir, 'data') },
        host: '127.0.0.1',
        port: 0,
        tls: null,
        adminToken: TOKEN,
        link: { host: '127.0.0.1', port: 0 },
        commandPollMs: 50,
      },
      pino({ level: 'silent' }),
    );
    const registered = (await (
      await post('/api/gateways', {
        name: 'Attic',
        networkType: 'zigbee',
        address: 'virtual',
        location: { lat: 52, lon: 5 },
      })
    ).json()) as { id: string; key: string };
    ({ id: gatewayId, key } = registered);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('waits for the offline gateway, then applies channel and permit join with what the coordinator reported; a stopped coordinator rejects; history and audit show it', async () => {
    const requested = await post(`/api/gateways/${gatewayId}/network-configuration`, {
      kind: 'channel',
      channel: 15,
      reason: 'Wi-Fi on channel 1',
    });
    expect(requested.status).toBe(202);
    const channel = (await requested.json()) as { requestId: string };
    expect(channel).toMatchObject({ gatewayId, field: 'network.channel', status: 'requested', applied: null });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const whileOffline = new Date().toISOString();

    const source = new ZigbeeSource(
      parseZigbeeSettings({
        kind: 'zigbee',
        databasePath: join(dir, 'zigbee', 'database.db'),
        channel: 11,
        virtual: { devices: [], permitJoinSeconds: 0, simulateSeconds: 0 },
      }),
      { logger: pino({ level: 'silent' }) },
    );
    const outbox = await DurableOutbox.open<OutboxEntry>(join(dir, 'outbox'), { maxBytes: 4 * 1024 * 1024 });
    const agent = new GatewayAgent(
      {
        server: { host: '127.0.0.1', port: server.link!.port },
        gatewayId,
        key: Buffer.from(key, 'hex'),
        agentVersion: 'test',
        batchIntervalMs: 10,
      },
      {
        outbox,
        logger: pino({ level: 'silent' }),
        metrics: agentMetrics(new Registry()),
        commands: driverCommands(source),
      },
    );
    try {
      await source.start(agent);
      expect((await source.virtualCoordinator!.getNetworkParameters()).channel).toBe(11);
      agent.start();

      const applied = await settled(channel.requestId);
      const report = {
        kind: 'channel',
        channel: 15,
        panId: 0x1a62,
        extendedPanId: expect.stringMatching(/^0x[0-9a-f]{16}$/) as unknown,
        nwkUpdateId: 1,
      };
      expect(applied).toMatchObject({
        type: 'NetworkConfigurationApplied',
        field: 'network.channel',
        by: ADMIN,
        before: null,
        after: report,
      });
      expect(await source.virtualCoordinator!.getNetworkParameters()).toMatchObject({ channel: 15, nwkUpdateID: 1 });
      expect((await changes()).filter((c) => c.requestId === channel.requestId).map((c) => c.type)).toEqual([
        'NetworkConfigurationRequested',
        'NetworkConfigurationSent',
        'NetworkConfigurationApplied',
      ]);

      const join = await post(`/api/gateways/${gatewayId}/permit-join`, { seconds: 60 });
      expect(join.status).toBe(200);
      const joined = (await join.json()) as { applied: { open: boolean; until: string } };
      expect(joined).toMatchObject({
        gatewayId,
        field: 'network.permitJoin',
        status: 'applied',
        ok: true,
        applied: { kind: 'permit_join', open: true },
      });
      expect(Date.parse(joined.applied.until) - Date.now()).toBeGreaterThan(50_000);

      // The agent stays connected, but its coordinator is gone: the driver's refusal is the rejection.
      await source.stop();
      const refused = (await (
        await post(`/api/gateways/${gatewayId}/network-configuration`, { kind: 'channel', channel: 20 })
      ).json()) as { requestId: string };
      expect(await settled(refused.requestId)).toMatchObject({
        type: 'NetworkConfigurationRejected',
        detail: 'the zigbee source is not started',
      });
    } finally {
      await agent.stop();
      await source.stop();
      await outbox.close();
    }

    type View = {
      revision: number;
      network: {
        field: string;
        sync: string;
        desired: { value: unknown; by: string } | null;
        applied: { value: unknown; by: string } | null;
      }[];
      pending: { requestId: string }[];
    };
    const then = await get<View>(`/api/gateways/${gatewayId}/configuration?at=${encodeURIComponent(whileOffline)}`);
    expect(then.network).toEqual([
      {
        field: 'network.channel',
        sync: 'pending',
        desired: expect.objectContaining({ value: { kind: 'channel', channel: 15 }, by: ADMIN }) as unknown,
        applied: null,
      },
    ]);
    expect(then.pending.map((p) => p.requestId)).toEqual([channel.requestId]);
    const now = await get<View>(`/api/gateways/${gatewayId}/configuration`);
    expect(
      now.network.map((f) => [
        f.field,
        f.sync,
        f.desired?.value,
        (f.applied?.value as { channel?: number; open?: boolean }) ?? null,
      ]),
    ).toEqual([
      ['network.channel', 'differs', { kind: 'channel', channel: 20 }, expect.objectContaining({ channel: 15 })],
      ['network.permitJoin', 'applied', { kind: 'permit_join', seconds: 60 }, expect.objectContaining({ open: true })],
    ]);
    expect(now.pending).toEqual([]);
    expect(now.revision).toBeGreaterThan(then.revision);

    const audit = await until('the audit trail', async () => {
      const page = await get<{ items: { type: string; summary: string }[] }>(
        `/api/audit?object=${gatewayId}&limit=1000`,
      );
      const network = page.items.filter((i) => i.type.startsWith('NetworkConfiguration'));
      return network.length === 9 ? network : undefined;
    });
    expect(audit.map((i) => i.summary)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^NetworkConfigurationRequested: move to channel 15 on gateway .* by user:bootstrap-admin \(Wi-Fi on channel 1\)/,
        ),
        expect.stringMatching(
          /^NetworkConfigurationApplied: network.channel of gateway .* applied: coordinator on channel 15 \(nwkUpdateId 1\)$/,
        ),
        expect.stringMatching(
          /^NetworkConfigurationApplied: network.permitJoin of gateway .* applied: joining open until /,
        ),
        expect.stringMatching(
          /^NetworkConfigurationRejected: network.channel of gateway .* rejected: the zigbee source is not started$/,
        ),
      ]),
    );

    // With no gateway to send it to, a request waits until it expires.
    const expiring = (await (
      await post(`/api/gateways/${gatewayId}/permit-join`, { seconds: 0, timeoutSeconds: 1 })
    ).json()) as { requestId: string; status: string };
    expect(expiring.status).toBe('requested');
    expect(await settled(expiring.requestId)).toMatchObject({
      type: 'NetworkConfigurationTimedOut',
      field: 'network.permitJoin',
      detail: 'no answer from the gateway in time',
    });
  }, 20_000);

  it('refuses other network types and bad values before any event', async () => {
    const meter = (await (
      await post('/api/gateways', {
        name: 'Meter',
        networkType: 'dsmr',
        address: '/dev/ttyUSB0',
        location: { lat: 52, lon: 5 },
      })
    ).json()) as { id: string };
    const dsmr = await post(`/api/gateways/${meter.id}/network-configuration`, { kind: 'permit_join', seconds: 30 });
    expect(dsmr.status).toBe(422);
    expect(await dsmr.json()).toMatchObject({ detail: expect.stringContaining('for ZigBee gateways only') as unknown });
    expect(
      (await post(`/api/gateways/${gatewayId}/network-configuration`, { kind: 'channel', channel: 27 })).status,
    ).toBe(400);
    const missing = await post(`/api/gateways/${gatewayId}/network-configuration`, { kind: 'channel' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ detail: 'channel is required for kind channel' });
    expect(
      (await post('/api/gateways/no-such-gateway/network-configuration', { kind: 'channel', channel: 15 })).status,
    ).toBe(404);
  }, 10_000);
});
