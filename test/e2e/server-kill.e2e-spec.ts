import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Registry } from 'prom-client';
import { readingsStream } from '../../src/application/metering/ingest-frame/readings-stream.js';
import type { RecordedEvent } from '../../src/application/ports/event-store.port.js';
import type { ReadingsReportedData } from '../../src/domain/metering/gateway-frame.events.js';
import { openSqlEventStore } from '../../src/infrastructure/event-store/embedded/embedded-event-store.js';
import { createLogger } from '../../src/infrastructure/logging/logger.js';
import { DurableOutbox } from '../../src/infrastructure/outbox/durable-outbox.js';
import { PgliteDatabase } from '../../src/infrastructure/pglite/pglite-database.js';
import { agentMetrics } from '../../src/interfaces/gateway-agent/agent-metrics.js';
import type { OutboxEntry } from '../../src/interfaces/gateway-agent/agent-session.js';
import { GatewayAgent } from '../../src/interfaces/gateway-agent/gateway-agent.js';
import { freePort } from '../support/free-port.js';
import { httpsPostJson } from '../support/https-get.js';
import { waitFor } from '../support/test-ids.js';

const MAIN = resolve('dist/src/main.js');
const KILLS = 3;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The power values stored (the test's counter `n`), in stream order. */
function storedNs(events: RecordedEvent[]): number[] {
  return events.flatMap((e) =>
    e.type === 'ReadingsReported' ? (e.data as ReadingsReportedData).readings.map((r) => r.value) : [],
  );
}

/**
 * The real server process on the embedded store, SIGKILLed while a real agent streams into it. After each kill the
 * test opens the store itself, as the next start would: every frame the server acked must be there.
 */
describe('server SIGKILL under ingest (process)', () => {
  let dataDir: string;
  let outboxDir: string;
  let server: ChildProcess | undefined;
  let output = '';
  let httpPort: number;
  let linkPort: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wattlog-kill-'));
    outboxDir = await mkdtemp(join(tmpdir(), 'wattlog-kill-outbox-'));
    httpPort = await freePort();
    linkPort = await freePort();
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    await rm(outboxDir, { recursive: true, force: true });
  });

  async function startServer(): Promise<void> {
    output = '';
    server = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        WATTLOG_DEMO: 'off',
        WATTLOG_STORE: 'embedded',
        WATTLOG_DATA_DIR: dataDir,
        WATTLOG_HOST: '127.0.0.1',
        WATTLOG_LINK_HOST: '127.0.0.1',
        PORT: String(httpPort),
        WATTLOG_LINK_PORT: String(linkPort),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    await waitFor(() => output.includes('wattlog started'), 60_000, `the server to start; output:\n${output}`);
  }

  async function killServer(signal: NodeJS.Signals): Promise<void> {
    const child = server!;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }

  /** The server is down: read the gateway's stream straight from its data directory. */
  async function storedWhileDown(gatewayId: string): Promise<RecordedEvent[]> {
    const db = await PgliteDatabase.open(dataDir);
    try {
      const store = await openSqlEventStore(db);
      return await store.readStream(readingsStream(gatewayId));
    } finally {
      await db.close();
    }
  }

  it(`keeps every acked frame through ${KILLS} kills, then stores everything the agent sent exactly once`, async () => {
    await startServer();
    const ca = await readFile(join(dataDir, 'tls', 'cert.pem'), 'utf8');
    const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
    const registered = await httpsPostJson(
      `https://127.0.0.1:${httpPort}/api/gateways`,
      ca,
      { name: 'kill test', networkType: 'zigbee2mqtt', address: '127.0.0.1', location: { lat: 52.1, lon: 5.1 } },
      { authorization: `Bearer ${token}` },
    );
    expect(registered.status).toBe(201);
    const { id: gatewayId, key } = JSON.parse(registered.body) as { id: string; key: string };

    const outbox = await DurableOutbox.open<OutboxEntry>(outboxDir, { maxBytes: 64 * 1024 * 1024 });
    const agent = new GatewayAgent(
      {
        server: { host: '127.0.0.1', port: linkPort },
        gatewayId,
        key: Buffer.from(key, 'hex'),
        agentVersion: 'test',
        batchIntervalMs: 5,
        backoff: { baseMs: 20, maxMs: 300 },
      },
      { outbox, logger: createLogger('silent'), metrics: agentMetrics(new Registry()) },
    );
    const acked = new Set<number>();
    agent.on('acked', (seq) => acked.add(seq));
    agent.start();
    let n = 0;
    let streaming = true;
    const producer = (async () => {
      while (streaming) {
        // 400 messages a second, restarts included: enough that every kill lands mid-stream, few enough that the
        // backlog built up while the server restarts drains in seconds rather than minutes.
        for (let i = 0; i < 20; i++)
          agent.push({ kind: 'zigbee2mqtt', topic: 'zigbee2mqtt/plug', message: { power: n++ } });
        await sleep(50);
      }
    })();

    try {
      for (let kill = 0; kill < KILLS; kill++) {
        const before = acked.size;
        await waitFor(() => acked.size > before + 20, 30_000, 'frames acked by this server run');
        await sleep(Math.floor(Math.random() * 200));
        await killServer('SIGKILL');
        const ackedAtKill = [...acked];
        const revisions = new Set((await storedWhileDown(gatewayId)).map((e) => e.revision));
        expect(ackedAtKill.filter((seq) => !revisions.has(seq))).toEqual([]);
        await startServer();
      }
      streaming = false;
      await producer;
      await agent.flush();
      // Draining is throughput, not correctness: on a busy machine the embedded store takes a while for the backlog.
      await waitFor(() => outbox.pendingCount === 0, 90_000, 'the outbox drained');
    } finally {
      streaming = false;
      await agent.stop();
      await outbox.close();
    }
    await killServer('SIGTERM');

    const events = await storedWhileDown(gatewayId);
    expect(events.map((e) => e.revision)).toEqual([...events.keys()]);
    expect(storedNs(events)).toEqual([...Array(n).keys()]);
  }, 240_000);
});
