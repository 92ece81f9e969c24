import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { DurableOutbox } from '../../../infrastructure/outbox/durable-outbox.js';
import { VIRTUAL_DEVICE_PROFILES } from '../../../infrastructure/zigbee/virtual-device-profiles.js';
import { parseZigbeeSettings } from '../../../infrastructure/zigbee/zigbee-settings.js';
import { ZigbeeSource } from '../../../infrastructure/zigbee/zigbee.source.js';
import { agentMetrics } from '../../gateway-agent/agent-metrics.js';
import type { OutboxEntry } from '../../gateway-agent/agent-session.js';
import { driverCommands } from '../../gateway-agent/command-handler.js';
import { GatewayAgent } from '../../gateway-agent/gateway-agent.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const TOKEN = 'z'.repeat(64);
const IKEA = VIRTUAL_DEVICE_PROFILES['ikea-inspelning'].ieee;
const SENSOR = `zigbee:${IKEA}/1/switchState`;

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('actuator command end to end: API → link → agent → zigbee-herdsman → virtual IKEA plug → report → acknowledged', () => {
  let server: RunningServer;
  let dir: string;
  let agent: GatewayAgent;
  let outbox: DurableOutbox<OutboxEntry>;
  let source: ZigbeeSource;
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const get = async (path: string) => (await (await fetch(`${server.url}${path}`, { headers })).json()) as Record<string, unknown>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wattlog-actuator-zigbee-'));
    server = await startHttpServer(
      { storage: { store: 'embedded', dataDir: join(dir, 'data') }, host: '127.0.0.1', port: 0, tls: null, adminToken: TOKEN, link: { host: '127.0.0.1', port: 0 }, commandPollMs: 50 },
      pino({ level: 'silent' }),
    );
    const registered = (await (await fetch(`${server.url}/api/gateways`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Living room', networkType: 'zigbee', address: 'virtual', location: { lat: 52, lon: 5 } }),
    })).json()) as { id: string; key: string };
    source = new ZigbeeSource(
      parseZigbeeSettings({ kind: 'zigbee', databasePath: join(dir, 'zigbee', 'database.db'), virtual: { devices: ['ikea-inspelning'], permitJoinSeconds: 60, simulateSeconds: 0 } }),
      { logger: pino({ level: 'silent' }) },
    );
    outbox = await DurableOutbox.open<OutboxEntry>(join(dir, 'outbox'), { maxBytes: 4 * 1024 * 1024 });
    agent = new GatewayAgent(
      { server: { host: '127.0.0.1', port: server.link!.port }, gatewayId: registered.id, key: Buffer.from(registered.key, 'hex'), agentVersion: 'test', batchIntervalMs: 10 },
      { outbox, logger: pino({ level: 'silent' }), metrics: agentMetrics(new Registry()), commands: driverCommands(source) },
    );
    agent.start();
    await source.start(agent);
    await until('the plug interviewed', async () => ((await get(`/api/nodes/${encodeURIComponent(`zigbee:${IKEA}`)}`)).model === 'E22xx' ? true : undefined));
    // The plug tells its state once, as it does after joining, so the server knows its switch.
    source.virtualCoordinator!.device(IKEA)!.report(1, 'genOnOff', ['onOff']);
    await until('the switch sensor', async () => ((await get(`/api/readings/latest?sensor=${encodeURIComponent(SENSOR)}`)).items as unknown[]).length > 0 || undefined);
  }, 90_000);

  afterAll(async () => {
    await agent?.stop();
    await source?.stop();
    await outbox?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['off', 'on', 'toggle'] as const)('switches the plug %s and acknowledges it once its next report shows the state', async (action) => {
    const plug = source.virtualCoordinator!.device(IKEA)!;
    const before = plug.value(1, 'genOnOff', 'onOff');
    const answer = await fetch(`${server.url}/api/actuator-commands`, { method: 'POST', headers, body: JSON.stringify({ sensorId: SENSOR, action, reason: 'e2e' }) });
    expect(answer.status).toBe(202);
    const { commandId } = (await answer.json()) as { commandId: string };
    const done = await until('the command settled', async () => {
      const view = await get(`/api/actuator-commands/${commandId}`);
      return view.status === 'requested' || view.status === 'dispatched' ? undefined : view;
    });
    const expected = action === 'on' ? 1 : action === 'off' ? 0 : before === 1 ? 0 : 1;
    expect(done).toMatchObject({ status: 'acknowledged', expectedState: expected, requestedBy: 'user:bootstrap-admin', reason: 'e2e' });
    expect(plug.value(1, 'genOnOff', 'onOff')).toBe(expected);
    const latest = (await get(`/api/readings/latest?sensor=${encodeURIComponent(SENSOR)}`)).items as { value: number }[];
    expect(latest[0]?.value).toBe(expected);
  }, 30_000);
});
