import { float32FromWords, float32Words } from './float32-words.js';

// Bit patterns worked out by hand from IEEE-754 single precision (sign | 8-bit exponent | 23-bit fraction).
const KNOWN: readonly (readonly [value: number, high: number, low: number])[] = [
  [1, 0x3f80, 0x0000],
  [0.5, 0x3f00, 0x0000],
  [50, 0x4248, 0x0000],
  [230, 0x4366, 0x0000],
  [-1500.5, 0xc4bb, 0x9000],
];

describe('float32 in two big-endian registers', () => {
  it.each(KNOWN)('%d ⇄ [%i, %i]', (value, high, low) => {
    expect(float32FromWords(high, low)).toBe(value);
    expect(float32Words(value)).toEqual([high, low]);
  });

  it('rounds 230.1 V to the nearest float32, 0x4366199A, as the meter holds it', () => {
    expect(float32Words(230.1)).toEqual([0x4366, 0x199a]);
    const decoded = float32FromWords(0x4366, 0x199a);
    expect(decoded).not.toBe(230.1);
    expect(decoded).toBeCloseTo(230.1, 4);
  });

  it('keeps the high word first: swapping the words gives another number', () => {
    expect(float32FromWords(0x0000, 0x4366)).not.toBeCloseTo(230, 0);
  });

  it('reads the non-finite patterns a meter may answer', () => {
    expect(float32FromWords(0x7fc0, 0x0000)).toBeNaN();
    expect(float32FromWords(0x7f80, 0x0000)).toBe(Number.POSITIVE_INFINITY);
    expect(float32FromWords(0xff80, 0x0000)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('round-trips any value to its float32 rounding', () => {
    for (const value of [0, -0.25, 49.98, 12345.678, 3.4028234663852886e38, -7.1e-39]) {
      const [high, low] = float32Words(value);
      expect(float32FromWords(high, low)).toBe(Math.fround(value));
    }
  });
});
