import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Registry } from 'prom-client';
import { createLogger } from '../src/infrastructure/logging/logger.js';
import { DurableOutbox } from '../src/infrastructure/outbox/durable-outbox.js';
import { agentMetrics } from '../src/interfaces/gateway-agent/agent-metrics.js';
import type { OutboxEntry } from '../src/interfaces/gateway-agent/agent-session.js';
import { GatewayAgent } from '../src/interfaces/gateway-agent/gateway-agent.js';
import { openBenchSchema, type BenchSchema } from './bench-postgres.js';

const MAIN = resolve('dist/src/main.js');
const ADMIN_TOKEN = 'scale-bench-admin-token-0123456789abcdef';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Node {
  readonly http: string;
  readonly linkPort: number;
  readonly child: ChildProcess;
}

async function startNode(bench: BenchSchema, index: number, partitions: number, dataDir: string): Promise<Node> {
  const [httpPort, linkPort] = [await freePort(), await freePort()];
  const url = new URL(bench.url);
  url.searchParams.set('options', `-c search_path=${bench.schema}`);
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      WATTLOG_DEMO: 'off',
      WATTLOG_STORE: 'postgres',
      DATABASE_URL: url.toString(),
      WATTLOG_HTTP: 'http',
      WATTLOG_HOST: '127.0.0.1',
      WATTLOG_LINK_HOST: '127.0.0.1',
      PORT: String(httpPort),
      WATTLOG_LINK_PORT: String(linkPort),
      WATTLOG_DATA_DIR: join(dataDir, `node${index}`),
      WATTLOG_PROJECTION_PARTITIONS: String(partitions),
      WATTLOG_RATE_LIMIT: 'off',
      WATTLOG_ADMIN_TOKEN: ADMIN_TOKEN,
      WATTLOG_MASTER_KEY: 'b2'.repeat(32),
      WATTLOG_JWT_SECRET: 'scale-bench-jwt-secret-0123456789abcdef',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-10_000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-10_000)));
  const deadline = Date.now() + 120_000;
  while (!output.includes('wattlog started')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`node ${index} did not start:\n${output}`);
    await sleep(50);
  }
  return { http: `http://127.0.0.1:${httpPort}`, linkPort, child };
}

async function stopNode(node: Node): Promise<void> {
  if (node.child.exitCode !== null) return;
  const exited = new Promise((r) => node.child.once('exit', r));
  node.child.kill('SIGTERM');
  await exited;
}

interface Gateway {
  readonly agent: GatewayAgent;
  readonly outbox: DurableOutbox<OutboxEntry>;
  readonly sensorId: string;
  counter: number;
  acked: number;
}

async function aGateway(node: Node, linkNode: Node, index: number, dir: string): Promise<Gateway> {
  const answer = await fetch(`${node.http}/api/gateways`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `scale ${index}`,
      networkType: 'zigbee2mqtt',
      address: '192.0.2.9',
      location: { lat: 52, lon: 5 },
    }),
  });
  if (answer.status !== 201) throw new Error(`registration answered ${answer.status}: ${await answer.text()}`);
  const { id, key } = (await answer.json()) as { id: string; key: string };
  const outbox = await DurableOutbox.open<OutboxEntry>(join(dir, `outbox-${index}`), { maxBytes: 256 * 1024 * 1024 });
  const agent = new GatewayAgent(
    {
      servers: [{ host: '127.0.0.1', port: linkNode.linkPort }],
      gatewayId: id,
      key: Buffer.from(key, 'hex'),
      agentVersion: 'bench',
      batchIntervalMs: 10,
    },
    { outbox, logger: createLogger('silent'), metrics: agentMetrics(new Registry()) },
  );
  const ieee = `0x${(0x5ca1e000 + index).toString(16).padStart(16, '0')}`;
  const gateway: Gateway = { agent, outbox, sensorId: `zigbee:${ieee}/power`, counter: 0, acked: 0 };
  agent.on('acked', () => gateway.acked++);
  agent.start();
  return gateway;
}

/** Pushes readings for `seconds`, keeping the outbox backlog bounded, so the rate is what the nodes accept. */
async function load(gateways: Gateway[], seconds: number, clockStart: number): Promise<void> {
  const until = performance.now() + seconds * 1000;
  let clock = clockStart;
  while (performance.now() < until) {
    for (const [i, g] of gateways.entries()) {
      if (g.outbox.pendingCount > 200) continue;
      const ieee = g.sensorId.slice('zigbee:'.length, -'/power'.length);
      for (let k = 0; k < 50; k++)
        g.agent.push({
          kind: 'zigbee2mqtt',
          topic: `zigbee2mqtt/${ieee}`,
          ieee,
          message: { power: g.counter++ },
          measuredAt: new Date(clock++ + i).toISOString(),
        });
    }
    await sleep(5);
  }
  await Promise.all(gateways.map((g) => g.agent.flush()));
}

async function oneRun(nodes: number, partitions: number, seconds: number, gatewayCount: number) {
  const bench = await openBenchSchema();
  const dir = await mkdtemp(join(tmpdir(), 'wattlog-scale-'));
  const running: Node[] = [];
  const gateways: Gateway[] = [];
  try {
    running.push(await startNode(bench, 1, partitions, dir));
    running.push(
      ...(await Promise.all(Array.from({ length: nodes - 1 }, (_, i) => startNode(bench, i + 2, partitions, dir)))),
    );
    for (let i = 0; i < gatewayCount; i++) gateways.push(await aGateway(running[0]!, running[i % nodes]!, i, dir));
    const started = performance.now();
    await load(gateways, seconds, Date.now() - 3_600_000);
    while (gateways.some((g) => g.outbox.pendingCount > 0)) await sleep(20);
    const ingested = performance.now() - started;
    const readings = gateways.reduce((n, g) => n + g.counter, 0);
    // Caught up when every meter's latest value is its last counter value.
    for (;;) {
      const rows = await bench.db.query<{ sensor_id: string; value: number }>(
        'SELECT sensor_id, value FROM readings_latest WHERE sensor_id = ANY($1::text[])',
        [gateways.map((g) => g.sensorId)],
      );
      const latest = new Map(rows.map((r) => [r.sensor_id, r.value]));
      if (gateways.every((g) => latest.get(g.sensorId) === g.counter - 1)) break;
      await sleep(20);
    }
    const projected = performance.now() - started;
    return {
      nodes,
      partitions,
      readings,
      ingestReadingsPerSecond: Math.round(readings / (ingested / 1000)),
      projectedReadingsPerSecond: Math.round(readings / (projected / 1000)),
    };
  } finally {
    for (const g of gateways) {
      await g.agent.stop();
      await g.outbox.close();
    }
    for (const node of running) await stopNode(node);
    await bench.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Ingest and projection throughput of 1, 2 and 3 server processes over one Postgres, with the readings projection in
 * P = 1, 2 and 4 partitions: gateways (agents in this process) spread over the nodes push readings as fast as the
 * nodes acknowledge them for `seconds`; projected = until readings_latest shows every gateway's last reading.
 */
export async function runScaleBench(options: {
  seconds: number;
  gateways: number;
  nodes: number[];
  partitions: number[];
}): Promise<Record<string, unknown>> {
  const runs = [];
  for (const nodes of options.nodes)
    for (const partitions of options.partitions) {
      const run = await oneRun(nodes, partitions, options.seconds, options.gateways);
      process.stderr.write(`scale: ${JSON.stringify(run)}\n`);
      runs.push(run);
    }
  return {
    seconds: options.seconds,
    gateways: options.gateways,
    runs: runs
      .map(
        (r) =>
          `${r.nodes}n/P${r.partitions}: ingest ${r.ingestReadingsPerSecond}/s, projected ${r.projectedReadingsPerSecond}/s`,
      )
      .join('; '),
  };
}
