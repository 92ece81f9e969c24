import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { createLogger } from '../../src/infrastructure/logging/logger.js';
import { DurableOutbox } from '../../src/infrastructure/outbox/durable-outbox.js';
import { agentMetrics } from '../../src/interfaces/gateway-agent/agent-metrics.js';
import type { OutboxEntry } from '../../src/interfaces/gateway-agent/agent-session.js';
import type { CommandHandler } from '../../src/interfaces/gateway-agent/command-handler.js';
import { GatewayAgent } from '../../src/interfaces/gateway-agent/gateway-agent.js';
import type { ServerEndpoint } from '../../src/interfaces/gateway-agent/server-endpoints.js';

const ieee = (value: number): string => `0x${value.toString(16).padStart(16, '0')}`;
/** Gateway n's plug whose power is the frame counter (a device belongs to one gateway). */
export const meterIeee = (n: number): string => ieee(n * 0x1000 + 0xff);
/** Gateway n's switch plug i; each takes exactly one command in a run. */
export const switchIeee = (n: number, i: number): string => ieee(n * 0x1000 + 0x100 + i);

const plugPayload = (ieee: string, message: Record<string, unknown>, at: number): Record<string, unknown> => ({
  kind: 'zigbee2mqtt',
  topic: `zigbee2mqtt/${ieee}`,
  ieee,
  message,
  measuredAt: new Date(at).toISOString(),
});

/**
 * A simulated zigbee2mqtt gateway in this process: a real agent (durable outbox, link, endpoint list) that streams
 * its meter plug's power as a counter 0, 1, 2… and answers switch commands by reporting the new state. It counts
 * every command that reaches it, per target, so a test can tell "sent at most once".
 */
export class SimulatedClusterGateway {
  readonly received = new Map<string, number>();
  readonly acked = new Set<number>();
  counter = 0;
  private clock = Date.now() - 3_600_000;
  private streaming = false;
  private producer: Promise<void> | undefined;

  private constructor(
    readonly n: number,
    readonly gatewayId: string,
    readonly agent: GatewayAgent,
    readonly outbox: DurableOutbox<OutboxEntry>,
  ) {
    agent.on('acked', (seq) => this.acked.add(seq));
  }

  static async start(
    n: number,
    gatewayId: string,
    key: string,
    servers: ServerEndpoint[],
    switches: number,
  ): Promise<SimulatedClusterGateway> {
    const outbox = await DurableOutbox.open<OutboxEntry>(await mkdtemp(join(tmpdir(), 'wattlog-cluster-gw-')), {
      maxBytes: 64 * 1024 * 1024,
    });
    // The handler needs the gateway, which needs the agent, which needs the handler.
    const ref: { gateway?: SimulatedClusterGateway } = {};
    const commands: CommandHandler = {
      handle: (message) => {
        const self = ref.gateway!;
        self.received.set(message.target, (self.received.get(message.target) ?? 0) + 1);
        const state = message.type === 'command' && message.params?.state === 'on' ? 'ON' : 'OFF';
        self.agent.push(plugPayload(message.target, { state }, self.tick()));
        return Promise.resolve({ ok: true });
      },
    };
    const agent = new GatewayAgent(
      {
        servers,
        gatewayId,
        key: Buffer.from(key, 'hex'),
        agentVersion: 'cluster-test',
        batchIntervalMs: 20,
        backoff: { baseMs: 50, maxMs: 500 },
        connectTimeoutMs: 2000,
      },
      { outbox, logger: createLogger('silent'), metrics: agentMetrics(new Registry()), commands },
    );
    const self = new SimulatedClusterGateway(n, gatewayId, agent, outbox);
    ref.gateway = self;
    for (let i = 0; i < switches; i++) agent.push(plugPayload(switchIeee(n, i), { state: 'OFF' }, self.tick()));
    agent.start();
    return self;
  }

  /** Pushes 10 counter readings every 20 ms until stopped. */
  stream(): void {
    this.streaming = true;
    this.producer = (async () => {
      while (this.streaming) {
        for (let i = 0; i < 10; i++)
          this.agent.push(plugPayload(meterIeee(this.n), { power: this.counter++ }, this.tick()));
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
  }

  async stopStreaming(): Promise<void> {
    this.streaming = false;
    await this.producer;
    await this.agent.flush();
  }

  async close(): Promise<void> {
    this.streaming = false;
    await this.producer;
    await this.agent.stop();
    await this.outbox.close();
  }

  /** Strictly increasing measurement times, so "latest" is never a tie. */
  private tick(): number {
    this.clock += 1;
    return this.clock;
  }
}
