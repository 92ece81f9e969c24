import { compareEsdbPositions, decodeEsdbPosition, encodeEsdbPosition } from './esdb-position.js';

describe('EventStoreDB positions', () => {
  it('round-trip through the opaque string, up to the largest uint64', () => {
    for (const position of [
      { commit: 0n, prepare: 0n },
      { commit: 4518n, prepare: 4369n },
      { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n },
    ]) {
      expect(decodeEsdbPosition(encodeEsdbPosition(position))).toEqual(position);
    }
  });

  it('sort as strings in log order, across digit-count boundaries', () => {
    const positions = [
      { commit: 99n, prepare: 99n },
      { commit: 100n, prepare: 50n },
      { commit: 100n, prepare: 100n },
      { commit: 12_345_678_901n, prepare: 0n },
    ];
    const encoded = positions.map(encodeEsdbPosition);
    expect([...encoded].sort()).toEqual(encoded);
    expect(compareEsdbPositions(positions[1]!, positions[2]!)).toBe(-1);
    expect(compareEsdbPositions(positions[2]!, positions[1]!)).toBe(1);
    expect(compareEsdbPositions(positions[0]!, { commit: 99n, prepare: 99n })).toBe(0);
  });

  it('rejects strings no store of this kind issued', () => {
    for (const bad of ['', '12', '1:2', '-1/2', '1/2/3', '18446744073709551616/0', 'a/b']) {
      expect(() => decodeEsdbPosition(bad)).toThrow(RangeError);
    }
  });
});
