import type { RecordedEvent } from '../../src/application/ports/event-store.port.js';
import { readingsStream } from '../../src/application/metering/ingest-frame/readings-stream.js';
import { commandStream } from '../../src/application/control/control-streams.js';
import type { ReadingsReportedData } from '../../src/domain/metering/gateway-frame.events.js';
import { openSse } from '../fixtures/sse-client.fixtures.js';
import {
  checkpointChains,
  installCheckpointHistory,
  latestByFold,
  latestInReadModel,
} from '../support/cluster-checks.js';
import { CLUSTER_SECRETS, CLUSTER_SKIP_REASON, startCluster, type Cluster } from '../support/cluster.js';
import { meterIeee, SimulatedClusterGateway, switchIeee } from '../support/cluster-gateway.js';
import { POSTGRES_SKIP_REASON } from '../support/postgres.js';
import { describeOrSkip } from '../support/skip.js';
import { openBackend, type SqlBackend } from '../support/sql-backends.js';
import { waitFor } from '../support/test-ids.js';

const PARTITIONS = 3;
const SWITCHES = 2;
const ANON_BURST = 20;
const ANON_RPS = 1;
const AUTH = { authorization: `Bearer ${CLUSTER_SECRETS.WATTLOG_ADMIN_TOKEN}` };
const TERMINAL = ['ActuatorCommandAcknowledged', 'ActuatorCommandFailed', 'ActuatorCommandTimedOut'];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls an async probe until it passes. */
async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

async function api(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, headers: { ...AUTH, 'content-type': 'application/json', ...init.headers } });
}

/**
 * Three server nodes over one Postgres behind HAProxy (deploy/haproxy/haproxy.cfg), three simulated gateways
 * streaming numbered readings (two through HAProxy, one with the nodes' addresses as its endpoint list), nodes
 * killed, restarted and paused under load. What must hold at the end is in the `it` title.
 */
describeOrSkip(POSTGRES_SKIP_REASON ?? CLUSTER_SKIP_REASON)('three nodes over one Postgres (processes)', () => {
  let backend: SqlBackend;
  let cluster: Cluster;
  const gateways: SimulatedClusterGateway[] = [];

  beforeAll(async () => {
    backend = await openBackend('postgres', 'cluster');
    await installCheckpointHistory(backend.db);
    cluster = await startCluster({
      WATTLOG_DEMO: 'off',
      WATTLOG_STORE: 'postgres',
      DATABASE_URL: backend.url!,
      WATTLOG_HTTP: 'http',
      WATTLOG_PROJECTION_PARTITIONS: String(PARTITIONS),
      WATTLOG_RATE_LIMIT_BURST: '2000',
      WATTLOG_RATE_LIMIT_RPS: '500',
      WATTLOG_RATE_LIMIT_ANON_BURST: String(ANON_BURST),
      WATTLOG_RATE_LIMIT_ANON_RPS: String(ANON_RPS),
      LOG_LEVEL: 'info',
      ...CLUSTER_SECRETS,
    });
  }, 180_000);
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    await cluster?.close();
    await backend?.cleanup();
  });

  async function aGateway(direct: boolean): Promise<SimulatedClusterGateway> {
    const answer = await api(`${cluster.lbHttp}/api/gateways`, {
      method: 'POST',
      body: JSON.stringify({
        name: `cluster ${gateways.length}`,
        networkType: 'zigbee2mqtt',
        address: '192.0.2.8',
        location: { lat: 52.1, lon: 5.1 },
      }),
    });
    if (answer.status !== 201) throw new Error(`registration answered ${answer.status}: ${await answer.text()}`);
    const { id, key } = (await answer.json()) as { id: string; key: string };
    const servers = direct
      ? cluster.nodes.map((n) => ({ host: n.host, port: n.linkPort }))
      : [{ host: cluster.lbLink.host, port: cluster.lbLink.port }];
    const gateway = await SimulatedClusterGateway.start(gateways.length, id, key, servers, SWITCHES);
    gateways.push(gateway);
    return gateway;
  }

  const progressed = async (frames: number): Promise<void> => {
    const before = gateways.map((g) => g.acked.size);
    await waitFor(
      () => gateways.every((g, i) => g.acked.size >= before[i]! + frames),
      30_000,
      `every gateway to have ${frames} more frames acked`,
    );
  };

  const commands: string[] = [];
  async function command(gateway: SimulatedClusterGateway, index: number): Promise<void> {
    const sensorId = `zigbee:${switchIeee(gateway.n, index)}/switchState`;
    await until(`sensor ${sensorId} known`, async () => {
      const answer = await api(`${cluster.lbHttp}/api/actuator-commands`, {
        method: 'POST',
        body: JSON.stringify({ sensorId, action: 'on', timeoutSeconds: 20, reason: `cluster ${gateway.gatewayId}` }),
      });
      if (answer.status === 202) commands.push(((await answer.json()) as { commandId: string }).commandId);
      return answer.status === 202;
    });
  }

  it('stores every numbered frame once, folds the log into equal read models, settles every command once, and never applies a partition twice', async () => {
    for (let i = 0; i < 3; i++) await aGateway(i === 2);
    for (const gateway of gateways) gateway.stream();
    await progressed(20);

    // A reading stored through any node reaches a live stream opened on each node.
    const query = gateways
      .map((g) => `zigbee:${meterIeee(g.n)}/power`)
      .map((s) => `sensor=${encodeURIComponent(s)}`)
      .join('&');
    const streams = await Promise.all(
      cluster.nodes.map((n) => openSse(`${n.http}/api/readings/stream?${query}`, AUTH)),
    );
    await until('readings of every gateway on every node stream', () =>
      Promise.resolve(
        streams.every((s) => {
          const from = new Set(s.messages.map((m) => (JSON.parse(m.data) as { sensorId: string }).sensorId));
          return gateways.every((g) => from.has(`zigbee:${meterIeee(g.n)}/power`));
        }),
      ),
    );
    for (const stream of streams) stream.abort();

    for (const gateway of gateways) await command(gateway, 0);
    const [one, two, three] = cluster.nodes as [
      (typeof cluster.nodes)[0],
      (typeof cluster.nodes)[0],
      (typeof cluster.nodes)[0],
    ];
    // Restarts overlap the next fault, as they would in a rolling incident; all three are back before the pause.
    await one.kill('SIGKILL');
    await progressed(20);
    const oneBack = one.start();
    await two.kill('SIGKILL');
    await progressed(20);
    await Promise.all([oneBack, two.start()]);
    // Longer than a projection node's heartbeat expiry (5 s): its partitions are free to move, its locks are not.
    three.signal('SIGSTOP');
    await sleep(6000);
    three.signal('SIGCONT');
    for (const gateway of gateways) await command(gateway, 1);
    await progressed(20);
    for (const gateway of gateways) await gateway.stopStreaming();
    await waitFor(() => gateways.every((g) => g.outbox.pendingCount === 0), 30_000, 'every outbox drained');

    // Every numbered frame stored exactly once, in order.
    for (const gateway of gateways) {
      const events = await backend.store.readStream(readingsStream(gateway.gatewayId));
      expect(events.map((e) => e.revision)).toEqual([...events.keys()]);
      const counter = events.flatMap((e: RecordedEvent) =>
        (e.data as ReadingsReportedData).readings.filter((r) => r.quantity === 'power').map((r) => r.value),
      );
      expect(counter).toEqual([...Array(gateway.counter).keys()]);
    }

    // Every command has exactly one outcome, and reached its gateway at most once.
    await until('every command settled', async () => {
      for (const id of commands) {
        const view = (await (await api(`${cluster.lbHttp}/api/actuator-commands/${id}`)).json()) as { status: string };
        if (view.status === 'requested' || view.status === 'dispatched') return false;
      }
      return true;
    });
    expect(commands).toHaveLength(3 * SWITCHES);
    for (const id of commands) {
      const events = await backend.store.readStream(commandStream(id));
      expect(events.filter((e) => TERMINAL.includes(e.type))).toHaveLength(1);
    }
    for (const gateway of gateways) for (const count of gateway.received.values()) expect(count).toBeLessThanOrEqual(1);

    // The readings read model equals a fold of the log computed here.
    const fold = await latestByFold(backend.store);
    await until('the readings read model caught up', async () => {
      const rows = await latestInReadModel(backend.db);
      return JSON.stringify(rows) === JSON.stringify(fold);
    });
    expect(await latestInReadModel(backend.db)).toEqual(fold);

    // Each partition's checkpoint moved along one chain: no batch applied twice from one checkpoint.
    const chains = await checkpointChains(backend.db, 'readings_latest#');
    expect(Object.keys(chains)).toHaveLength(PARTITIONS);
    for (const chain of Object.values(chains)) expect(chain.brokenAt).toBeUndefined();
    // The kills moved partitions: more than one node applied them over the run.
    expect(new Set(Object.values(chains).flatMap((c) => c.nodes)).size).toBeGreaterThan(1);

    // The anonymous rate limit measured through HAProxy over three nodes is the configured one, not three times it.
    const started = performance.now();
    let allowed = 0;
    for (let i = 0; i < 3 * ANON_BURST; i++) {
      const answer = await fetch(`${cluster.lbHttp}/health/live`);
      if (answer.status !== 429) allowed++;
    }
    const seconds = (performance.now() - started) / 1000;
    expect(allowed).toBeGreaterThanOrEqual(ANON_BURST);
    expect(allowed).toBeLessThanOrEqual(ANON_BURST + Math.ceil(seconds * ANON_RPS) + 1);
  }, 240_000);
});
