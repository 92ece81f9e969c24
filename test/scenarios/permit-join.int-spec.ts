import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import type {
  DeviceCommand,
  DeviceCommandOutcome,
  FrameSource,
} from '../../src/application/ports/frame-source.port.js';
import { DurableOutbox } from '../../src/infrastructure/outbox/durable-outbox.js';
import { agentMetrics } from '../../src/interfaces/gateway-agent/agent-metrics.js';
import type { OutboxEntry } from '../../src/interfaces/gateway-agent/agent-session.js';
import { driverCommands } from '../../src/interfaces/gateway-agent/command-handler.js';
import { GatewayAgent } from '../../src/interfaces/gateway-agent/gateway-agent.js';
import { startHttpServer, type RunningServer } from '../../src/interfaces/http/http-server.js';

const TOKEN = 'p'.repeat(64);

const UNTIL = '2030-01-01T00:00:30.000Z';

/** A driver that records what it was asked and answers like the ZigBee one; it refuses to close joining. */
class RecordingDriver implements FrameSource {
  readonly name = 'recording';
  readonly received: DeviceCommand[] = [];
  start(): Promise<void> {
    return Promise.resolve();
  }
  stop(): Promise<void> {
    return Promise.resolve();
  }
  command(request: DeviceCommand): Promise<DeviceCommandOutcome> {
    this.received.push(request);
    const seconds = (request.params?.change as { seconds?: number } | undefined)?.seconds;
    if (seconds === 0)
      return Promise.resolve({ ok: false, detail: 'the coordinator did not answer the permit join request' });
    return Promise.resolve({
      ok: true,
      detail: `joining permitted until ${UNTIL}`,
      report: { kind: 'permit_join', open: true, until: UNTIL },
    });
  }
}

describe('POST /api/gateways/{id}/permit-join (a network configuration request, through the real link)', () => {
  let server: RunningServer;
  let dir: string;
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wattlog-permit-join-'));
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
  }, 30_000);
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("records the request: 202 while the gateway is offline (sent once it connects), 200 with the coordinator's report when connected, 422 when it refuses", async () => {
    const registered = (await (
      await post('/api/gateways', {
        name: 'Hall',
        networkType: 'zigbee',
        address: '192.0.2.9',
        location: { lat: 52, lon: 5 },
      })
    ).json()) as { id: string; key: string };
    const offline = await post(`/api/gateways/${registered.id}/permit-join`, { seconds: 30, reason: 'new plug' });
    expect(offline.status).toBe(202);
    const waiting = (await offline.json()) as { requestId: string };
    expect(waiting).toMatchObject({
      gatewayId: registered.id,
      field: 'network.permitJoin',
      status: 'requested',
      outcome: null,
      applied: null,
    });

    const driver = new RecordingDriver();
    const outbox = await DurableOutbox.open<OutboxEntry>(join(dir, 'outbox'), { maxBytes: 4 * 1024 * 1024 });
    const agent = new GatewayAgent(
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
        commands: driverCommands(driver),
      },
    );
    agent.start();
    try {
      const deadline = Date.now() + 10_000;
      while (driver.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(driver.received).toEqual([
        { action: 'network_config', target: registered.id, params: { change: { kind: 'permit_join', seconds: 30 } } },
      ]);

      const answer = await post(`/api/gateways/${registered.id}/permit-join`, { seconds: 30 });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({
        gatewayId: registered.id,
        status: 'applied',
        ok: true,
        detail: `joining permitted until ${UNTIL}`,
        applied: { kind: 'permit_join', open: true, until: UNTIL },
      });
      const refused = await post(`/api/gateways/${registered.id}/permit-join`, { seconds: 0 });
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({ detail: 'the coordinator did not answer the permit join request' });
      expect((await post(`/api/gateways/${registered.id}/permit-join`, { seconds: 900 })).status).toBe(400);
    } finally {
      await agent.stop();
      await outbox.close();
    }
  }, 30_000);
});
