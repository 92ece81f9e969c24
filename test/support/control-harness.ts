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
import { createTestSchema, postgresUrl } from './postgres.js';

export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const SETTLED = ['NodeConfigurationApplied', 'NodeConfigurationRejected', 'NodeConfigurationTimedOut'];

export interface ConfigurationChangeRow {
  readonly requestId: string;
  readonly type: string;
  readonly field: string;
  readonly detail?: string;
  readonly [key: string]: unknown;
}

/**
 * The real server (embedded store, link on a free port) with one registered gateway, and a gateway agent that hands
 * what comes down the link to a real driver, as `wattlog agent` does. Everything lives in one temporary directory.
 */
export class ControlHarness {
  private agent: GatewayAgent | undefined;
  private outbox: DurableOutbox<OutboxEntry> | undefined;
  private source: FrameSource | undefined;

  private constructor(
    readonly server: RunningServer,
    readonly gatewayId: string,
    private readonly key: Buffer,
    private readonly dir: string,
    private readonly token: string,
    private readonly dropSchema: (() => Promise<void>) | undefined,
  ) {}

  /** On Postgres (a private schema) when one answers, as production runs; else on the embedded store. */
  static async start(label: string, networkType: string): Promise<ControlHarness> {
    const dir = await mkdtemp(join(tmpdir(), `wattlog-${label}-`));
    const token = 'h'.repeat(64);
    const url = await postgresUrl();
    const schema = url ? await createTestSchema(url, label) : undefined;
    let storage: HttpServerConfig['storage'] = { store: 'embedded', dataDir: join(dir, 'data') };
    if (url && schema) {
      const schemaUrl = new URL(url);
      schemaUrl.searchParams.set('options', `-c search_path=${schema.schema}`);
      storage = { store: 'postgres', databaseUrl: schemaUrl.toString(), dataDir: join(dir, 'data') };
    }
    const server = await startHttpServer(
      { storage, host: '127.0.0.1', port: 0, tls: null, adminToken: token, link: { host: '127.0.0.1', port: 0 }, commandPollMs: 50 },
      pino({ level: 'silent' }),
    );
    const answer = await fetch(`${server.url}/api/gateways`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: label, networkType, address: '192.0.2.30', location: { lat: 52, lon: 5 } }),
    });
    const registered = (await answer.json()) as { id: string; key: string };
    return new ControlHarness(server, registered.id, Buffer.from(registered.key, 'hex'), dir, token, schema?.drop);
  }

  get headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' };
  }

  /** The agent's link up, its commands and configuration handled by `source`, which then starts pushing into it. */
  async connect(source: FrameSource): Promise<GatewayAgent> {
    this.outbox = await DurableOutbox.open<OutboxEntry>(join(this.dir, 'outbox'), { maxBytes: 4 * 1024 * 1024 });
    const agent = new GatewayAgent(
      { server: { host: '127.0.0.1', port: this.server.link!.port }, gatewayId: this.gatewayId, key: this.key, agentVersion: 'test', batchIntervalMs: 10 },
      { outbox: this.outbox, logger: pino({ level: 'silent' }), metrics: agentMetrics(new Registry()), commands: driverCommands(source) },
    );
    this.agent = agent;
    agent.start();
    await until('the agent to connect', () => (agent.connected ? true : undefined));
    this.source = source;
    await source.start(agent);
    return agent;
  }

  async get<T = Record<string, unknown>>(path: string): Promise<T> {
    return (await (await fetch(`${this.server.url}${path}`, { headers: this.headers })).json()) as T;
  }

  post(path: string, body: Record<string, unknown>): Promise<Response> {
    return fetch(`${this.server.url}${path}`, { method: 'POST', headers: this.headers, body: JSON.stringify(body) });
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
      const changes = await this.get<ConfigurationChangeRow[]>(`${nodePath(nodeId)}/configuration/changes?from=2000-01-01T00:00:00.000Z&to=2100-01-01T00:00:00.000Z`);
      return changes.find((c) => c.requestId === requestId && SETTLED.includes(c.type));
    });
  }

  async close(): Promise<void> {
    await this.agent?.stop();
    await this.source?.stop();
    await this.outbox?.close();
    await this.server.close();
    await this.dropSchema?.();
    await rm(this.dir, { recursive: true, force: true });
  }
}

export function nodePath(nodeId: string): string {
  return `/api/nodes/${encodeURIComponent(nodeId)}`;
}
