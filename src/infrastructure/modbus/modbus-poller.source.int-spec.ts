import type { FrameSink } from '../../application/ports/frame-source.port.js';
import type { CanonicalReading } from '../../domain/metering/canonical-reading.js';
import type { ModbusPayload } from '../../domain/metering/protocols/modbus/modbus-payload.js';
import { modbusDecoder } from '../../domain/metering/protocols/modbus/modbus.decoder.js';
import { pointKey } from '../../domain/metering/protocols/modbus/register-map.js';
import { captureLogs } from '#test/support/log-capture.js';
import { freePort } from '#test/support/free-port.js';
import { waitFor } from '#test/support/test-ids.js';
import { createModbusTcpSource } from './create-modbus-tcp-source.js';
import type { ModbusPollerSource } from './modbus-poller.source.js';
import { Sdm630Simulator } from './sdm630-simulator.js';

const HOUSE = {
  'voltage.L1': 231.4,
  'voltage.L2': 229.8,
  'voltage.L3': 230.6,
  'current.L1': 4.31,
  'current.L2': 0.87,
  'current.L3': 12.5,
  'power.L1': 960.2,
  'power.L2': 180.75,
  'power.L3': -2750.5,
  power: -1609.55,
  frequency: 50.02,
  energyImported: 18342.125,
  energyExported: 4021.75,
};

class CollectingSink implements FrameSink {
  readonly payloads: ModbusPayload[] = [];
  push(payload: unknown): boolean {
    this.payloads.push(payload as ModbusPayload);
    return true;
  }
  nodeEvent(): void {}
}

function decode(payload: ModbusPayload | undefined): Map<string, CanonicalReading> {
  const outcome = modbusDecoder.decode(payload as unknown as Record<string, unknown>, {
    gatewayId: 'gw-1',
    receivedAt: '2025-06-01T10:00:01.000Z',
  });
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}: ${outcome.message}`);
  return new Map(outcome.readings.map((r) => [pointKey(r), r]));
}

describe('ModbusPollerSource against a simulated SDM630', () => {
  let meter: Sdm630Simulator;
  let poller: ModbusPollerSource | undefined;
  let sink: CollectingSink;
  const logs = captureLogs();

  function startPoller(settings: Record<string, unknown> = {}, now?: () => Date): ModbusPollerSource {
    const source = createModbusTcpSource(
      {
        kind: 'modbus-tcp',
        host: meter.host,
        port: meter.port,
        unitId: 1,
        map: 'sdm630',
        intervalMs: 100,
        timeoutMs: 300,
        ...settings,
      },
      'modbus',
      undefined,
      { logger: logs.logger, backoff: { baseMs: 40, maxMs: 200 }, ...(now ? { now } : {}) },
    );
    poller = source;
    return source;
  }

  beforeEach(async () => {
    meter = await Sdm630Simulator.start({ values: HOUSE });
    sink = new CollectingSink();
  });

  afterEach(async () => {
    await poller?.stop();
    poller = undefined;
    await meter.stop();
  });

  it('pushes one payload per poll that decodes to the meter values within float32 precision', async () => {
    const now = () => new Date('2025-06-01T10:00:00.000Z');
    await startPoller({ device: 'house-main' }, now).start(sink);
    await waitFor(() => sink.payloads.length >= 1, 3000, 'a payload');
    const payload = sink.payloads[0]!;
    expect(payload).toMatchObject({
      kind: 'modbus',
      map: 'sdm630',
      unitId: 1,
      device: 'house-main',
      measuredAt: '2025-06-01T10:00:00.000Z',
    });
    expect(payload.blocks.map((b) => [b.start, b.words.length])).toEqual([
      [0x00, 0x12],
      [0x34, 0x18],
    ]);
    const readings = decode(payload);
    expect(readings.size).toBe(Object.keys(HOUSE).length);
    for (const [key, value] of Object.entries(HOUSE)) {
      expect(readings.get(key)?.value).toBe(Math.fround(value));
      expect(Math.abs((readings.get(key)?.value ?? Number.NaN) - value)).toBeLessThanOrEqual(
        Math.abs(value) * 2 ** -23,
      );
    }
    expect(readings.get('power.L3')?.nodeId).toBe('modbus:gw-1/house-main/1');
  });

  it('polls on its interval and picks up values changed on the meter', async () => {
    await startPoller().start(sink);
    await waitFor(() => sink.payloads.length >= 2, 3000, 'two payloads');
    meter.setValues({ energyImported: 18343.5, 'power.L1': 1500 });
    const before = sink.payloads.length;
    await waitFor(() => sink.payloads.length > before + 1, 3000, 'a payload after the change');
    const latest = decode(sink.payloads.at(-1));
    expect(latest.get('energyImported')?.value).toBe(Math.fround(18343.5));
    expect(latest.get('power.L1')?.value).toBe(1500);
  });

  it('reconnects after the meter goes away and comes back on the same port', async () => {
    const source = startPoller();
    await source.start(sink);
    await waitFor(() => sink.payloads.length >= 1, 3000, 'a first payload');
    await meter.stop();
    await waitFor(() => source.stats.consecutiveFailures >= 2, 3000, 'failed polls while the meter is down');
    const duringOutage = sink.payloads.length;
    meter.setValue('frequency', 49.9);
    await meter.restart();
    await waitFor(() => sink.payloads.length > duringOutage, 5000, 'a payload after the restart');
    expect(decode(sink.payloads.at(-1)).get('frequency')?.value).toBe(Math.fround(49.9));
    expect(source.stats).toMatchObject({ connects: 2, consecutiveFailures: 0 });
    expect(source.stats.disconnects).toBeGreaterThanOrEqual(1);
    expect(logs.counts.get('modbus poll failed|connect_failed')).toBeGreaterThanOrEqual(1);
    expect(logs.counts.get('modbus meter answering again|')).toBe(1);
  });

  it('counts timeouts and recovers when the meter answers in time again', async () => {
    meter.setResponseDelayMs(450);
    const source = startPoller({ intervalMs: 100, timeoutMs: 150 });
    await source.start(sink);
    await waitFor(() => source.stats.timeouts >= 3, 5000, 'three timeouts');
    expect(sink.payloads).toHaveLength(0);
    meter.setResponseDelayMs(0);
    await waitFor(() => sink.payloads.length >= 1, 5000, 'a payload once the meter is fast again');
    expect(logs.counts.get('modbus poll failed|timeout')).toBeGreaterThanOrEqual(3);
    expect(source.stats.consecutiveFailures).toBe(0);
  });

  it('never overlaps polls when the meter answers slower than the interval', async () => {
    meter.setResponseDelayMs(150);
    const source = startPoller({ intervalMs: 100, timeoutMs: 1000 });
    await source.start(sink);
    await waitFor(() => sink.payloads.length >= 3, 5000, 'three slow payloads');
    expect(meter.stats.maxConcurrentRequests).toBe(1);
    expect(source.stats).toMatchObject({ failures: 0, connects: 1 });
  });

  it('applies a new interval to the wait in progress', async () => {
    const source = startPoller({ intervalMs: 60_000 });
    await source.start(sink);
    await waitFor(() => sink.payloads.length === 1, 3000, 'the first payload');
    source.setIntervalMs(100);
    await waitFor(() => sink.payloads.length >= 3, 2000, 'payloads at the new interval');
    expect(source.pollIntervalMs).toBe(100);
  });

  it('takes a poll_interval configuration from the server and refuses any other', async () => {
    const source = startPoller({ intervalMs: 60_000 });
    await source.start(sink);
    await waitFor(() => sink.payloads.length === 1, 3000, 'the first payload');
    expect(
      await source.configure({ target: 'meter', settings: { change: { kind: 'poll_interval', seconds: 1 } } }),
    ).toEqual({ ok: true, detail: 'polling every 1 s' });
    expect(source.pollIntervalMs).toBe(1000);
    await waitFor(() => sink.payloads.length >= 2, 3000, 'a payload at the new interval');
    expect(
      (await source.configure({ target: 'meter', settings: { change: { kind: 'firmware_update', version: '1' } } })).ok,
    ).toBe(false);
    expect(
      (await source.configure({ target: 'meter', settings: { change: { kind: 'poll_interval', seconds: 0 } } })).ok,
    ).toBe(false);
    expect(source.pollIntervalMs).toBe(1000);
  });

  it('stops promptly with a poll in flight and pushes nothing after', async () => {
    meter.setResponseDelayMs(5000);
    const source = startPoller({ timeoutMs: 10_000 });
    await source.start(sink);
    await waitFor(() => meter.stats.requestsServed >= 1, 3000, 'a request at the meter');
    const started = Date.now();
    await source.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    meter.setResponseDelayMs(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.payloads).toHaveLength(0);
    expect(source.stats.failures).toBe(0);
  });

  it('keeps retrying a meter that is not there yet', async () => {
    const port = await freePort();
    const source = createModbusTcpSource(
      { kind: 'modbus-tcp', host: '127.0.0.1', port, map: 'sdm630', intervalMs: 100, timeoutMs: 200 },
      'modbus',
      undefined,
      {
        logger: logs.logger,
        backoff: { baseMs: 20, maxMs: 80 },
      },
    );
    poller = source;
    await source.start(sink);
    await waitFor(() => source.stats.failures >= 3, 3000, 'three failed connects');
    expect(source.stats).toMatchObject({ connects: 0, payloads: 0 });
  });
});
