import type { CanonicalReading } from '../../canonical-reading.js';
import type { DecodeOutcome } from '../payload-decoder.js';
import { float32Words } from './float32-words.js';
import { createModbusDecoder, modbusDecoder } from './modbus.decoder.js';
import { pointKey, type RegisterMap } from './register-map.js';
import { SDM630_REGISTER_MAP } from './sdm630.register-map.js';

const context = { gatewayId: 'gw-7', receivedAt: '2025-03-01T12:00:05.000Z' };
const NODE = 'modbus:gw-7/10.0.0.5:502/3';

/** A meter reading per point key, spread over several orders of magnitude and both signs. */
const VALUES: Readonly<Record<string, number>> = {
  'voltage.L1': 230.1,
  'voltage.L2': 229.4,
  'voltage.L3': 231.7,
  'current.L1': 5.25,
  'current.L2': 0.12,
  'current.L3': 16.003,
  'power.L1': 1200.4,
  'power.L2': 27.5,
  'power.L3': -3050.25,
  power: -1822.35,
  frequency: 49.98,
  energyImported: 12345.678,
  energyExported: 987.5,
};

/** The register blocks a poll of `map` would return when the meter holds `values` (unmapped registers read 0). */
function blocksFor(map: RegisterMap, values: Readonly<Record<string, number>>): { start: number; words: number[] }[] {
  return map.blocks.map((block) => {
    const words = new Array<number>(block.count).fill(0);
    for (const point of map.points) {
      const offset = point.address - block.start;
      if (offset < 0 || offset + 1 >= block.count) continue;
      [words[offset], words[offset + 1]] = float32Words(values[pointKey(point)] ?? 0);
    }
    return { start: block.start, words };
  });
}

function payload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'modbus',
    map: 'sdm630',
    unitId: 3,
    device: '10.0.0.5:502',
    blocks: blocksFor(SDM630_REGISTER_MAP, VALUES),
    measuredAt: '2025-03-01T13:00:00+01:00',
    ...overrides,
  };
}

function readingsOf(outcome: DecodeOutcome): readonly CanonicalReading[] {
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}: ${outcome.message}`);
  return outcome.readings;
}

function byKey(readings: readonly CanonicalReading[]): Map<string, CanonicalReading> {
  return new Map(readings.map((r) => [pointKey(r), r]));
}

describe('modbusDecoder', () => {
  it('decodes every SDM630 point to its float32 value in the canonical unit', () => {
    const readings = byKey(readingsOf(modbusDecoder.decode(payload(), context)));
    expect([...readings.keys()].sort()).toEqual(Object.keys(VALUES).sort());
    for (const [key, value] of Object.entries(VALUES)) expect(readings.get(key)?.value).toBe(Math.fround(value));
    expect(readings.get('voltage.L1')).toEqual({
      sensorId: `${NODE}/voltage.L1`,
      nodeId: NODE,
      gatewayId: 'gw-7',
      quantity: 'voltage',
      unit: 'V',
      value: Math.fround(230.1),
      measuredAt: '2025-03-01T12:00:00.000Z',
      receivedAt: context.receivedAt,
      phase: 'L1',
      source: { protocol: 'modbus', map: 'sdm630', register: 0 },
    });
    const total = readings.get('power');
    expect(total).toMatchObject({ sensorId: `${NODE}/power`, unit: 'W', source: { register: 0x34 } });
    expect(total && 'phase' in total).toBe(false);
    expect(readings.get('energyImported')).toMatchObject({ unit: 'kWh', source: { register: 0x48 } });
    expect(readings.get('energyExported')).toMatchObject({ unit: 'kWh', source: { register: 0x4a } });
    expect(readings.get('frequency')).toMatchObject({ unit: 'Hz', source: { register: 0x46 } });
  });

  it('reads the words exactly as a meter sends them', () => {
    const blocks = blocksFor(SDM630_REGISTER_MAP, {});
    blocks[0]!.words.splice(0, 2, 0x4366, 0x199a);
    blocks[1]!.words.splice(0x46 - 0x34, 2, 0x4248, 0x0000);
    const readings = byKey(readingsOf(modbusDecoder.decode(payload({ blocks }), context)));
    expect(readings.get('voltage.L1')?.value).toBeCloseTo(230.1, 4);
    expect(readings.get('frequency')?.value).toBe(50);
  });

  it('skips a point the meter answers with NaN or Infinity and keeps the others', () => {
    const blocks = blocksFor(SDM630_REGISTER_MAP, VALUES);
    blocks[0]!.words.splice(0x04, 2, 0x7fc0, 0x0000);
    blocks[1]!.words.splice(0, 2, 0xff80, 0x0000);
    const readings = byKey(readingsOf(modbusDecoder.decode(payload({ blocks }), context)));
    expect(readings.has('voltage.L3')).toBe(false);
    expect(readings.has('power')).toBe(false);
    expect(readings.size).toBe(Object.keys(VALUES).length - 2);
  });

  it('accepts blocks split or ordered differently than the map reads them, and agreeing overlaps', () => {
    const [first, second] = blocksFor(SDM630_REGISTER_MAP, VALUES);
    const blocks = [
      second!,
      { start: 8, words: first!.words.slice(8) },
      { start: 0, words: first!.words.slice(0, 10) },
    ];
    const readings = readingsOf(modbusDecoder.decode(payload({ blocks }), context));
    expect(readings.map((r) => r.value)).toEqual(
      readingsOf(modbusDecoder.decode(payload(), context)).map((r) => r.value),
    );
  });

  it('uses the receipt time when the gateway sent no measuredAt', () => {
    const readings = readingsOf(modbusDecoder.decode(payload({ measuredAt: undefined }), context));
    expect(new Set(readings.map((r) => r.measuredAt))).toEqual(new Set([context.receivedAt]));
  });

  it('names the node by gateway, device and unit so equal unit ids on two gateways stay apart', () => {
    const other = readingsOf(
      modbusDecoder.decode(payload({ unitId: 4, device: 'barn-meter' }), { ...context, gatewayId: 'gw-8' }),
    );
    expect(new Set(other.map((r) => r.nodeId))).toEqual(new Set(['modbus:gw-8/barn-meter/4']));
  });

  it('applies a map point scale', () => {
    const map: RegisterMap = {
      name: 'wh-meter',
      description: 'counts Wh',
      registerKind: 'holding',
      blocks: [{ start: 100, count: 2 }],
      points: [{ address: 100, words: 2, type: 'float32', quantity: 'energyImported', scale: 0.001 }],
    };
    const decoder = createModbusDecoder({
      named: (name) => (name === map.name ? map : undefined),
      names: () => [map.name],
    });
    const outcome = decoder.decode(
      payload({ map: 'wh-meter', blocks: blocksFor(map, { energyImported: 2_500_000 }) }),
      context,
    );
    expect(readingsOf(outcome)).toEqual([
      expect.objectContaining({
        value: 2500,
        unit: 'kWh',
        source: { protocol: 'modbus', map: 'wh-meter', register: 100 },
      }),
    ]);
  });
});

describe('modbusDecoder refusals', () => {
  const cases: readonly (readonly [string, Record<string, unknown>, string])[] = [
    ['an unknown map', { map: 'sdm120' }, 'unknown_map'],
    ['blocks that are not an array', { blocks: 'all of them' }, 'malformed_blocks'],
    ['no blocks', { blocks: [] }, 'malformed_blocks'],
    ['a word above 16 bits', { blocks: [{ start: 0, words: [0x10000] }] }, 'malformed_blocks'],
    ['a fractional word', { blocks: [{ start: 0, words: [1.5] }] }, 'malformed_blocks'],
    ['a block longer than one read', { blocks: [{ start: 0, words: new Array(126).fill(0) }] }, 'malformed_blocks'],
    ['a block past register 65535', { blocks: [{ start: 65535, words: [0, 0] }] }, 'malformed_blocks'],
    ['a negative start', { blocks: [{ start: -2, words: [0, 0] }] }, 'malformed_blocks'],
    [
      'overlapping blocks that disagree',
      {
        blocks: [
          { start: 0, words: [1, 2] },
          { start: 1, words: [3] },
        ],
      },
      'malformed_blocks',
    ],
    ['a register block left out', { blocks: blocksFor(SDM630_REGISTER_MAP, VALUES).slice(0, 1) }, 'missing_registers'],
    [
      'a float cut in half',
      { blocks: [{ start: 0, words: new Array(0x11).fill(0) }, ...blocksFor(SDM630_REGISTER_MAP, VALUES).slice(1)] },
      'missing_registers',
    ],
    ['a device with a slash', { device: 'a/b' }, 'malformed_payload'],
    ['a unit id above 255', { unitId: 256 }, 'malformed_payload'],
    ['a non-ISO measuredAt', { measuredAt: 'yesterday' }, 'malformed_payload'],
    ['another kind', { kind: 'dsmr' }, 'malformed_payload'],
  ];

  it.each(cases)('refuses %s', (_name, overrides, reason) => {
    const outcome = modbusDecoder.decode(payload(overrides), context);
    expect(outcome).toEqual({ ok: false, reason, message: expect.any(String) });
    expect(outcome.ok ? '' : outcome.message).not.toContain('\n');
  });

  it('names the missing registers', () => {
    const outcome = modbusDecoder.decode(payload({ blocks: blocksFor(SDM630_REGISTER_MAP, VALUES).slice(1) }), context);
    expect(outcome.ok ? '' : outcome.message).toBe(
      'map "sdm630" needs register(s) 0, 2, 4, 6, 8, 10, 12, 14, 16 that the payload lacks',
    );
  });

  it('never throws on junk', () => {
    const wholePayloads: Record<string, unknown>[] = [
      {},
      { kind: 'modbus' },
      { kind: 'modbus', map: 'sdm630', unitId: 1 },
      { kind: 'modbus', map: {}, blocks: [] },
    ];
    const blockValues: unknown[] = [
      null,
      0,
      'x',
      [null],
      [[]],
      [{ start: '0', words: [1] }],
      [{ start: 0, words: {} }],
      [{ start: 0, words: [null] }],
    ];
    const junk = [...wholePayloads, ...blockValues.map((blocks) => payload({ blocks }))];
    for (const value of junk) {
      expect(() => modbusDecoder.decode(value, context)).not.toThrow();
      expect(modbusDecoder.decode(value, context).ok).toBe(false);
    }
  });
});
