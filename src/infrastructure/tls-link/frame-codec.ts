/** Default hard limit on one frame's body; a peer announcing more is cut off before anything is buffered. */
export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;
export const FRAME_HEADER_BYTES = 4;

export type FrameErrorReason = 'frame_too_large' | 'empty_frame' | 'truncated_frame';

export class FrameError extends Error {
  override readonly name = 'FrameError';
  constructor(
    readonly reason: FrameErrorReason,
    detail: string,
  ) {
    super(detail);
  }
}

/** 4-byte big-endian body length, then the body. */
export function encodeFrame(body: Buffer, maxFrameBytes = DEFAULT_MAX_FRAME_BYTES): Buffer {
  if (body.length === 0) throw new FrameError('empty_frame', 'a frame needs a body');
  if (body.length > maxFrameBytes) {
    throw new FrameError('frame_too_large', `frame body of ${body.length} bytes exceeds the limit of ${maxFrameBytes}`);
  }
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + body.length);
  frame.writeUInt32BE(body.length, 0);
  body.copy(frame, FRAME_HEADER_BYTES);
  return frame;
}

/**
 * Incremental decoder. It holds at most one partial frame: the header is checked the moment its four bytes are
 * there, so an oversized length prefix fails before any of its body is kept, and the body buffer grows with what
 * actually arrives (a peer announcing 1 MiB and trickling bytes costs what it sent, not 1 MiB). After an error it
 * refuses more input, because the stream has lost its framing.
 */
export class FrameDecoder {
  private readonly header = Buffer.alloc(FRAME_HEADER_BYTES);
  private headerBytes = 0;
  private body: Buffer | null = null;
  private bodyBytes = 0;
  private expected = -1;
  private failed = false;

  constructor(private readonly maxFrameBytes = DEFAULT_MAX_FRAME_BYTES) {}

  /** Bytes of memory held for the frame still incomplete. */
  get bufferedBytes(): number {
    return this.expected < 0 ? this.headerBytes : FRAME_HEADER_BYTES + (this.body?.length ?? 0);
  }

  /** True between the first byte of a frame and its last. */
  get inFrame(): boolean {
    return this.headerBytes > 0 || this.expected >= 0;
  }

  /** Complete frame bodies found so far; throws FrameError on a broken stream. */
  push(chunk: Buffer): Buffer[] {
    if (this.failed) throw new FrameError('frame_too_large', 'decoder already failed');
    const frames: Buffer[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      if (this.expected < 0) {
        const n = Math.min(FRAME_HEADER_BYTES - this.headerBytes, chunk.length - offset);
        chunk.copy(this.header, this.headerBytes, offset, offset + n);
        this.headerBytes += n;
        offset += n;
        if (this.headerBytes < FRAME_HEADER_BYTES) break;
        this.headerBytes = 0;
        this.expected = this.checkLength(this.header.readUInt32BE(0));
        continue;
      }
      const n = Math.min(this.expected - this.bodyBytes, chunk.length - offset);
      const part = chunk.subarray(offset, offset + n);
      offset += n;
      if (this.bodyBytes === 0 && n === this.expected) {
        // The whole body is in this chunk: copy it out so a kept frame never pins the socket's larger buffer.
        frames.push(Buffer.from(part));
        this.nextFrame();
        continue;
      }
      this.append(part);
      if (this.bodyBytes === this.expected && this.body) {
        frames.push(this.body.subarray(0, this.bodyBytes));
        this.nextFrame();
      }
    }
    return frames;
  }

  private append(part: Buffer): void {
    const needed = this.bodyBytes + part.length;
    if (!this.body || this.body.length < needed) {
      const size = Math.min(this.expected, Math.max(needed, (this.body?.length ?? 0) * 2, 4096));
      const grown = Buffer.allocUnsafe(size);
      this.body?.copy(grown, 0, 0, this.bodyBytes);
      this.body = grown;
    }
    part.copy(this.body, this.bodyBytes);
    this.bodyBytes = needed;
  }

  private nextFrame(): void {
    this.body = null;
    this.bodyBytes = 0;
    this.expected = -1;
  }

  private checkLength(length: number): number {
    if (length === 0) this.fail('empty_frame', 'zero-length frame');
    if (length > this.maxFrameBytes) {
      this.fail('frame_too_large', `length prefix ${length} exceeds the limit of ${this.maxFrameBytes} bytes`);
    }
    return length;
  }

  private fail(reason: FrameErrorReason, detail: string): never {
    this.failed = true;
    this.nextFrame();
    throw new FrameError(reason, detail);
  }
}
