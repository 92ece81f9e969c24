import type { CanonicalReading } from '../../canonical-reading.js';
import type { DecodeContext, DecodeOutcome } from '../payload-decoder.js';
import { zigbee2mqttDecoder } from './zigbee2mqtt.decoder.js';

const context: DecodeContext = { gatewayId: 'gw-7', receivedAt: '2025-03-01T12:00:05.000Z' };
const PLUG = '0xa4c138d2e5f60718';

function readingsOf(outcome: DecodeOutcome): readonly CanonicalReading[] {
  if (!outcome.ok) throw new Error(`expected readings, got ${outcome.reason}: ${outcome.message}`);
  return outcome.readings;
}

/** sensorId → value, the shape most assertions care about. */
function valuesOf(outcome: DecodeOutcome): Record<string, number> {
  return Object.fromEntries(readingsOf(outcome).map((r) => [r.sensorId, r.value]));
}

function reasonOf(outcome: DecodeOutcome): string {
  if (outcome.ok) throw new Error(`expected a refusal, got ${outcome.readings.length} readings`);
  expect(outcome.message).not.toContain('\n');
  return outcome.reason;
}

function device(topic: string, message: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind: 'zigbee2mqtt', topic, message, ...extra };
}

describe('zigbee2mqttDecoder', () => {
  it('decodes what the simulated meters send', () => {
    const outcome = zigbee2mqttDecoder.decode(
      device(
        'zigbee2mqtt/meter-1',
        { power: 412.5, energy: 1000.25, voltage: 231.4, current: 1.78, linkquality: 120 },
        { measuredAt: '2025-03-01T12:00:00.000Z' },
      ),
      context,
    );
    const node = 'zigbee2mqtt:gw-7/meter-1';
    expect(valuesOf(outcome)).toEqual({
      [`${node}/power`]: 412.5,
      [`${node}/energyImported`]: 1000.25,
      [`${node}/voltage`]: 231.4,
      [`${node}/current`]: 1.78,
    });
    for (const reading of readingsOf(outcome)) {
      expect(reading).toMatchObject({
        nodeId: node,
        gatewayId: 'gw-7',
        measuredAt: '2025-03-01T12:00:00.000Z',
        receivedAt: context.receivedAt,
      });
      expect(reading.phase).toBeUndefined();
    }
  });

  it('decodes a Tuya TS011F plug under its IEEE node id, with units and source fields', () => {
    const message = {
      child_lock: 'UNLOCK',
      current: 0.16,
      energy: 12.53,
      indicator_mode: 'off/on',
      linkquality: 156,
      power: 24,
      power_outage_memory: 'restore',
      state: 'ON',
      voltage: 231,
    };
    const readings = readingsOf(
      zigbee2mqttDecoder.decode(device('zigbee2mqtt/living-room plug', message, { ieee: PLUG }), context),
    );
    expect(readings.map((r) => [r.sensorId, r.quantity, r.unit, r.value, r.source.field])).toEqual([
      [`zigbee:${PLUG}/current`, 'current', 'A', 0.16, 'current'],
      [`zigbee:${PLUG}/energyImported`, 'energyImported', 'kWh', 12.53, 'energy'],
      [`zigbee:${PLUG}/power`, 'power', 'W', 24, 'power'],
      [`zigbee:${PLUG}/switchState`, 'switchState', '1', 1, 'state'],
      [`zigbee:${PLUG}/voltage`, 'voltage', 'V', 231, 'voltage'],
    ]);
    expect(readings.every((r) => r.nodeId === `zigbee:${PLUG}` && r.source.protocol === 'zigbee2mqtt')).toBe(true);
    expect(readings.every((r) => r.measuredAt === context.receivedAt)).toBe(true);
  });

  it('writes the IEEE address the way herdsman does, whatever case zigbee2mqtt used', () => {
    const readings = readingsOf(
      zigbee2mqttDecoder.decode(device('zigbee2mqtt/p', { power: 5 }, { ieee: '0xA4C138D2E5F60718' }), context),
    );
    expect(readings[0]?.sensorId).toBe(`zigbee:${PLUG}/power`);
  });

  it('reads an IKEA INSPELNING that is off, ignoring the nested firmware-update state', () => {
    const message = {
      current: 0,
      energy: 3.71,
      identify: null,
      linkquality: 87,
      power: 0,
      power_on_behavior: 'previous',
      state: 'OFF',
      update: { installed_version: 33816881, latest_version: 33816881, state: 'idle' },
      voltage: 234.5,
    };
    expect(
      valuesOf(
        zigbee2mqttDecoder.decode(device('zigbee2mqtt/dishwasher', message, { ieee: '0x588e81fffe2b3c4d' }), context),
      ),
    ).toEqual({
      'zigbee:0x588e81fffe2b3c4d/current': 0,
      'zigbee:0x588e81fffe2b3c4d/energyImported': 3.71,
      'zigbee:0x588e81fffe2b3c4d/power': 0,
      'zigbee:0x588e81fffe2b3c4d/switchState': 0,
      'zigbee:0x588e81fffe2b3c4d/voltage': 234.5,
    });
  });

  it('reads a Develco ZHEMI101 on an electricity meter: imported and produced energy, no battery reading', () => {
    const message = {
      battery_low: false,
      check_meter: false,
      energy: 4512.345,
      interface_mode: 'electricity',
      linkquality: 72,
      power: 1320,
      produced_energy: 102.4,
      pulse_configuration: 1000,
    };
    const readings = readingsOf(
      zigbee2mqttDecoder.decode(device('zigbee2mqtt/main meter', message, { ieee: '0x0015bc001a01aa11' }), context),
    );
    expect(readings.map((r) => [r.quantity, r.value])).toEqual([
      ['energyImported', 4512.345],
      ['power', 1320],
      ['energyExported', 102.4],
    ]);
  });

  it('reads a temperature sensor and leaves its battery voltage (mV) out', () => {
    const message = {
      battery: 91,
      humidity: 45.2,
      linkquality: 102,
      power_outage_count: 3,
      pressure: 1003.4,
      temperature: 21.37,
      voltage: 2985,
    };
    const readings = readingsOf(
      zigbee2mqttDecoder.decode(device('zigbee2mqtt/hall/climate', message, { ieee: '0x00158d0001a2b3c4' }), context),
    );
    expect(readings.map((r) => [r.sensorId, r.unit, r.value])).toEqual([
      ['zigbee:0x00158d0001a2b3c4/temperature', 'Cel', 21.37],
    ]);
  });

  it('gives a three-phase meter L1/L2/L3 sensors, and keeps energy and frequency unphased', () => {
    const message = {
      ac_frequency: 50.02,
      current: 1.2,
      current_phase_b: 0.4,
      current_phase_c: 2.1,
      energy: 5321.2,
      linkquality: 60,
      power: 270,
      power_factor: 0.95,
      power_phase_b: 90,
      power_phase_c: 480,
      produced_energy: 12.5,
      voltage: 230.1,
      voltage_phase_b: 229.8,
      voltage_phase_c: 231,
    };
    const readings = readingsOf(
      zigbee2mqttDecoder.decode(device('zigbee2mqtt/house 3ph', message, { ieee: '0x842e14fffe0a1b2c' }), context),
    );
    const byPhase = readings.map((r) => `${r.quantity}${r.phase ? `.${r.phase}` : ''}=${r.value}`).sort();
    expect(byPhase).toEqual(
      [
        'current.L1=1.2',
        'current.L2=0.4',
        'current.L3=2.1',
        'energyExported=12.5',
        'energyImported=5321.2',
        'frequency=50.02',
        'power.L1=270',
        'power.L2=90',
        'power.L3=480',
        'voltage.L1=230.1',
        'voltage.L2=229.8',
        'voltage.L3=231',
      ].sort(),
    );
    expect(readings.find((r) => r.source.field === 'voltage_phase_c')?.sensorId).toBe(
      'zigbee:0x842e14fffe0a1b2c/voltage.L3',
    );
    expect(readings.find((r) => r.source.field === 'ac_frequency')?.unit).toBe('Hz');
  });

  it('keeps tariff counters apart', () => {
    const readings = readingsOf(
      zigbee2mqttDecoder.decode(
        device('zigbee2mqtt/m', { energy_tier_1: 10.5, energy_tier_2: 4.25, produced_energy_tier_2: 1 }),
        context,
      ),
    );
    expect(readings.map((r) => [r.sensorId, r.tariff])).toEqual([
      ['zigbee2mqtt:gw-7/m/energyImported.t1', 1],
      ['zigbee2mqtt:gw-7/m/energyImported.t2', 2],
      ['zigbee2mqtt:gw-7/m/energyExported.t2', 2],
    ]);
  });

  it('puts each relay of a multi-gang switch on its own channel', () => {
    const message = { linkquality: 200, state_l1: 'ON', state_l2: 'OFF', state_usb: 'on', power_on_behavior_l1: 'off' };
    expect(valuesOf(zigbee2mqttDecoder.decode(device('zigbee2mqtt/desk', message, { ieee: PLUG }), context))).toEqual({
      [`zigbee:${PLUG}/l1/switchState`]: 1,
      [`zigbee:${PLUG}/l2/switchState`]: 0,
      [`zigbee:${PLUG}/usb/switchState`]: 1,
    });
  });

  it('skips non-numeric, non-finite and unknown values instead of refusing the message', () => {
    const message = {
      power: '24',
      energy: Number.POSITIVE_INFINITY,
      voltage: Number.NaN,
      current: null,
      temperature: true,
      state: 'TOGGLE',
      constructor: 5,
      frequency: 49.98,
    };
    expect(valuesOf(zigbee2mqttDecoder.decode(device('zigbee2mqtt/odd', message), context))).toEqual({
      'zigbee2mqtt:gw-7/odd/frequency': 49.98,
    });
  });

  it('accepts a message holding only linkquality as zero readings', () => {
    expect(readingsOf(zigbee2mqttDecoder.decode(device('zigbee2mqtt/remote', { linkquality: 44 }), context))).toEqual(
      [],
    );
  });

  it('normalises measuredAt to UTC', () => {
    const readings = readingsOf(
      zigbee2mqttDecoder.decode(
        device('zigbee2mqtt/p', { power: 1 }, { measuredAt: '2025-03-01T13:00:00+01:00' }),
        context,
      ),
    );
    expect(readings[0]?.measuredAt).toBe('2025-03-01T12:00:00.000Z');
  });

  it('takes the friendly name after a base topic that contains slashes', () => {
    const readings = readingsOf(
      zigbee2mqttDecoder.decode(device('home/z2m/kitchen/plug', { power: 7 }, { baseTopic: 'home/z2m' }), context),
    );
    expect(readings[0]?.nodeId).toBe('zigbee2mqtt:gw-7/kitchen/plug');
  });

  it.each([
    ['a bridge topic', device('zigbee2mqtt/bridge/devices', []), 'not_a_device_message'],
    ['a bridge state object', device('zigbee2mqtt/bridge/state', { state: 'online' }), 'not_a_device_message'],
    ['a /set echo', device('zigbee2mqtt/plug/set', { state: 'ON' }), 'not_a_device_message'],
    ['an availability message', device('zigbee2mqtt/plug/availability', { state: 'offline' }), 'not_a_device_message'],
    ['a string message', device('zigbee2mqtt/plug', 'ON'), 'not_a_device_message'],
    ['an array message', device('zigbee2mqtt/plug', [1, 2]), 'not_a_device_message'],
    ['a missing message', device('zigbee2mqtt/plug', undefined), 'not_a_device_message'],
    ['another kind', { kind: 'dsmr', topic: 'zigbee2mqtt/plug', message: {} }, 'wrong_kind'],
    ['a topic without a name', device('zigbee2mqtt', { power: 1 }), 'bad_topic'],
    ['a numeric topic', device('zigbee2mqtt/plug', { power: 1 }, { topic: 42 }), 'bad_topic'],
    ['a topic outside the base', device('other/plug', { power: 1 }, { baseTopic: 'zigbee2mqtt' }), 'bad_topic'],
    ['a short ieee', device('zigbee2mqtt/plug', { power: 1 }, { ieee: '0x1234' }), 'bad_ieee'],
    ['a numeric ieee', device('zigbee2mqtt/plug', { power: 1 }, { ieee: 1234 }), 'bad_ieee'],
    ['a date without time', device('zigbee2mqtt/plug', { power: 1 }, { measuredAt: '2025-03-01' }), 'bad_measured_at'],
    [
      'an impossible date',
      device('zigbee2mqtt/plug', { power: 1 }, { measuredAt: '2025-13-45T99:99:00Z' }),
      'bad_measured_at',
    ],
  ])('refuses %s', (_label, payload, reason) => {
    expect(reasonOf(zigbee2mqttDecoder.decode(payload, context))).toBe(reason);
  });

  it('never throws, even when reading the payload throws', () => {
    const hostile = Object.defineProperty(device('zigbee2mqtt/plug', {}), 'message', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    expect(reasonOf(zigbee2mqttDecoder.decode(hostile, context))).toBe('decoder_error');
  });
});
