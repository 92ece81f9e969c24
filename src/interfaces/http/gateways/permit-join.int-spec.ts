import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import type { DeviceCommand, FrameSource } from '../../../application/ports/frame-source.port.js';
import { DurableOutbox } from '../../../infrastructure/outbox/durable-outbox.js';
import { agentMetrics } from '../../gateway-agent/agent-metrics.js';
import type { OutboxEntry } from '../../gateway-agent/agent-session.js';
import { driverCommands } from '../../gateway-agent/command-handler.js';
import { GatewayAgent } from '../../gateway-agent/gateway-agent.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const TOKEN = 'p'.repeat(64);

/** A driver that records what it was asked and answers like the ZigBee one. */
class RecordingDriver implements FrameSource {
  readonly name = 'recording';
  readonly received: DeviceCommand[] = [];
  start(): Promise<void> {
    return Promise.resolve();
  }
  stop(): Promise<void> {
    return Promise.resolve();
  }
  command(request: DeviceCommand): Promise<{ ok: boolean; detail?: string }> {
    this.received.push(request);
    return Promise.resolve({ ok: true, detail: `joining permitted for ${String(request.params?.seconds)} s` });
  }
}

describe('POST /api/gateways/{id}/permit-join (through the real link)', () => {
  let server: RunningServer;
  let dir: string;
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wattlog-permit-join-'));
    server = await startHttpServer(
      { storage: { store: 'embedded', dataDir: join(dir, 'data') }, host: '127.0.0.1', port: 0, tls: null, adminToken: TOKEN, link: { host: '127.0.0.1', port: 0 } },
      pino({ level: 'silent' }),
    );
  }, 30_000);
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends the command down the gateway\'s session and answers what the gateway said; offline gateways get 409', async () => {
    const registered = (await (await post('/api/gateways', { name: 'Hall', networkType: 'zigbee', address: '192.0.2.9', location: { lat: 52, lon: 5 } })).json()) as { id: string; key: string };
    expect((await post(`/api/gateways/${registered.id}/permit-join`, { seconds: 30 })).status).toBe(409);

    const driver = new RecordingDriver();
    const outbox = await DurableOutbox.open<OutboxEntry>(join(dir, 'outbox'), { maxBytes: 4 * 1024 * 1024 });
    const agent = new GatewayAgent(
      { server: { host: '127.0.0.1', port: server.link!.port }, gatewayId: registered.id, key: Buffer.from(registered.key, 'hex'), agentVersion: 'test', batchIntervalMs: 10 },
      { outbox, logger: pino({ level: 'silent' }), metrics: agentMetrics(new Registry()), commands: driverCommands(driver) },
    );
    agent.start();
    try {
      const deadline = Date.now() + 10_000;
      while (!agent.connected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const answer = await post(`/api/gateways/${registered.id}/permit-join`, { seconds: 30 });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ gatewayId: registered.id, ok: true, detail: 'joining permitted for 30 s' });
      expect(driver.received).toEqual([{ action: 'permit_join', target: registered.id, params: { seconds: 30 } }]);
      expect((await post(`/api/gateways/${registered.id}/permit-join`, { seconds: 900 })).status).toBe(400);
    } finally {
      await agent.stop();
      await outbox.close();
    }
  }, 30_000);
});
