import { connect, createSecureContext, type SecureContext, type TLSSocket } from 'node:tls';
import { encodeFrame, FrameDecoder } from '../src/infrastructure/tls-link/frame-codec.js';
import { LINK_PROTOCOL_VERSION } from '../src/infrastructure/tls-link/link-messages.js';
import { encodeMessage, parseDownstream } from '../src/infrastructure/tls-link/message-parser.js';
import { LINK_CIPHERS, pskClientOptions } from '../src/infrastructure/tls-link/psk-tls.js';

let context: SecureContext | undefined;
function sharedContext(): SecureContext {
  context ??= createSecureContext({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3', ciphers: LINK_CIPHERS });
  return context;
}

/**
 * A load-generating gateway for benchmarks: real TLS-PSK session and protocol, no outbox (the server is what is
 * measured). Keeps `window` frames in flight and records send → ack latency per frame. `makePayloads` answers the
 * payloads array as JSON text, so a generator may cache it: on site the gateways are other machines, and here their
 * CPU comes out of what the server gets.
 */
export class IngestLoadClient {
  private readonly sentAt = new Map<number, bigint>();
  private nextSeq = 0;
  private stopped = false;
  private acceptResolve: (() => void) | undefined;
  acked = 0;
  readonly latenciesMs: number[] = [];
  measuring = false;

  private constructor(
    private readonly socket: TLSSocket,
    private readonly makePayloads: (seq: number) => string,
    private readonly window: number,
  ) {
    const decoder = new FrameDecoder();
    socket.on('data', (chunk: Buffer) => {
      for (const body of decoder.push(chunk)) {
        const message = parseDownstream(body);
        if (message.type === 'accept') {
          this.nextSeq = message.nextSequence;
          this.acceptResolve?.();
        } else if (message.type === 'ack') {
          const sent = this.sentAt.get(message.seq);
          this.sentAt.delete(message.seq);
          if (this.measuring && sent !== undefined) {
            this.acked++;
            this.latenciesMs.push(Number(process.hrtime.bigint() - sent) / 1e6);
          }
          this.fill();
        } else if (message.type === 'ping') {
          socket.write(encodeMessage({ type: 'pong' }));
        }
      }
    });
    socket.on('error', () => undefined);
  }

  static open(
    port: number,
    gatewayId: string,
    key: Buffer,
    makePayloads: (seq: number) => string,
    window: number,
  ): Promise<IngestLoadClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({
        host: '127.0.0.1',
        port,
        ...pskClientOptions(gatewayId, key),
        secureContext: sharedContext(),
      });
      socket.setNoDelay(true);
      const client = new IngestLoadClient(socket, makePayloads, window);
      socket.once('error', reject);
      socket.once('secureConnect', () => {
        client.acceptResolve = () => resolve(client);
        socket.write(encodeMessage({ type: 'hello', v: LINK_PROTOCOL_VERSION, gatewayId, agentVersion: 'bench' }));
      });
    });
  }

  /** Starts streaming frames (a no-op for idle sessions, which only hold the session open). */
  start(): void {
    this.fill();
  }

  stop(): void {
    this.stopped = true;
  }

  close(): void {
    this.socket.destroy();
  }

  private fill(): void {
    while (!this.stopped && this.sentAt.size < this.window) {
      const seq = this.nextSeq++;
      this.sentAt.set(seq, process.hrtime.bigint());
      this.socket.write(
        encodeFrame(Buffer.from(`{"type":"readings","seq":${seq},"payloads":${this.makePayloads(seq)}}`)),
      );
    }
  }
}
