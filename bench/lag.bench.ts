import { randomUUID } from 'node:crypto';
import { readingsProjection } from '../src/application/metering/readings-read-model/readings.projection.js';
import { ProjectionSupervisor, projectionIdleMs } from '../src/application/projections/projection-supervisor.js';
import { PostgresEventStore } from '../src/infrastructure/event-store/postgres/postgres-event-store.adapter.js';
import { decoderLookup } from '../src/infrastructure/protocols/payload-decoders.js';
import { openBenchSchema, percentile } from './bench-postgres.js';
import { CPU_COUNTS, CpuTally, startCpuWindow } from './cpu-per-unit.js';
import { STEAL_COUNTS, stealMeter } from './host-steal.js';

const READINGS_PER_EVENT = 100;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One gateway frame's event: 99 meter readings and one marker whose sensor id names the frame. */
function frame(gateway: number, sequence: number, marker: string, at: string): Record<string, unknown> {
  const readings = Array.from({ length: READINGS_PER_EVENT - 1 }, (_, i) => ({
    sensorId: `zigbee:0x${String(gateway).padStart(8, '0')}${String(i).padStart(8, '0')}/1/power`,
    nodeId: `zigbee:0x${String(gateway).padStart(8, '0')}${String(i).padStart(8, '0')}`,
    quantity: 'power',
    unit: 'W',
    value: 100 + ((sequence + i) % 900),
    measuredAt: at,
    source: { protocol: 'zigbee' },
  }));
  readings.push({
    sensorId: marker,
    nodeId: 'lag:marker',
    quantity: 'power',
    unit: 'W',
    value: sequence,
    measuredAt: at,
    source: { protocol: 'zigbee' },
  });
  return { gatewayId: `lag-gw-${gateway}`, sequence, networkType: 'zigbee', readings, receivedAt: at };
}

/**
 * Readings appended at a steady rate (one frame event of 100 readings at a time, postgres store) while the readings
 * projection runs as in the server; a watcher polls readings_latest for each frame's marker sensor. Side by side, the
 * same watcher timing a marker row written straight into readings_latest: the floor set by polling itself.
 */
export async function runLagBench(options: {
  seconds: number;
  readingsPerSecond: number;
}): Promise<Record<string, unknown>> {
  const bench = await openBenchSchema();
  const store = new PostgresEventStore(bench.db);
  const failures: unknown[] = [];
  // The server's own settings (src/interfaces/http/http-server.ts): batches of 1000, woken by append notifications.
  const supervisor = new ProjectionSupervisor(store, bench.db, [readingsProjection({ decoders: decoderLookup() })], {
    batchSize: 1000,
    idleMs: projectionIdleMs(store),
    standbyMs: 2000,
    onError: (_projection, error) => failures.push(error),
  });
  const appendedAt = new Map<string, number>();
  const lags: number[] = [];
  const floor: number[] = [];
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const rows = await bench.db.query<{ sensor_id: string }>(
        `SELECT sensor_id FROM readings_latest WHERE node_id = 'lag:marker'`,
      );
      const now = performance.now();
      for (const { sensor_id } of rows) {
        const at = appendedAt.get(sensor_id);
        if (at === undefined) continue;
        appendedAt.delete(sensor_id);
        (sensor_id.startsWith('floor/') ? floor : lags).push(now - at);
      }
      await sleep(2);
    }
  })();
  supervisor.start();
  try {
    const eventsPerSecond = options.readingsPerSecond / READINGS_PER_EVENT;
    const intervalMs = 1000 / eventsPerSecond;
    const started = performance.now();
    const steal = stealMeter();
    const cpuWindow = await startCpuWindow(bench.url);
    const sequences = new Map<number, number>();
    let sent = 0;
    process.stderr.write(
      `appending ${options.readingsPerSecond} readings/s for ${options.seconds} s with the readings projection running…\n`,
    );
    while (performance.now() - started < options.seconds * 1000) {
      const gateway = sent % 10;
      const sequence = sequences.get(gateway) ?? 0;
      sequences.set(gateway, sequence + 1);
      const marker = `lag/${sent}`;
      const at = new Date().toISOString();
      await store.append(
        `readings-lag-gw-${gateway}`,
        [
          {
            id: randomUUID(),
            type: 'ReadingsReported',
            data: frame(gateway, sequence, marker, at),
            metadata: { schemaVersion: 2 },
          },
        ],
        {
          expectedRevision: sequence === 0 ? 'no_stream' : sequence - 1,
        },
      );
      appendedAt.set(marker, performance.now());
      if (sent % 20 === 0) {
        const floorMarker = `floor/${sent}`;
        await bench.db.query(
          `INSERT INTO readings_latest (sensor_id, node_id, gateway_id, quantity, unit, value, measured_at, received_at, source)
           VALUES ($1, 'lag:marker', 'floor', 'power', 'W', 0, now(), now(), '{"protocol":"zigbee"}')`,
          [floorMarker],
        );
        appendedAt.set(floorMarker, performance.now());
      }
      sent++;
      const next = started + sent * intervalMs;
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = new CpuTally();
    cpu.add({ ...(await cpuWindow.end()), units: sent * READINGS_PER_EVENT });
    if (failures.length > 0) throw new Error(`the readings projection failed: ${String(failures[0])}`);
    const deadline = performance.now() + 10_000;
    while ([...appendedAt.keys()].some((k) => k.startsWith('lag/')) && performance.now() < deadline) await sleep(20);
    return {
      bench: 'lag',
      counts:
        'milliseconds from a durable append to its readings being visible in readings_latest, per frame event of 100 readings, projection running as in the server',
      readingsPerSecondAchieved: Math.round((sent * READINGS_PER_EVENT) / seconds),
      frames: sent,
      notSeen: [...appendedAt.keys()].filter((k) => k.startsWith('lag/')).length,
      p50Ms: Number(percentile(lags, 50).toFixed(1)),
      p99Ms: Number(percentile(lags, 99).toFixed(1)),
      baseline:
        'the same watcher timing a marker row inserted straight into readings_latest (the polling floor), same run',
      baselineP50Ms: Number(percentile(floor, 50).toFixed(1)),
      baselineP99Ms: Number(percentile(floor, 99).toFixed(1)),
      targetP99Ms: 500,
      met: percentile(lags, 99) < 500,
      hostStealPercent: steal(),
      hostSteal: STEAL_COUNTS,
      cpuCounts: `${CPU_COUNTS}; here the appender, the watcher and the projection share the server process, so server = all three`,
      cpuPerReadingAppended: cpu.perUnit('reading appended and projected'),
    };
  } finally {
    watching = false;
    await watcher;
    await supervisor.stop();
    await bench.drop();
  }
}
