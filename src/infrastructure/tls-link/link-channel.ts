import type { Socket } from 'node:net';
import { DEFAULT_MAX_FRAME_BYTES, FrameDecoder, FrameError } from './frame-codec.js';
import type { DownstreamMessage, UpstreamMessage } from './link-messages.js';
import { encodeMessage, ProtocolError } from './message-parser.js';

export interface ChannelHandlers<In> {
  message(message: In): void;
  /** The peer broke the protocol; nothing more is read. `reason` is a short code for logs and error messages. */
  broken(reason: string, detail: string): void;
}

/**
 * Frames and messages over one socket, for both ends of the link. Once the incoming stream is broken it stops
 * decoding (and so stops buffering); the owner decides how to close.
 */
export class LinkChannel<In extends UpstreamMessage | DownstreamMessage> {
  private readonly decoder: FrameDecoder;
  private broken = false;
  private outgoingLimit: number;

  constructor(
    readonly socket: Socket,
    parse: (body: Buffer) => In,
    private readonly handlers: ChannelHandlers<In>,
    maxFrameBytes = DEFAULT_MAX_FRAME_BYTES,
  ) {
    this.decoder = new FrameDecoder(maxFrameBytes);
    this.outgoingLimit = maxFrameBytes;
    socket.on('data', (chunk: Buffer) => {
      if (this.broken) return;
      let bodies: Buffer[];
      try {
        bodies = this.decoder.push(chunk);
      } catch (error) {
        this.fail(error);
        return;
      }
      for (const body of bodies) {
        if (this.broken) return;
        try {
          this.handlers.message(parse(body));
        } catch (error) {
          this.fail(error);
          return;
        }
      }
    });
    socket.on('end', () => {
      if (!this.broken && this.decoder.inFrame) {
        this.fail(new FrameError('truncated_frame', 'the peer ended the stream inside a frame'));
      }
    });
  }

  /** The peer's advertised limit (the agent learns it from the accept). */
  limitOutgoing(maxFrameBytes: number): void {
    this.outgoingLimit = maxFrameBytes;
  }

  get isBroken(): boolean {
    return this.broken;
  }

  /** False when the socket is gone (the message is dropped) — callers treat that as a closed session. */
  send(message: UpstreamMessage | DownstreamMessage): boolean {
    if (this.socket.destroyed || !this.socket.writable) return false;
    this.socket.write(encodeMessage(message, this.outgoingLimit));
    return true;
  }

  /** Stops decoding without blaming the peer, e.g. when closing for our own reasons. */
  stop(): void {
    this.broken = true;
  }

  private fail(error: unknown): void {
    this.broken = true;
    if (error instanceof FrameError || error instanceof ProtocolError)
      this.handlers.broken(error.reason, error.message);
    else this.handlers.broken('internal_error', error instanceof Error ? error.message : String(error));
  }
}
