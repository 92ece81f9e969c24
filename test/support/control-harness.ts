import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import type { FrameSource } from '../../src/application/ports/frame-source.port.js';
import { DurableOutbox } from '../../src/infrastructure/outbox/durable-outbox.js';
import { agentMetrics } from '../../src/interfaces/gateway-agent/agent-metrics.js';
import type { OutboxEntry } from '../../src/interfaces/gateway-agent/agent-session.js';
import { driverCommands } from '../../src/interfaces/gateway-agent/command-handler.js';
import { GatewayAgent } from '../../src/interfaces/gateway-agent/gateway-agent.js';
import { startHttpServer, type HttpServerConfig, type RunningServer } from '../../src/interfaces/http/http-server.js';
import { createTestSchema, reachablePostgresUrl } from './postgres.js';

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function nodePath(nodeId: string): string {
  return `/api/nodes/${encodeURIComponent(nodeId)}`;
}

const SETTLED_CONFIGURATION = ['NodeConfigurationApplied', 'NodeConfigurationRejected', 'NodeConfigurationTimedOut'];
const OPEN_COMMAND = ['requested', 'dispatched'];

export interface ConfigurationChangeRow {
  readonly requestId: string;
  readonly type: string;
  readonly field: string;
  readonly detail: string | null;
  readonly [key: string]: unknown;
}

/** A registered gateway whose agent hands what comes down the link to a real driver, as `wattlog agent` does. */
export class GatewayUnderTest {
  private agent: GatewayAgent | undefined;
  private outbox: DurableOutbox<OutboxEntry> | undefined;
  private source: FrameSource | undefined;

  constructor(
    readonly id: string,
    private readonly key: Buffer,
    private readonly linkPort: number,
    private readonly outboxDir: string,
  ) {}

  /** The agent's link up, then `source` started pushing into it; its commands and configuration go to `source`. */
  async connect(source: FrameSource): Promise<GatewayAgent> {
    this.outbox = await DurableOutbox.open<OutboxEntry>(this.outboxDir, { maxBytes: 4 * 1024 * 1024 });
    const agent = new GatewayAgent(
      {
        server: { host: '127.0.0.1', port: this.linkPort },
        gatewayId: this.id,
        key: this.key,
        agentVersion: 'test',
        batchIntervalMs: 10,
      },
      {
        outbox: this.outbox,
        logger: pino({ level: 'silent' }),
        metrics: agentMetrics(new Registry()),
        commands: driverCommands(source),
      },
    );
    this.agent = agent;
    agent.start();
    await until('the agent to connect', () => (agent.connected ? true : undefined));
    this.source = source;
    await source.start(agent);
    return agent;
  }

  /** Stops agent and driver; a second call does nothing. */
  async close(): Promise<void> {
    const { agent, source, outbox } = this;
    this.agent = undefined;
    this.source = undefined;
    this.outbox = undefined;
    await agent?.stop();
    await source?.stop();
    await outbox?.close();
  }
}

/**
 * The real server (event log, projections, sender, dispatcher, link on a free port) for control specs: on Postgres in
 * a private schema when one answers, as production runs (it starts in about a second); else on the embedded store.
 */
export class ControlHarness {
  private readonly gateways: GatewayUnderTest[] = [];

  private constructor(
    readonly server: RunningServer,
    private readonly dir: string,
    private readonly token: string,
    private readonly dropSchema: (() => Promise<void>) | undefined,
  ) {}

  static async start(label: string): Promise<ControlHarness> {
    const dir = await mkdtemp(join(tmpdir(), `wattlog-${label}-`));
    const token = 'h'.repeat(64);
    const url = reachablePostgresUrl();
    const schema = url ? await createTestSchema(url, label) : undefined;
    let storage: HttpServerConfig['storage'] = { store: 'embedded', dataDir: join(dir, 'data') };
    if (url && schema) {
      const schemaUrl = new URL(url);
      schemaUrl.searchParams.set('options', `-c search_path=${schema.schema}`);
      storage = { store: 'postgres', databaseUrl: schemaUrl.toString(), dataDir: join(dir, 'data') };
    }
    const server = await startHttpServer(
      {
        storage,
        host: '127.0.0.1',
        port: 0,
        tls: null,
        adminToken: token,
        link: { host: '127.0.0.1', port: 0 },
        commandPollMs: 50,
      },
      pino({ level: 'silent' }),
    );
    return new ControlHarness(server, dir, token, schema?.drop);
  }

  get headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' };
  }

  async aGateway(networkType: string): Promise<GatewayUnderTest> {
    const answer = await this.post('/api/gateways', {
      name: `${networkType} ${this.gateways.length + 1}`,
      networkType,
      address: '192.0.2.30',
      location: { lat: 52, lon: 5 },
    });
    if (answer.status !== 201)
      throw new Error(`gateway registration answered ${answer.status}: ${await answer.text()}`);
    const registered = (await answer.json()) as { id: string; key: string };
    const gateway = new GatewayUnderTest(
      registered.id,
      Buffer.from(registered.key, 'hex'),
      this.server.link!.port,
      join(this.dir, `outbox-${this.gateways.length}`),
    );
    this.gateways.push(gateway);
    return gateway;
  }

  async get<T = Record<string, unknown>>(path: string): Promise<T> {
    return (await (await fetch(`${this.server.url}${path}`, { headers: this.headers })).json()) as T;
  }

  async status(path: string): Promise<number> {
    return (await fetch(`${this.server.url}${path}`, { headers: this.headers })).status;
  }

  post(path: string, body: Record<string, unknown>): Promise<Response> {
    return fetch(`${this.server.url}${path}`, { method: 'POST', headers: this.headers, body: JSON.stringify(body) });
  }

  /** Resolves once the server knows the node (from its gateway's node events or readings). */
  knowsNode(nodeId: string): Promise<true> {
    return until(`node ${nodeId}`, async () => ((await this.status(nodePath(nodeId))) === 200 ? true : undefined));
  }

  /** Resolves once the sensor has a latest reading. */
  knowsSensor(sensorId: string): Promise<true> {
    return until(`sensor ${sensorId}`, async () =>
      (await this.get<{ items?: unknown[] }>(`/api/readings/latest?sensor=${encodeURIComponent(sensorId)}`)).items
        ?.length
        ? true
        : undefined,
    );
  }

  /** `POST /api/nodes/{nodeId}/configuration`; answers the request id of the 202. */
  async configure(nodeId: string, body: Record<string, unknown>): Promise<string> {
    const answer = await this.post(`${nodePath(nodeId)}/configuration`, body);
    if (answer.status !== 202) throw new Error(`configuration answered ${answer.status}: ${await answer.text()}`);
    return ((await answer.json()) as { requestId: string }).requestId;
  }

  /** The request's outcome event, as the node's configuration history lists it. */
  settled(nodeId: string, requestId: string): Promise<ConfigurationChangeRow> {
    return until(`configuration ${requestId} to settle`, async () => {
      const changes = await this.get<ConfigurationChangeRow[]>(
        `${nodePath(nodeId)}/configuration/changes?from=2000-01-01T00:00:00.000Z&to=2100-01-01T00:00:00.000Z`,
      );
      return changes.find((c) => c.requestId === requestId && SETTLED_CONFIGURATION.includes(c.type));
    });
  }

  /** `POST /api/actuator-commands`; answers the command id of the 202. */
  async command(body: Record<string, unknown>): Promise<string> {
    const answer = await this.post('/api/actuator-commands', body);
    if (answer.status !== 202) throw new Error(`actuator command answered ${answer.status}: ${await answer.text()}`);
    return ((await answer.json()) as { commandId: string }).commandId;
  }

  /** The command's view once it has an outcome. */
  commandOutcome(commandId: string, timeoutMs?: number): Promise<Record<string, unknown>> {
    return until(
      `command ${commandId} to settle`,
      async () => {
        const view = await this.get(`/api/actuator-commands/${commandId}`);
        return OPEN_COMMAND.includes(String(view.status)) ? undefined : view;
      },
      timeoutMs,
    );
  }

  async close(): Promise<void> {
    for (const gateway of this.gateways.splice(0)) await gateway.close();
    await this.server.close();
    await this.dropSchema?.();
    await rm(this.dir, { recursive: true, force: true });
  }
}
