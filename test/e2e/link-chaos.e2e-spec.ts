import type { ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readingsStream } from '../../src/application/metering/ingest-frame/readings-stream.js';
import type { RecordedEvent } from '../../src/application/ports/event-store.port.js';
import type { ReadingsReportedData, StoredReading } from '../../src/domain/metering/gateway-frame.events.js';
import { zigbee2mqttDecoder } from '../../src/domain/metering/protocols/zigbee2mqtt/zigbee2mqtt.decoder.js';
import { decoderLookup } from '../../src/infrastructure/protocols/payload-decoders.js';
import { DurableOutbox } from '../../src/infrastructure/outbox/durable-outbox.js';
import type { OutboxEntry } from '../../src/interfaces/gateway-agent/agent-session.js';
import { assertCliBuilt, exited, spawnCli } from '../support/cli.js';
import { CuttingProxy } from '../support/cutting-proxy.js';
import { startLinkHarness, type LinkHarness } from '../support/link-harness.js';
import { openBackend, type SqlBackend } from '../support/sql-backends.js';
import { waitFor } from '../support/test-ids.js';

const CYCLES = 24;
const OUTBOX_BYTES = 16 * 1024 * 1024;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const keyOf = (r: StoredReading): string => `${r.sensorId}@${r.measuredAt}`;
const readingsIn = (event: RecordedEvent): readonly StoredReading[] =>
  event.type === 'ReadingsReported' ? (event.data as ReadingsReportedData).readings : [];

/** What the server should have made of an outbox frame: its simulated zigbee2mqtt payloads through the real module. */
function expectedReadings(entry: OutboxEntry, gatewayId: string): StoredReading[] {
  const payloads = (entry as unknown as { payloads: Record<string, unknown>[] }).payloads;
  return payloads.flatMap((payload) => {
    const outcome = zigbee2mqttDecoder.decode(payload, { gatewayId, receivedAt: '1970-01-01T00:00:00.000Z' });
    return outcome.ok ? outcome.readings.map(({ gatewayId: _g, receivedAt: _r, ...rest }) => rest) : [];
  });
}

/**
 * The real agent process with simulated meters, behind a relay the test cuts, killed with SIGKILL and restarted.
 * "Sent" is what the agent made durable: its outbox numbers every such frame, and after each kill the test reads the
 * frames still pending there. At the end every frame the outbox ever numbered must be stored once, at its revision,
 * with the readings the outbox's payloads decode to.
 */
describe('link under cuts and agent kills (processes)', () => {
  let backend: SqlBackend;
  let link: LinkHarness;
  let proxy: CuttingProxy;
  let dir: string;

  beforeAll(async () => {
    assertCliBuilt();
    backend = await openBackend('pglite', 'link-chaos');
    link = await startLinkHarness(backend.store, {}, { decoders: decoderLookup() });
    proxy = await CuttingProxy.start(link.port);
    dir = await mkdtemp(join(tmpdir(), 'wattlog-chaos-'));
  });
  afterAll(async () => {
    await proxy.close();
    await link.close();
    await backend.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  async function writeConfig(
    name: string,
    gatewayId: string,
    adapter: Record<string, unknown> | undefined,
  ): Promise<string> {
    const config = {
      server: { host: '127.0.0.1', port: proxy.port },
      gatewayId,
      keyFile: 'gw.key',
      networkType: 'zigbee2mqtt',
      outbox: { dir: 'outbox', maxBytes: OUTBOX_BYTES },
      batchIntervalMs: 10,
      ...(adapter ? { adapter } : {}),
    };
    await writeFile(join(dir, name), JSON.stringify(config));
    return join(dir, name);
  }

  /** The agent is dead: what its outbox holds unacked, by sequence. */
  async function pendingFrames(): Promise<{ next: number; frames: Map<number, OutboxEntry> }> {
    const outbox = await DurableOutbox.open<OutboxEntry>(join(dir, 'outbox'), { maxBytes: OUTBOX_BYTES });
    try {
      const pending = await outbox.readPending(
        outbox.firstPendingSequence,
        Number.MAX_SAFE_INTEGER,
        Number.MAX_SAFE_INTEGER,
      );
      return { next: outbox.nextSequence, frames: new Map(pending.map((p) => [p.seq, p.entry])) };
    } finally {
      await outbox.close();
    }
  }

  it(`stores every frame the agent made durable exactly once over ${CYCLES} cycles of link cuts and SIGKILLs`, async () => {
    const { id: gatewayId, key } = link.aGateway('zigbee2mqtt');
    await writeFile(join(dir, 'gw.key'), key.toString('hex'));
    await chmod(join(dir, 'gw.key'), 0o600);
    const running = await writeConfig('gateway.json', gatewayId, { kind: 'simulated', meters: 3, intervalMs: 20 });
    const draining = await writeConfig('drain.json', gatewayId, undefined);
    const start = (config: string): ChildProcess => spawnCli(['agent', '--config', config], { LOG_LEVEL: 'warn' });
    const stream = readingsStream(gatewayId);
    const stored = (): Promise<RecordedEvent[]> => backend.store.readStream(stream);
    const seenPending = new Map<number, OutboxEntry>();
    let cuts = 0;
    let kills = 0;

    let agent = start(running);
    let cutSession: string | undefined;
    const liveSession = () =>
      link.server.sessions().find((s) => s.gatewayId === gatewayId && s.open && s.sessionId !== cutSession);
    /** A session newer than the last one cut: the agent reconnected. */
    const online = (): Promise<void> => waitFor(() => liveSession() !== undefined, 15_000, 'the agent online');
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      // Each cycle hits a live, streaming link at a random point.
      await online();
      await sleep(50 + Math.floor(Math.random() * 250));
      cutSession = liveSession()?.sessionId;
      if (proxy.cutAll() > 0) cuts++;
      if (cycle % 2 === 1) {
        agent.kill('SIGKILL');
        await exited(agent);
        kills++;
        for (const [seq, entry] of (await pendingFrames()).frames) seenPending.set(seq, entry);
        agent = start(running);
      }
    }
    // Up and streaming again before the clean stop, so SIGTERM meets the agent's own handler.
    await online();
    agent.kill('SIGTERM');
    await exited(agent);
    expect(agent.exitCode).toBe(0);

    const { next: framesMade } = await pendingFrames();
    const drain = start(draining);
    try {
      let count = 0;
      const deadline = Date.now() + 30_000;
      while ((count = (await stored()).length) < framesMade && Date.now() < deadline) await sleep(100);
      expect(count).toBe(framesMade);
    } finally {
      drain.kill('SIGTERM');
      await exited(drain);
    }
    await waitFor(() => link.server.sessions().length === 0, 5000, 'sessions closed');

    const events = await stored();
    expect(cuts).toBe(CYCLES);
    expect(kills).toBe(CYCLES / 2);
    expect(framesMade).toBeGreaterThan(CYCLES * 2);
    expect(events.map((e) => e.revision)).toEqual([...Array(framesMade).keys()]);
    expect(
      events.every((e) => e.type === 'ReadingsReported' && (e.data as { sequence: number }).sequence === e.revision),
    ).toBe(true);
    for (const [seq, entry] of seenPending) {
      expect({ seq, readings: readingsIn(events[seq]!) }).toEqual({
        seq,
        readings: expectedReadings(entry, gatewayId),
      });
    }
    const keys = events.flatMap(readingsIn).map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(CYCLES * 40);
  }, 180_000);
});
