import { pointKey, registerMapProblems, type RegisterMap } from './register-map.js';
import { registerMapNamed, registerMapNames } from './register-maps.js';
import { SDM630_REGISTER_MAP } from './sdm630.register-map.js';

/** Eastron's own labels (3xxxx input register numbers, 1-based) for the values Wattlog reads from an SDM630. */
const SDM630_DOCUMENTED: Readonly<Record<string, number>> = {
  'voltage.L1': 30001,
  'voltage.L2': 30003,
  'voltage.L3': 30005,
  'current.L1': 30007,
  'current.L2': 30009,
  'current.L3': 30011,
  'power.L1': 30013,
  'power.L2': 30015,
  'power.L3': 30017,
  power: 30053,
  frequency: 30071,
  energyImported: 30073,
  energyExported: 30075,
};
/** The SDM630 answers an exception to reads of more than 40 parameters. */
const SDM630_MAX_REGISTERS_PER_READ = 80;

describe('register map registry', () => {
  it('finds the SDM630 map by name and nothing under other names', () => {
    expect(registerMapNames()).toContain('sdm630');
    expect(registerMapNamed('sdm630')).toBe(SDM630_REGISTER_MAP);
    expect(registerMapNamed('sdm-630')).toBeUndefined();
    expect(registerMapNamed('toString')).toBeUndefined();
  });

  it.each(registerMapNames())('map %s has no problems', (name) => {
    const map = registerMapNamed(name);
    expect(map?.name).toBe(name);
    expect(registerMapProblems(map as RegisterMap)).toEqual([]);
  });
});

describe('SDM630 map', () => {
  it('maps exactly the documented registers, as 0-based input register addresses', () => {
    expect(SDM630_REGISTER_MAP.registerKind).toBe('input');
    const mapped = Object.fromEntries(SDM630_REGISTER_MAP.points.map((p) => [pointKey(p), p.address + 30001]));
    expect(mapped).toEqual(SDM630_DOCUMENTED);
    expect(
      SDM630_REGISTER_MAP.points.every((p) => p.type === 'float32' && p.words === 2 && p.scale === undefined),
    ).toBe(true);
  });

  it('reads in blocks the meter accepts', () => {
    for (const block of SDM630_REGISTER_MAP.blocks)
      expect(block.count).toBeLessThanOrEqual(SDM630_MAX_REGISTERS_PER_READ);
  });
});

describe('registerMapProblems', () => {
  const base: RegisterMap = {
    name: 'test',
    description: 'a map for checks',
    registerKind: 'holding',
    blocks: [{ start: 10, count: 4 }],
    points: [
      { address: 10, words: 2, type: 'float32', quantity: 'power' },
      { address: 12, words: 2, type: 'float32', quantity: 'energyImported', scale: 0.001 },
    ],
  };

  it('accepts a well-formed map', () => {
    expect(registerMapProblems(base)).toEqual([]);
  });

  it('refuses a block beyond the 125-register read limit', () => {
    expect(registerMapProblems({ ...base, blocks: [{ start: 0, count: 126 }] })).toEqual([
      'test: block 0+126 must read 1 to 125 registers',
    ]);
  });

  it('refuses a point whose second register falls outside every block', () => {
    const map = { ...base, blocks: [{ start: 10, count: 3 }] };
    expect(registerMapProblems(map)).toEqual(['test: point energyImported at 12 is not inside one block']);
  });

  it('refuses two points that would share a sensor id, and a zero scale', () => {
    const points = [...base.points, { address: 10, words: 2, type: 'float32', quantity: 'power', scale: 0 } as const];
    expect(registerMapProblems({ ...base, points })).toEqual([
      'test: point power at 10 has a scale that is not a finite non-zero number',
      'test: point power at 10 repeats a quantity and phase already mapped',
    ]);
  });

  it('refuses a block running past the address space and a map without blocks', () => {
    expect(registerMapProblems({ ...base, points: [], blocks: [{ start: 65530, count: 10 }] })).toEqual([
      'test: block 65530+10 runs past the 16-bit address space',
    ]);
    expect(registerMapProblems({ ...base, points: [], blocks: [] })).toEqual(['test: no blocks to read']);
  });
});
