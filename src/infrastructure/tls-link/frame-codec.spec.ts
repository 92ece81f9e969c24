import { randomBytes } from 'node:crypto';
import { encodeFrame, FrameDecoder, FrameError } from './frame-codec.js';

function split(buffer: Buffer, cuts: number[]): Buffer[] {
  const parts: Buffer[] = [];
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parts.push(buffer.subarray(at, cut));
    at = cut;
  }
  parts.push(buffer.subarray(at));
  return parts;
}

describe('frame codec', () => {
  it('prefixes the body with its 4-byte big-endian length', () => {
    expect(encodeFrame(Buffer.from('abc'))).toEqual(Buffer.from([0, 0, 0, 3, 0x61, 0x62, 0x63]));
  });

  it('decodes frames however the stream is cut', () => {
    const bodies = Array.from({ length: 20 }, (_, i) => randomBytes(1 + ((i * 977) % 5000)));
    const stream = Buffer.concat(bodies.map((b) => encodeFrame(b)));
    for (let trial = 0; trial < 200; trial++) {
      const cuts = Array.from({ length: trial % 40 }, () => Math.floor(Math.random() * stream.length));
      const decoder = new FrameDecoder();
      const out = split(stream, cuts).flatMap((part) => decoder.push(part));
      // Compared as hex: jest's deep equality walks Buffers byte by byte and is very slow on 50 KB.
      expect(out.map((b) => b.toString('hex'))).toEqual(bodies.map((b) => b.toString('hex')));
      expect(decoder.inFrame).toBe(false);
    }
  });

  it('refuses an oversized length prefix as soon as the header is complete, holding nothing', () => {
    const decoder = new FrameDecoder(1024);
    expect(decoder.push(Buffer.from([0, 0]))).toEqual([]);
    expect(() => decoder.push(Buffer.from([0x04, 0x01, 0xff]))).toThrow(
      expect.objectContaining({ reason: 'frame_too_large' }) as FrameError,
    );
    expect(decoder.bufferedBytes).toBe(0);
    expect(() => decoder.push(Buffer.from([0]))).toThrow(FrameError);
  });

  it('refuses zero-length frames and frames over the limit when encoding', () => {
    expect(() => new FrameDecoder().push(Buffer.alloc(4))).toThrow(
      expect.objectContaining({ reason: 'empty_frame' }) as FrameError,
    );
    expect(() => encodeFrame(Buffer.alloc(11), 10)).toThrow(FrameError);
  });

  it('grows its buffer with what arrives, not with what the header announces', () => {
    const decoder = new FrameDecoder();
    decoder.push(Buffer.from([0, 0x10, 0, 0, 1, 2, 3])); // announces 1 MiB, sends 3 bytes
    expect(decoder.inFrame).toBe(true);
    expect(decoder.bufferedBytes).toBeLessThan(10_000);
  });
});
