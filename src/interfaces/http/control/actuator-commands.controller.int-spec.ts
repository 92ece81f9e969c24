import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import type { DeviceCommand, DeviceCommandOutcome } from '../../../application/ports/frame-source.port.js';
import { DurableOutbox } from '../../../infrastructure/outbox/durable-outbox.js';
import { agentMetrics } from '../../gateway-agent/agent-metrics.js';
import type { OutboxEntry } from '../../gateway-agent/agent-session.js';
import type { CommandHandler } from '../../gateway-agent/command-handler.js';
import { GatewayAgent } from '../../gateway-agent/gateway-agent.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const TOKEN = 'c'.repeat(64);
const PLUG = 'Kitchen plug';

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A zigbee2mqtt relay as the agent sees it: a `set` switches it, and it publishes its new state as the real bridge does. */
class Relay {
  state: 'ON' | 'OFF' = 'OFF';
  answer: DeviceCommandOutcome | null = null;
  readonly received: DeviceCommand[] = [];
  agent: GatewayAgent | undefined;

  report(): void {
    this.agent?.push({
      kind: 'zigbee2mqtt',
      topic: `zigbee2mqtt/${PLUG}`,
      message: { state: this.state, power: this.state === 'ON' ? 40 : 0 },
    });
  }

  readonly commands: CommandHandler = {
    handle: (message) => {
      if (message.type !== 'command') return Promise.resolve({ ok: false, detail: 'no configuration here' });
      this.received.push({
        action: message.action,
        target: message.target,
        ...(message.params ? { params: message.params } : {}),
      });
      if (this.answer) return Promise.resolve(this.answer);
      const wanted = message.params?.state;
      this.state = wanted === 'toggle' ? (this.state === 'ON' ? 'OFF' : 'ON') : wanted === 'on' ? 'ON' : 'OFF';
      setTimeout(() => this.report(), 20);
      return Promise.resolve({ ok: true, detail: `${message.target} ${this.state} published` });
    },
  };
}

describe('actuator commands over HTTP, through the real link', () => {
  let server: RunningServer;
  let dir: string;
  let gatewayId: string;
  let key: string;
  const sensorId = () => `zigbee2mqtt:${gatewayId}/${PLUG}/switchState`;
  const headers = (extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${TOKEN}`,
    'content-type': 'application/json',
    ...extra,
  });
  const command = (body: Record<string, unknown>, extra: Record<string, string> = {}) =>
    fetch(`${server.url}/api/actuator-commands`, {
      method: 'POST',
      headers: headers(extra),
      body: JSON.stringify({ sensorId: sensorId(), ...body }),
    });
  const status = async (id: string) =>
    (await (await fetch(`${server.url}/api/actuator-commands/${id}`, { headers: headers() })).json()) as Record<
      string,
      unknown
    >;
  const settled = (id: string) =>
    until(`command ${id} to settle`, async () => {
      const view = await status(id);
      return ['acknowledged', 'failed', 'timed_out'].includes(String(view.status)) ? view : undefined;
    });

  async function connect(relay: Relay, name: string): Promise<{ agent: GatewayAgent; close: () => Promise<void> }> {
    const outbox = await DurableOutbox.open<OutboxEntry>(join(dir, name), { maxBytes: 4 * 1024 * 1024 });
    const agent = new GatewayAgent(
      {
        server: { host: '127.0.0.1', port: server.link!.port },
        gatewayId,
        key: Buffer.from(key, 'hex'),
        agentVersion: 'test',
        batchIntervalMs: 10,
      },
      { outbox, logger: pino({ level: 'silent' }), metrics: agentMetrics(new Registry()), commands: relay.commands },
    );
    relay.agent = agent;
    agent.start();
    await until('the agent to connect', () => Promise.resolve(agent.connected ? true : undefined));
    return {
      agent,
      close: async () => {
        await agent.stop();
        await outbox.close();
      },
    };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wattlog-actuator-'));
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
        headers: headers(),
        body: JSON.stringify({
          name: 'Flat',
          networkType: 'zigbee2mqtt',
          address: '192.0.2.20',
          location: { lat: 52, lon: 5 },
        }),
      })
    ).json()) as { id: string; key: string };
    gatewayId = registered.id;
    key = registered.key;
    // The relay reports once so the server knows the sensor, then goes offline.
    const relay = new Relay();
    const link = await connect(relay, 'outbox-0');
    relay.report();
    await until('the switch sensor', async () => {
      const answer = await fetch(`${server.url}/api/readings/latest?sensor=${encodeURIComponent(sensorId())}`, {
        headers: headers(),
      });
      const body = (await answer.json()) as { items?: unknown[] };
      return body.items?.length ? true : undefined;
    });
    await link.close();
  }, 60_000);

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses what is not a switch command: 400 for a bad body, 422 for a sensor that is not switchable, 404 for an unknown one', async () => {
    expect((await command({ action: 'dim' })).status).toBe(400);
    expect((await command({ action: 'on', timeoutSeconds: 0 })).status).toBe(400);
    const power = await command({ action: 'on', sensorId: `zigbee2mqtt:${gatewayId}/${PLUG}/power` });
    expect(power.status).toBe(422);
    expect((await command({ action: 'on', sensorId: 'zigbee:0x0000000000000001/1/switchState' })).status).toBe(404);
    expect((await fetch(`${server.url}/api/actuator-commands/not-a-uuid`, { headers: headers() })).status).toBe(404);
    expect(
      (
        await fetch(`${server.url}/api/actuator-commands`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(401);
  });

  it('lets exactly one of 20 parallel commands for one actuator through (409 for the rest); it waits for the offline gateway, which then applies it', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => command({ action: i % 2 === 0 ? 'on' : 'off', timeoutSeconds: 60 })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = (await answers.find((a) => a.status === 202)!.json()) as {
      commandId: string;
      action: string;
      status: string;
    };
    expect(winner.status).toBe('requested');
    // Still waiting: the gateway is offline, and a further command for the actuator conflicts with it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await status(winner.commandId)).status).toBe('requested');
    expect((await command({ action: 'toggle' })).status).toBe(409);

    const relay = new Relay();
    const link = await connect(relay, 'outbox-1');
    try {
      const done = await settled(winner.commandId);
      expect(done).toMatchObject({
        status: 'acknowledged',
        action: winner.action,
        expectedState: winner.action === 'on' ? 1 : 0,
      });
      expect(relay.received).toEqual([{ action: 'switch', target: PLUG, params: { state: winner.action } }]);
    } finally {
      await link.close();
    }
  }, 60_000);

  it('makes a repeated request with one Idempotency-Key one command, and records a device error as Failed', async () => {
    const relay = new Relay();
    relay.answer = { ok: false, detail: 'zigbee2mqtt: not connected to the broker' };
    const link = await connect(relay, 'outbox-2');
    try {
      const first = await command({ action: 'toggle' }, { 'idempotency-key': 'evening-1' });
      expect(first.status).toBe(202);
      const again = await command({ action: 'toggle' }, { 'idempotency-key': 'evening-1' });
      expect(again.status).toBe(200);
      const a = (await first.json()) as { commandId: string };
      const b = (await again.json()) as { commandId: string };
      expect(b.commandId).toBe(a.commandId);
      expect((await command({ action: 'off' }, { 'idempotency-key': 'evening-1' })).status).toBe(400);
      const done = await settled(a.commandId);
      expect(done).toMatchObject({
        status: 'failed',
        outcome: 'device_error: zigbee2mqtt: not connected to the broker',
      });
      expect(relay.received).toHaveLength(1);
    } finally {
      await link.close();
    }
  }, 60_000);

  it('times a command out when the gateway stays away', async () => {
    const answer = await command({ action: 'on', timeoutSeconds: 1 });
    expect(answer.status).toBe(202);
    const { commandId } = (await answer.json()) as { commandId: string };
    expect(await settled(commandId)).toMatchObject({ status: 'timed_out', outcome: 'no outcome while requested' });
  }, 30_000);

  it("lists the actuator's command timeline newest first, with where each came from, page by page", async () => {
    const asked = [];
    for (const origin of ['ui', 'cli', undefined] as const) {
      const answer = await command({ action: 'on', timeoutSeconds: 1, ...(origin ? { origin } : {}) });
      expect(answer.status).toBe(202);
      const { commandId } = (await answer.json()) as { commandId: string };
      await settled(commandId);
      asked.push({ commandId, origin: origin ?? 'api' });
    }
    const list = async (query: string) => {
      const answer = await fetch(
        `${server.url}/api/actuator-commands?sensor=${encodeURIComponent(sensorId())}${query}`,
        { headers: headers() },
      );
      return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
    };
    const first = await list('&limit=2');
    expect(first.status).toBe(200);
    const items = first.body.items as { commandId: string; origin: string; requestedBy: string }[];
    expect(items.map((c) => ({ commandId: c.commandId, origin: c.origin }))).toEqual([asked[2], asked[1]]);
    expect(items[0]!.requestedBy).toBe('user:bootstrap-admin');
    expect(typeof first.body.nextBefore).toBe('number');
    const second = await list(`&limit=2&before=${String(first.body.nextBefore)}`);
    const older = second.body.items as { commandId: string }[];
    expect(older[0]!.commandId).toBe(asked[0]!.commandId);
    // Everything commanded earlier in this file follows; the last page says there is no more.
    let cursor = second.body.nextBefore;
    for (let pages = 0; cursor !== null && pages < 20; pages += 1)
      cursor = (await list(`&before=${String(cursor)}`)).body.nextBefore;
    expect(cursor).toBeNull();
    expect((await list('&limit=0')).status).toBe(400);
    expect((await list('&before=x')).status).toBe(400);
    expect((await command({ action: 'on', origin: 'rule' })).status).toBe(400);
    const missing = await fetch(`${server.url}/api/actuator-commands?limit=5`, { headers: headers() });
    expect(missing.status).toBe(400);
  }, 30_000);
});
