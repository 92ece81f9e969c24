import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { CanonicalReading } from '../../domain/metering/canonical-reading.js';
import type { NodeEventReport } from '../../application/ports/frame-source.port.js';
import { VIRTUAL_DEVICE_PROFILES } from './virtual-device-profiles.js';
import type { VirtualDevice } from './virtual-device.js';
import { ZigbeePayloadDecoder } from './zigbee-payload.decoder.js';
import { parseZigbeeSettings } from './zigbee-settings.js';
import { ZigbeeSource } from './zigbee.source.js';

const IKEA = VIRTUAL_DEVICE_PROFILES['ikea-inspelning'].ieee;
const DEVELCO = VIRTUAL_DEVICE_PROFILES['develco-zhemi101'].ieee;
const TUYA = VIRTUAL_DEVICE_PROFILES['tuya-ts011f'].ieee;
const SONOFF = VIRTUAL_DEVICE_PROFILES['sonoff-snzb02'].ieee;

async function until(what: string, condition: () => boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('ZigbeeSource: herdsman Controller on the virtual coordinator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wattlog-zigbee-'));
  const pushed: Record<string, unknown>[] = [];
  const events: NodeEventReport[] = [];
  const sink = {
    push: (payload: unknown) => {
      // What crosses the link is JSON.
      pushed.push(JSON.parse(JSON.stringify(payload)) as Record<string, unknown>);
      return true;
    },
    nodeEvent: (report: NodeEventReport) => events.push(report),
  };
  const source = new ZigbeeSource(
    parseZigbeeSettings({
      kind: 'zigbee',
      databasePath: join(dir, 'zigbee', 'database.db'),
      virtual: {
        devices: ['ikea-inspelning', 'develco-zhemi101', 'tuya-ts011f', 'sonoff-snzb02'],
        permitJoinSeconds: 0,
        simulateSeconds: 0,
      },
    }),
    { logger: pino({ level: 'silent' }) },
  );
  const decoder = new ZigbeePayloadDecoder();
  const device = (ieee: string): VirtualDevice => {
    const found = source.virtualCoordinator?.device(ieee);
    if (!found) throw new Error(`no virtual device ${ieee}`);
    return found;
  };
  const reporting = (ieee: string): string[] =>
    device(ieee).reportingConfigurations.map((r) => `${r.cluster}.${r.attribute}`);

  /** Runs `act`, waits for `count` new payloads, and decodes them as the server would. */
  async function readingsAfter(count: number, act: () => unknown): Promise<Map<string, CanonicalReading>> {
    const from = pushed.length;
    await act();
    await until(`${count} payloads`, () => pushed.length >= from + count);
    const payloads = pushed.slice(from);
    await decoder.prepare(payloads);
    const readings = new Map<string, CanonicalReading>();
    for (const payload of payloads) {
      const outcome = decoder.decode(payload, { gatewayId: 'gw-test', receivedAt: new Date().toISOString() });
      if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
      for (const reading of outcome.readings) readings.set(reading.sensorId, reading);
    }
    return readings;
  }

  beforeAll(async () => {
    await source.start(sink);
  });

  afterAll(async () => {
    await source.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets devices join only while joining is permitted, and interviews them with their real definitions', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.filter((e) => e.event === 'joined')).toHaveLength(0);

    await source.permitJoin(30);
    await until('four interviews', () => events.filter((e) => e.event === 'interviewed').length === 4);

    const interviewed = new Map(events.filter((e) => e.event === 'interviewed').map((e) => [e.nodeId, e.detail]));
    expect(interviewed.get(`zigbee:${IKEA}`)).toEqual({
      model: 'E22xx',
      vendor: 'IKEA',
      firmware: '2.4.45',
      supported: true,
      configured: true,
    });
    expect(interviewed.get(`zigbee:${DEVELCO}`)).toEqual({
      model: 'ZHEMI101',
      vendor: 'Develco',
      firmware: '3.1.2',
      supported: true,
      configured: true,
    });
    expect(interviewed.get(`zigbee:${TUYA}`)).toMatchObject({
      model: 'TS011F_plug_1',
      vendor: 'Tuya',
      supported: true,
      configured: true,
    });
    expect(interviewed.get(`zigbee:${SONOFF}`)).toMatchObject({
      model: 'SNZB-02',
      vendor: 'SONOFF',
      supported: true,
      configured: true,
    });
    expect(
      events
        .filter((e) => e.event === 'joined')
        .map((e) => e.nodeId)
        .sort(),
    ).toEqual([IKEA, DEVELCO, TUYA, SONOFF].map((i) => `zigbee:${i}`).sort());
  });

  it("runs each definition's configure: the devices saw bind and configureReporting", () => {
    expect(reporting(DEVELCO)).toEqual(['seMetering.instantaneousDemand']);
    expect(reporting(SONOFF)).toEqual(expect.arrayContaining(['msTemperatureMeasurement.measuredValue']));
    expect(device(IKEA).boundClusters(1)).toEqual(
      expect.arrayContaining(['genOnOff', 'haElectricalMeasurement', 'seMetering']),
    );
    expect(reporting(IKEA)).toEqual(
      expect.arrayContaining([
        'genOnOff.onOff',
        'haElectricalMeasurement.activePower',
        'haElectricalMeasurement.rmsVoltage',
        'haElectricalMeasurement.acPowerDivisor',
      ]),
    );
    expect(device(DEVELCO).boundClusters(2)).toEqual(['seMetering']);
    expect(device(TUYA).boundClusters(1)).toEqual(
      expect.arrayContaining(['genOnOff', 'haElectricalMeasurement', 'seMetering']),
    );
    expect(reporting(TUYA)).toEqual(
      expect.arrayContaining(['seMetering.currentSummDelivered', 'haElectricalMeasurement.rmsCurrent']),
    );
    expect(device(SONOFF).boundClusters(1)).toEqual(expect.arrayContaining(['msTemperatureMeasurement']));
  });

  it('pushes attribute reports that decode to W, kWh, V, A and °C with the devices’ multipliers and divisors', async () => {
    const readings = await readingsAfter(6, () => {
      device(IKEA).set(1, 'haElectricalMeasurement', { activePower: 1234, rmsVoltage: 2314, rmsCurrent: 540 });
      device(IKEA).set(1, 'seMetering', { currentSummDelivered: 45678 });
      device(DEVELCO).set(2, 'seMetering', { currentSummDelivered: 987654, instantaneousDemand: 1520 });
      device(TUYA).set(1, 'haElectricalMeasurement', { activePower: 410, rmsVoltage: 229, rmsCurrent: 1850 });
      device(TUYA).set(1, 'seMetering', { currentSummDelivered: 12345 });
      device(SONOFF).set(1, 'msTemperatureMeasurement', { measuredValue: 2145 });
    });
    const value = (sensorId: string): number | undefined => readings.get(sensorId)?.value;

    // INSPELNING: power in 0.1 W, voltage in 0.1 V, current in mA, energy in Wh (divisors 10, 10, 1000, 1000).
    expect(value(`zigbee:${IKEA}/1/power`)).toBeCloseTo(1234 / 10, 9);
    expect(value(`zigbee:${IKEA}/1/voltage`)).toBeCloseTo(2314 / 10, 9);
    expect(value(`zigbee:${IKEA}/1/current`)).toBeCloseTo(540 / 1000, 9);
    expect(value(`zigbee:${IKEA}/1/energyImported`)).toBeCloseTo(45678 / 1000, 9);
    // ZHEMI101: kWh and kW with multiplier 1 / divisor 1000; power is W.
    expect(value(`zigbee:${DEVELCO}/2/energyImported`)).toBeCloseTo(987654 / 1000, 9);
    expect(value(`zigbee:${DEVELCO}/2/power`)).toBeCloseTo((1520 / 1000) * 1000, 9);
    // TS011F: W and V unscaled, mA, and energy in 0.01 kWh.
    expect(value(`zigbee:${TUYA}/1/power`)).toBe(410);
    expect(value(`zigbee:${TUYA}/1/voltage`)).toBe(229);
    expect(value(`zigbee:${TUYA}/1/current`)).toBeCloseTo(1850 / 1000, 9);
    expect(value(`zigbee:${TUYA}/1/energyImported`)).toBeCloseTo(12345 / 100, 9);
    expect(value(`zigbee:${SONOFF}/1/temperature`)).toBeCloseTo(2145 / 100, 9);

    const power = readings.get(`zigbee:${IKEA}/1/power`);
    expect(power).toMatchObject({
      nodeId: `zigbee:${IKEA}`,
      gatewayId: 'gw-test',
      quantity: 'power',
      unit: 'W',
      source: { protocol: 'zigbee', cluster: 'haElectricalMeasurement', model: 'E22xx' },
    });
    expect(readings.get(`zigbee:${DEVELCO}/2/energyImported`)?.unit).toBe('kWh');
    expect(readings.get(`zigbee:${SONOFF}/1/temperature`)?.unit).toBe('Cel');
  });

  it('follows a divisor the device changes at run time', async () => {
    await readingsAfter(2, () => {
      device(IKEA).set(1, 'haElectricalMeasurement', { acPowerDivisor: 1 });
      device(DEVELCO).set(2, 'seMetering', { divisor: 100 });
    });
    const readings = await readingsAfter(2, () => {
      device(IKEA).set(1, 'haElectricalMeasurement', { activePower: 1500 });
      device(DEVELCO).set(2, 'seMetering', { currentSummDelivered: 5000 });
    });
    expect(readings.get(`zigbee:${IKEA}/1/power`)?.value).toBe(1500);
    expect(readings.get(`zigbee:${DEVELCO}/2/energyImported`)?.value).toBeCloseTo(5000 / 100, 9);
  });

  it('switches a plug through genOnOff and decodes the reported state', async () => {
    const off = await readingsAfter(1, () => source.setOnOff(TUYA, 1, 'off'));
    expect(device(TUYA).value(1, 'genOnOff', 'onOff')).toBe(0);
    expect(off.get(`zigbee:${TUYA}/1/switchState`)).toMatchObject({ value: 0, unit: '1' });
    const toggled = await readingsAfter(1, () => source.setOnOff(IKEA, 1, 'toggle'));
    expect(toggled.get(`zigbee:${IKEA}/1/switchState`)?.value).toBe(0);
    await expect(source.setOnOff('0x0000000000000bad', 1, 'on')).rejects.toThrow('no ZigBee device 0x0000000000000bad');
  });

  it('reports a device that leaves', async () => {
    source.virtualCoordinator?.leave(SONOFF);
    await until('left event', () => events.some((e) => e.event === 'left'));
    expect(events.filter((e) => e.event === 'left').map((e) => e.nodeId)).toEqual([`zigbee:${SONOFF}`]);
  });
});

describe('ZigbeeSource on a real coordinator address', () => {
  it('fails to start in one line when the coordinator does not answer', async () => {
    // A port that was just free on loopback: nothing listens there.
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const dir = mkdtempSync(join(tmpdir(), 'wattlog-zigbee-'));
    const path = `tcp://127.0.0.1:${port}`;
    const source = new ZigbeeSource(
      parseZigbeeSettings({
        databasePath: join(dir, 'database.db'),
        serialPort: { path, adapter: 'zstack' },
        networkKey: '0f'.repeat(16),
      }),
      { logger: pino({ level: 'silent' }) },
    );
    const events: NodeEventReport[] = [];
    await expect(source.start({ push: () => true, nodeEvent: (e) => events.push(e) })).rejects.toThrow(
      `zigbee coordinator ${path} did not start:`,
    );
    expect(events).toEqual([]);
    await expect(source.permitJoin(10)).rejects.toThrow('the zigbee source is not started');
    rmSync(dir, { recursive: true, force: true });
  });
});
