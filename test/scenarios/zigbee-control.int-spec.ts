import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { DurableOutbox } from '../../src/infrastructure/outbox/durable-outbox.js';
import { VIRTUAL_DEVICE_PROFILES } from '../../src/infrastructure/zigbee/virtual-device-profiles.js';
import { parseZigbeeSettings } from '../../src/infrastructure/zigbee/zigbee-settings.js';
import { ZigbeeSource } from '../../src/infrastructure/zigbee/zigbee.source.js';
import { agentMetrics } from '../../src/interfaces/gateway-agent/agent-metrics.js';
import type { OutboxEntry } from '../../src/interfaces/gateway-agent/agent-session.js';
import { driverCommands } from '../../src/interfaces/gateway-agent/command-handler.js';
import { GatewayAgent } from '../../src/interfaces/gateway-agent/gateway-agent.js';
import { startHttpServer, type RunningServer } from '../../src/interfaces/http/http-server.js';

const TOKEN = 'z'.repeat(64);
const IKEA = VIRTUAL_DEVICE_PROFILES['ikea-inspelning'].ieee;
const SENSOR = `zigbee:${IKEA}/1/switchState`;

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('control end to end: API → link → agent → zigbee-herdsman → virtual IKEA plug', () => {
  let server: RunningServer;
  let dir: string;
  let agent: GatewayAgent;
  let outbox: DurableOutbox<OutboxEntry>;
  let source: ZigbeeSource;
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const get = async (path: string) =>
    (await (await fetch(`${server.url}${path}`, { headers })).json()) as Record<string, unknown>;
  const NODE_PATH = `/api/nodes/${encodeURIComponent(`zigbee:${IKEA}`)}/configuration`;
  const configure = (body: Record<string, unknown>) =>
    fetch(`${server.url}${NODE_PATH}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const settledRequest = (requestId: string) =>
    until(`configuration ${requestId}`, async () => {
      const changes = (await get(
        `${NODE_PATH}/changes?from=2000-01-01T00:00:00.000Z&to=2100-01-01T00:00:00.000Z`,
      )) as unknown as { requestId: string; type: string }[];
      return changes.find(
        (c) =>
          c.requestId === requestId &&
          ['NodeConfigurationApplied', 'NodeConfigurationRejected', 'NodeConfigurationTimedOut'].includes(c.type),
      );
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wattlog-actuator-zigbee-'));
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
      await fetch(`${server.url}/api/gateways`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          name: 'Living room',
          networkType: 'zigbee',
          address: 'virtual',
          location: { lat: 52, lon: 5 },
        }),
      })
    ).json()) as { id: string; key: string };
    source = new ZigbeeSource(
      parseZigbeeSettings({
        kind: 'zigbee',
        databasePath: join(dir, 'zigbee', 'database.db'),
        virtual: { devices: ['ikea-inspelning'], permitJoinSeconds: 60, simulateSeconds: 0 },
      }),
      { logger: pino({ level: 'silent' }) },
    );
    outbox = await DurableOutbox.open<OutboxEntry>(join(dir, 'outbox'), { maxBytes: 4 * 1024 * 1024 });
    agent = new GatewayAgent(
      {
        server: { host: '127.0.0.1', port: server.link!.port },
        gatewayId: registered.id,
        key: Buffer.from(registered.key, 'hex'),
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
    agent.start();
    await source.start(agent);
    await until('the plug interviewed', async () =>
      (await get(`/api/nodes/${encodeURIComponent(`zigbee:${IKEA}`)}`)).model === 'E22xx' ? true : undefined,
    );
    // The plug tells its state once, as it does after joining, so the server knows its switch.
    source.virtualCoordinator!.device(IKEA)!.report(1, 'genOnOff', ['onOff']);
    await until(
      'the switch sensor',
      async () =>
        ((await get(`/api/readings/latest?sensor=${encodeURIComponent(SENSOR)}`)).items as unknown[]).length > 0 ||
        undefined,
    );
  }, 90_000);

  afterAll(async () => {
    await agent?.stop();
    await source?.stop();
    await outbox?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("configures reporting through ZCL configureReporting, applied on the device's SUCCESS; refusals and unsupported firmware updates are Rejected with the reason", async () => {
    const plug = source.virtualCoordinator!.device(IKEA)!;
    const before = new Date().toISOString();
    const reporting = await configure({
      kind: 'reporting',
      quantity: 'power',
      minIntervalS: 5,
      maxIntervalS: 120,
      reportableChange: 20,
      reason: 'less traffic',
    });
    expect(reporting.status).toBe(202);
    const { requestId } = (await reporting.json()) as { requestId: string };
    expect(await settledRequest(requestId)).toMatchObject({
      type: 'NodeConfigurationApplied',
      field: 'reporting.power',
      by: 'user:bootstrap-admin',
    });
    expect(plug.reportingConfigurations).toContainEqual({
      endpoint: 1,
      cluster: 'haElectricalMeasurement',
      attribute: 'activePower',
      minimumInterval: 5,
      maximumInterval: 120,
      reportableChange: 20,
    });

    const temperature = (await (
      await configure({ kind: 'reporting', quantity: 'temperature', minIntervalS: 10, maxIntervalS: 600 })
    ).json()) as { requestId: string };
    expect(await settledRequest(temperature.requestId)).toMatchObject({
      type: 'NodeConfigurationRejected',
      detail: expect.stringContaining('no endpoint with msTemperatureMeasurement') as unknown,
    });
    const firmware = (await (await configure({ kind: 'firmware_update', version: '2.4.50' })).json()) as {
      requestId: string;
    };
    expect(await settledRequest(firmware.requestId)).toMatchObject({
      type: 'NodeConfigurationRejected',
      detail: expect.stringMatching(/^firmware update not supported/) as unknown,
    });
    const alarm = await configure({ kind: 'alarm_power_above', thresholdW: 2000, forSeconds: 30 });
    expect(await alarm.json()).toMatchObject({ field: 'alarm.power_above', status: 'applied' });
    expect(
      (await configure({ kind: 'reporting', quantity: 'power', minIntervalS: 500, maxIntervalS: 10 })).status,
    ).toBe(400);
    expect((await configure({ kind: 'reporting', quantity: 'power' })).status).toBe(400);

    const now = (await get(NODE_PATH)) as {
      fields: { field: string; sync: string; applied: { value: unknown } | null }[];
    };
    expect(now.fields.map((f) => [f.field, f.sync])).toEqual([
      ['alarm.power_above', 'applied'],
      ['firmware', 'differs'],
      ['reporting.power', 'applied'],
      ['reporting.temperature', 'differs'],
    ]);
    const earlier = (await get(`${NODE_PATH}?at=${encodeURIComponent(before)}`)) as { fields: unknown[] };
    expect(earlier.fields).toEqual([]);
    // The configuration read model catches up with the same picture.
    const rows = await until('the configuration read model', async () => {
      const page = (await get(`/api/configuration?node=${encodeURIComponent(`zigbee:${IKEA}`)}`)) as {
        items: { field: string; status: string }[];
      };
      return page.items.length === 4 && page.items.every((i) => i.status !== 'requested' && i.status !== 'sent')
        ? page.items
        : undefined;
    });
    expect(rows.map((r) => [r.field, r.status])).toEqual([
      ['alarm.power_above', 'applied'],
      ['firmware', 'rejected'],
      ['reporting.power', 'applied'],
      ['reporting.temperature', 'rejected'],
    ]);
  }, 60_000);

  it.each(['off', 'on', 'toggle'] as const)(
    'switches the plug %s and acknowledges it once its next report shows the state',
    async (action) => {
      const plug = source.virtualCoordinator!.device(IKEA)!;
      const before = plug.value(1, 'genOnOff', 'onOff');
      const answer = await fetch(`${server.url}/api/actuator-commands`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ sensorId: SENSOR, action, reason: 'e2e' }),
      });
      expect(answer.status).toBe(202);
      const { commandId } = (await answer.json()) as { commandId: string };
      const done = await until('the command settled', async () => {
        const view = await get(`/api/actuator-commands/${commandId}`);
        return view.status === 'requested' || view.status === 'dispatched' ? undefined : view;
      });
      const expected = action === 'on' ? 1 : action === 'off' ? 0 : before === 1 ? 0 : 1;
      expect(done).toMatchObject({
        status: 'acknowledged',
        expectedState: expected,
        requestedBy: 'user:bootstrap-admin',
        reason: 'e2e',
      });
      expect(plug.value(1, 'genOnOff', 'onOff')).toBe(expected);
      const latest = (await get(`/api/readings/latest?sensor=${encodeURIComponent(SENSOR)}`)).items as {
        value: number;
      }[];
      expect(latest[0]?.value).toBe(expected);
    },
    30_000,
  );
});
