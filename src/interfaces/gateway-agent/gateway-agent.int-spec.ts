import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { IngestFrame } from '../../application/metering/ingest-frame/ingest-frame.command.js';
import { IngestFrameHandler } from '../../application/metering/ingest-frame/ingest-frame.handler.js';
import { readingsStream } from '../../application/metering/ingest-frame/readings-stream.js';
import type { RecordedEvent } from '../../application/ports/event-store.port.js';
import { createLogger } from '../../infrastructure/logging/logger.js';
import { DurableOutbox } from '../../infrastructure/outbox/durable-outbox.js';
import { CuttingProxy } from '#test/support/cutting-proxy.js';
import { echoDecoders, echoedNs } from '#test/support/echo-decoder.js';
import { freePort } from '#test/support/free-port.js';
import { InMemoryKeyRing } from '#test/support/in-memory-key-ring.js';
import { startLinkHarness, type LinkHarness } from '#test/support/link-harness.js';
import { openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { uniquePrefix, waitFor } from '#test/support/test-ids.js';
import { agentMetrics } from './agent-metrics.js';
import type { OutboxEntry } from './agent-session.js';
import type { CommandHandler } from './command-handler.js';
import { GatewayAgent, type GatewayAgentSettings } from './gateway-agent.js';
import type { ResolveHost } from './server-endpoints.js';

const FAST_BACKOFF = { baseMs: 20, maxMs: 200 };
const meter = (n: number): { kind: string; n: number } => ({ kind: 'dsmr', n });

/** Every payload `n` stored for the gateway, in stream order; UndecodedPayload and node events are left out. */
const storedNs = (events: RecordedEvent[]): number[] => echoedNs(events);

/** Polls an async probe until its value passes, then returns that value. */
async function eventually<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('gateway agent ↔ link server', () => {
  let backend: SqlBackend;
  let dir: string;
  const agents: { agent: GatewayAgent; outbox: DurableOutbox<OutboxEntry> }[] = [];
  const logger = createLogger('silent');

  beforeAll(async () => {
    backend = await openBackend('pglite', 'agent');
  });
  afterAll(() => backend.cleanup());
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wattlog-agent-'));
  });
  afterEach(async () => {
    for (const { agent, outbox } of agents.splice(0)) {
      await agent.stop();
      await outbox.close();
    }
    await rm(dir, { recursive: true, force: true });
  });

  async function anAgent(
    link: { port: number; keyRing: LinkHarness['keyRing']; networkTypes: Map<string, string> },
    overrides: Partial<GatewayAgentSettings> & {
      maxOutboxBytes?: number;
      commands?: CommandHandler;
      resolveHost?: ResolveHost;
    } = {},
  ) {
    const gatewayId = overrides.gatewayId ?? uniquePrefix('gw').slice(0, -1);
    link.networkTypes.set(gatewayId, 'dsmr');
    const key = link.keyRing.keyFor(gatewayId) ?? link.keyRing.register(gatewayId);
    const outbox = await DurableOutbox.open<OutboxEntry>(join(dir, gatewayId), {
      maxBytes: overrides.maxOutboxBytes ?? 8 * 1024 * 1024,
    });
    const metrics = agentMetrics(new Registry());
    const { resolveHost, commands, ...settings } = overrides;
    const agent = new GatewayAgent(
      {
        ...(settings.servers ? {} : { server: { host: '127.0.0.1', port: link.port } }),
        gatewayId,
        key,
        agentVersion: 'test',
        batchIntervalMs: 10,
        backoff: FAST_BACKOFF,
        ...settings,
      },
      { outbox, logger, metrics, ...(commands ? { commands } : {}), ...(resolveHost ? { resolveHost } : {}) },
    );
    agents.push({ agent, outbox });
    return { agent, outbox, gatewayId, metrics };
  }

  it('stores what it gathered while the server was away, once, after the server appears', async () => {
    const port = await freePort();
    const notYet = { port, keyRing: new InMemoryKeyRing(), networkTypes: new Map<string, string>() };
    const { agent, outbox, gatewayId } = await anAgent(notYet);
    agent.start();
    for (let n = 0; n < 50; n++) agent.push(meter(n));
    await agent.flush();
    expect(outbox.pendingCount).toBeGreaterThan(0);
    expect(agent.connected).toBe(false);

    const link = await startLinkHarness(backend.store, { port });
    try {
      link.keyRing.register(gatewayId, notYet.keyRing.keyFor(gatewayId));
      link.networkTypes.set(gatewayId, 'dsmr');
      await waitFor(() => outbox.pendingCount === 0, 10_000, 'outbox drained');
      expect(storedNs(await backend.store.readStream(readingsStream(gatewayId)))).toEqual([...Array(50).keys()]);
    } finally {
      await agent.stop();
      await link.close();
    }
  });

  it('loses nothing and duplicates nothing while the link is cut again and again mid-stream', async () => {
    const link = await startLinkHarness(backend.store);
    const proxy = await CuttingProxy.start(link.port);
    try {
      const { agent, gatewayId } = await anAgent({ ...link, port: proxy.port }, { window: 16 });
      let reconnects = 0;
      agent.on('accepted', () => reconnects++);
      agent.start();
      const total = 3000;
      let cuts = 0;
      for (let n = 0; n < total; n++) {
        agent.push(meter(n));
        if (n % 50 === 49) await new Promise((r) => setTimeout(r, 5));
        if (n % 300 === 150 && proxy.cutAll() > 0) cuts++;
      }
      await agent.flush();
      await waitFor(() => agent.connected, 5000, 'reconnected');
      const stream = readingsStream(gatewayId);
      // Under a loaded machine reconnecting takes a few backoff rounds; what matters is the outcome, not the pace.
      const stored = await eventually(
        async () => storedNs(await backend.store.readStream(stream)),
        (ns) => ns.length >= total,
        30_000,
        'every payload stored',
      );
      // A cut can land on a connection still in its handshake, which never reaches 'accepted'; so reconnects may
      // trail cuts. That the agent came back at all, and delivered everything exactly once, is what counts.
      expect(reconnects).toBeGreaterThanOrEqual(2);
      expect(cuts).toBeGreaterThanOrEqual(5);
      expect(stored).toEqual([...Array(total).keys()]);
      const revisions = (await backend.store.readStream(stream)).map((e) => e.revision);
      expect(revisions).toEqual([...revisions.keys()]);
    } finally {
      await proxy.close();
      await link.close();
    }
  }, 60_000);

  it('a fresh outbox continues the sequence the server already has for the gateway', async () => {
    const link = await startLinkHarness(backend.store);
    try {
      const gatewayId = uniquePrefix('gw').slice(0, -1);
      link.networkTypes.set(gatewayId, 'dsmr');
      // A previous installation of this gateway stored frames 0..4, then its disk was replaced.
      const handler = new IngestFrameHandler(backend.store, () => 'dsmr', echoDecoders);
      for (let seq = 0; seq < 5; seq++) {
        await handler.execute(new IngestFrame(gatewayId, { kind: 'readings', seq, payloads: [meter(-1)] }, new Date()));
      }
      const { agent } = await anAgent(link, { gatewayId });
      for (let n = 0; n < 3; n++) agent.push(meter(n));
      await agent.flush();
      agent.start();
      await waitFor(() => agent.connected, 5000, 'connected');
      const stream = readingsStream(gatewayId);
      const events = await eventually(
        () => backend.store.readStream(stream),
        (e) => storedNs(e).length >= 8,
        5000,
        'frames stored',
      );
      expect(storedNs(events)).toEqual([-1, -1, -1, -1, -1, 0, 1, 2]);
    } finally {
      await link.close();
    }
  });

  it('when its outbox overflows offline it counts the loss, tells the server in sequence, and leaves no gap', async () => {
    const port = await freePort();
    const link0 = await startLinkHarness(backend.store, { port });
    const { agent, gatewayId, metrics, outbox } = await anAgent(link0, {
      maxOutboxBytes: 1024 * 1024,
      maxPayloadsPerFrame: 10,
    });
    // Connect once so the outbox is synced with the server, then lose the server.
    agent.start();
    agent.push(meter(0));
    await agent.flush();
    await eventually(
      () => backend.store.readStream(readingsStream(gatewayId)),
      (e) => storedNs(e).includes(0),
      5000,
      'first frame stored',
    );
    await waitFor(() => outbox.pendingCount === 0 && agent.connected, 5000, 'first frame acked');
    await link0.close();
    const pad = 'x'.repeat(2000);
    for (let n = 1; n <= 2000; n++) agent.push({ ...meter(n), pad });
    await agent.flush();
    const dropped = (await metrics.outboxDropped.get()).values[0]?.value ?? 0;
    expect(dropped).toBeGreaterThan(0);

    const link = await startLinkHarness(backend.store, { port });
    try {
      link.keyRing.register(gatewayId, link0.keyRing.keyFor(gatewayId));
      link.networkTypes.set(gatewayId, 'dsmr');
      await waitFor(() => outbox.pendingCount === 0 && agent.connected, 10_000, 'outbox drained');
      const events = await backend.store.readStream(readingsStream(gatewayId));
      expect(events.map((e) => e.revision)).toEqual([...events.keys()]);
      const overflow = events.find((e) => e.type === 'NodeEventReported');
      expect(overflow?.data).toMatchObject({ event: 'outbox_overflow', detail: { dropped: expect.any(Number) } });
      const ns = storedNs(events);
      expect(ns[0]).toBe(0);
      expect(ns.at(-1)).toBe(2000);
      expect(new Set(ns).size).toBe(ns.length);
    } finally {
      await agent.stop();
      await link.close();
    }
  });

  it('applies commands that come down and sends the result back', async () => {
    const results: unknown[] = [];
    const link = await startLinkHarness(backend.store, {}, { onCommandResult: (gw, r) => results.push(r) });
    try {
      const seen: unknown[] = [];
      const commands: CommandHandler = {
        handle: (message) => {
          seen.push(message);
          return Promise.resolve({ ok: true, detail: 'relay on' });
        },
      };
      const { agent, gatewayId } = await anAgent(link, { commands });
      agent.start();
      await waitFor(() => agent.connected, 5000, 'connected');
      expect(link.server.send(gatewayId, { type: 'command', commandId: 'cmd-1', target: 'plug-1', action: 'on' })).toBe(
        true,
      );
      await waitFor(() => results.length === 1, 5000, 'command result');
      expect(seen).toEqual([{ type: 'command', commandId: 'cmd-1', target: 'plug-1', action: 'on' }]);
      expect(results).toEqual([{ type: 'command_result', commandId: 'cmd-1', ok: true, detail: 'relay on' }]);
    } finally {
      await link.close();
    }
  });
  it('moves to the next server endpoint when its node refuses or dies, storing every frame once', async () => {
    const refused = await freePort();
    const nodeA = await startLinkHarness(backend.store);
    const nodeB = await startLinkHarness(backend.store);
    const { agent, outbox, gatewayId } = await anAgent(nodeA, {
      servers: [
        { host: '127.0.0.1', port: refused },
        // A name resolving to an address: each resolved address is a target of its own.
        { host: 'node-a.wattlog.test', port: nodeA.port },
        { host: '127.0.0.1', port: nodeB.port },
      ],
      resolveHost: (host) => Promise.resolve(host === 'node-a.wattlog.test' ? ['127.0.0.1'] : [host]),
    });
    nodeB.keyRing.register(gatewayId, nodeA.keyRing.keyFor(gatewayId));
    nodeB.networkTypes.set(gatewayId, 'dsmr');
    const ports: number[] = [];
    agent.on('accepted', () => ports.push(nodeA.server.sessions().length > 0 ? nodeA.port : nodeB.port));
    try {
      agent.start();
      for (let n = 0; n < 40; n++) agent.push(meter(n));
      await agent.flush();
      await waitFor(() => outbox.pendingCount === 0, 10_000, 'frames acked by node A');
      await nodeA.close();
      for (let n = 40; n < 80; n++) agent.push(meter(n));
      await agent.flush();
      await waitFor(() => outbox.pendingCount === 0, 10_000, 'frames acked by node B');
      expect(ports).toEqual([nodeA.port, nodeB.port]);
      expect(storedNs(await backend.store.readStream(readingsStream(gatewayId)))).toEqual([...Array(80).keys()]);
    } finally {
      await agent.stop();
      await nodeB.close();
    }
  });
});
