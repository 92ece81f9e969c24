import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pino } from 'pino';
import type { GatewayKeyRing, LinkRefusalRecorder } from '../src/application/gateways/ports/gateway-key-ring.port.js';
import { PostgresEventStore } from '../src/infrastructure/event-store/postgres/postgres-event-store.adapter.js';
import { decoderLookup, installedDecoders } from '../src/infrastructure/protocols/payload-decoders.js';
import { createLinkServer } from '../src/interfaces/gateway-link/link-server.factory.js';
import type { DecoderLookup } from '../src/application/metering/ports/payload-decoders.port.js';
import { readingsProjection } from '../src/application/metering/readings-read-model/readings.projection.js';
import { catchUpOnce } from '../src/application/projections/catch-up-once.js';
import { CPU_COUNTS, CpuTally, startCpuWindow } from './cpu-per-unit.js';
import { compare, openBenchSchema, percentile, type BenchSchema } from './bench-postgres.js';
import { IngestBaseline } from './ingest-baseline.js';
import { IngestLoadDriver } from './ingest-load.driver.js';
import { benchNetworkType } from './ingest-payloads.js';
import { STEAL_COUNTS, stealMeter } from './host-steal.js';

export interface IngestBenchOptions {
  readonly seconds: number;
  readonly gateways: number;
  readonly payloadsPerFrame: number;
  readonly window: number;
  readonly idleSessions: number;
  /** Events per projection transaction when the readings projection catches up on what the ingest stored. */
  readonly projectionBatchSize: number;
}

/** The bench registers its gateways straight into the key ring; the link, ingest and store are the real ones. */
class BenchKeyRing implements GatewayKeyRing {
  readonly keys = new Map<string, Buffer>();
  keyFor(gatewayId: string): Buffer | undefined {
    return this.keys.get(gatewayId);
  }
  onRevoked(): () => void {
    return () => undefined;
  }
}

const noRefusals: LinkRefusalRecorder = { record: () => Promise.resolve() };

/** RSS after full collections, so the idle-session figures count live memory rather than garbage not yet collected. */
function settledRss(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().rss;
}

/**
 * Runs the readings projection over the whole log once: every frame the ingest stored, warm-up and drain included,
 * so its readings are counted from the log itself. Answers the seconds, the readings and the raw rows stored.
 */
async function projectStoredReadings(
  store: PostgresEventStore,
  bench: BenchSchema,
  decoders: DecoderLookup,
  batchSize: number,
): Promise<{ seconds: number; readings: number; rawRows: number }> {
  const [inLog] = await bench.db.query<{ n: string }>(
    `SELECT coalesce(sum(jsonb_array_length(data->'readings')), 0) AS n FROM events WHERE type = 'ReadingsReported'`,
  );
  const started = process.hrtime.bigint();
  await catchUpOnce(store, bench.db, readingsProjection({ decoders }), batchSize);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [raw] = await bench.db.query<{ n: string }>(
    'SELECT coalesce(sum(cardinality(value)), 0) AS n FROM readings_raw_chunks',
  );
  return { seconds, readings: Number(inLog?.n ?? 0), rawRows: Number(raw?.n ?? 0) };
}

/**
 * Simulated gateways stream frames over real TLS-PSK sessions on loopback into the real link server, which appends
 * each frame durably (postgres store) before acking, next to idle sessions opened first. Then: the same number of event
 * rows by COPY, and the readings projection over everything stored.
 */
export async function runIngestBench(options: IngestBenchOptions): Promise<Record<string, unknown>> {
  const bench = await openBenchSchema();
  const keyRing = new BenchKeyRing();
  const store = new PostgresEventStore(bench.db);
  const logger = pino({ level: 'silent' });
  const decoders = decoderLookup(installedDecoders(logger));
  const gatewayId = (g: number): string => `bench-gw-${g}`;
  const networkTypeOf = (id: string): string | undefined =>
    id.startsWith('bench-gw-') ? benchNetworkType(Number(id.slice(9))) : 'zigbee2mqtt';
  const baseline = IngestBaseline.build(options.gateways, options.payloadsPerFrame, networkTypeOf, decoders, gatewayId);
  const server = createLinkServer(
    { store, keyRing, refusals: noRefusals, networkTypeOf, decoders, logger },
    { host: '127.0.0.1', port: 0, idleTimeoutMs: 600_000 },
  );
  const load = IngestLoadDriver.start();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  const gateway = (id: string): { id: string; keyHex: string } => {
    const key = randomBytes(32);
    keyRing.keys.set(id, key);
    return { id, keyHex: key.toString('hex') };
  };
  try {
    const { port } = await server.listen();
    // Idle sessions first, while the process holds little else: after the ingest and the projection its heap shrinks
    // back over seconds, which would hide what the sessions add. They stay open while the others stream.
    process.stderr.write(`idle sessions: opening ${options.idleSessions}…\n`);
    const rssBeforeIdle = settledRss();
    const idleGateways = Array.from({ length: options.idleSessions }, (_, i) => gateway(`idle-gw-${i}`));
    const { open: idle, error } = await load.request({ type: 'idle', port, gateways: idleGateways }, 'idle');
    if (error) process.stderr.write(`${error}\n`);
    await new Promise((r) => setTimeout(r, 1000));
    const rssIdle = settledRss();
    const streaming = Array.from({ length: options.gateways }, (_, g) => gateway(gatewayId(g)));
    await load.request(
      { type: 'stream', port, gateways: streaming, payloadsPerFrame: options.payloadsPerFrame, window: options.window },
      'streaming',
    );
    await new Promise((r) => setTimeout(r, 2000));
    process.stderr.write(`ingest: ${options.gateways} gateways streaming for ${options.seconds} s…\n`);
    const steal = stealMeter();
    const cpuWindow = await startCpuWindow(bench.url);
    const measureOn = await load.request({ type: 'measure', on: true }, 'measuring');
    const started = process.hrtime.bigint();
    await new Promise((r) => setTimeout(r, options.seconds * 1000));
    const measureOff = await load.request({ type: 'measure', on: false }, 'measuring');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const ingestCpu = new CpuTally();
    const ingestSpent = await cpuWindow.end();
    const { framesPerGateway, latenciesMs: latencies } = await load.request({ type: 'stop' }, 'stopped');
    const frames = framesPerGateway.reduce((a, b) => a + b, 0);
    const readingsInWindow = baseline.readingsIn(framesPerGateway);
    ingestCpu.add({ ...ingestSpent, loadUs: measureOff.cpuMicros - measureOn.cpuMicros, units: readingsInWindow });
    await new Promise((r) => setTimeout(r, 500));
    const ingestRss = peakRss;

    process.stderr.write(`baseline: COPY of the same ${frames} event rows…\n`);
    const copyWindow = await startCpuWindow(bench.url);
    const copySeconds = await baseline.copy(bench, framesPerGateway, gatewayId);
    const copySpent = await copyWindow.end();
    const copyCpu = new CpuTally();
    copyCpu.add({ ...copySpent, units: readingsInWindow });
    const copyRowCpu = new CpuTally();
    copyRowCpu.add({ ...copySpent, units: frames });

    process.stderr.write('projection: the readings projection catching up on every event the ingest stored…\n');
    const projectionWindow = await startCpuWindow(bench.url);
    const projection = await projectStoredReadings(store, bench, decoders, options.projectionBatchSize);
    const projectionCpu = new CpuTally();
    projectionCpu.add({ ...(await projectionWindow.end()), units: projection.readings });

    const hostStealPercent = steal();
    const readings = readingsInWindow;
    const ingestPerReading = ingestCpu.perUnit('reading ingested');
    const copyPerReading = copyCpu.perUnit('reading in the COPY baseline', { server: false });
    const ingestRate = readings / seconds;
    const projectionRate = projection.readings / projection.seconds;
    return compare(
      {
        bench: 'ingest',
        events: readings,
        counts: `canonical readings decoded and durably appended per second (acked after the append); ${options.gateways} streaming TLS-PSK sessions next to the idle ones, half zigbee2mqtt bridges (${options.payloadsPerFrame} device messages per frame), half DSMR P1 readers (${Math.max(1, Math.round(options.payloadsPerFrame / 5))} telegrams per frame); postgres store`,
        seconds,
        baseline:
          'COPY of the same ReadingsReported event rows (same decoded readings, serialised before timing) into an identically indexed table, same Postgres, same run',
        baselineSeconds: copySeconds,
        target: 0.5,
      },
      {
        frames,
        framesPerSecond: Math.round(frames / seconds),
        p50FrameToAckMs: Number(percentile(latencies, 50).toFixed(2)),
        p99FrameToAckMs: Number(percentile(latencies, 99).toFixed(2)),
        window: options.window,
        peakRssMiBDuringIngest: Math.round(ingestRss / 1048576),
        idleSessionsTried: options.idleSessions,
        idleSessionsOpen: idle,
        rssMiBBeforeIdleSessions: Math.round(rssBeforeIdle / 1048576),
        rssMiBWithIdleSessions: Math.round(rssIdle / 1048576),
        rssMiBPerThousandIdleSessions:
          idle > 0 ? Number((((rssIdle - rssBeforeIdle) / 1048576 / idle) * 1000).toFixed(1)) : null,
        projection: `the real readings projection (latest, raw, 15m/1h/1d buckets) catching up on the events this ingest stored, ${options.projectionBatchSize} events per transaction; readings projected per second ÷ the ingest's readings per second`,
        projectionSeconds: Number(projection.seconds.toFixed(2)),
        readingsProjectedPerSecond: Math.round(projectionRate),
        readingsProjected: projection.readings,
        rawRowsStored: projection.rawRows,
        readingsIngestedPerSecond: Math.round(ingestRate),
        projectionToIngestRatio: Number((projectionRate / ingestRate).toFixed(2)),
        projectionTarget: 1.5,
        projectionMet: projectionRate / ingestRate >= 1.5,
        hostStealPercent,
        hostSteal: STEAL_COUNTS,
        cpuCounts: CPU_COUNTS,
        cpuPerReadingIngested: ingestPerReading,
        baselineCpuPerReadingCopied: copyPerReading,
        baselineCpuPerEventRowCopied: copyRowCpu.perUnit('event row in the COPY baseline', { server: false }),
        serverCpuToCopyPostgresCpu:
          ingestPerReading.serverUsPerUnit !== null && copyPerReading.postgresUsPerUnit
            ? Number((ingestPerReading.serverUsPerUnit / copyPerReading.postgresUsPerUnit).toFixed(2))
            : null,
        serverCpuToCopyPostgresCpuTarget:
          '<= 2 (server CPU per reading ingested ÷ Postgres CPU per reading of the COPY baseline)',
        cpuPerReadingProjected: projectionCpu.perUnit('reading projected'),
        note: 'RSS is the server process alone (link, ingest, store client); the gateways run in a separate load process',
      },
    );
  } finally {
    clearInterval(sampler);
    await load.close();
    await server.close();
    await bench.drop();
  }
}
