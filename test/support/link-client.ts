import { connect, createSecureContext, type SecureContext, type TLSSocket } from 'node:tls';
import { FrameDecoder } from '../../src/infrastructure/tls-link/frame-codec.js';
import {
  LINK_PROTOCOL_VERSION,
  type AcceptMessage,
  type DownstreamMessage,
  type UpstreamMessage,
} from '../../src/infrastructure/tls-link/link-messages.js';
import { encodeMessage, parseDownstream } from '../../src/infrastructure/tls-link/message-parser.js';
import { LINK_CIPHERS, pskClientOptions } from '../../src/infrastructure/tls-link/psk-tls.js';

let sharedContext: SecureContext | undefined;

/** One context for every test connection: building one per connect costs more than the handshake itself. */
function clientContext(): SecureContext {
  sharedContext ??= createSecureContext({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3', ciphers: LINK_CIPHERS });
  return sharedContext;
}

/** A bare protocol client for server tests: it sends exactly what the test says, nothing on its own. */
export class RawLinkClient {
  readonly received: DownstreamMessage[] = [];
  private waiters: (() => void)[] = [];
  /** Resolves when the connection is gone, with the TLS or socket error code if any. */
  readonly closed: Promise<string | undefined>;

  private constructor(readonly socket: TLSSocket) {
    const decoder = new FrameDecoder();
    let failure: string | undefined;
    socket.on('data', (chunk: Buffer) => {
      for (const body of decoder.push(chunk)) this.received.push(parseDownstream(body));
      this.wake();
    });
    socket.on('error', (error: Error & { code?: string }) => (failure ??= error.code ?? error.message));
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        this.wake();
        resolve(failure);
      }),
    );
  }

  /** Resolves once the TLS handshake is done; rejects with the handshake error. */
  static open(port: number, identity: string, key: Buffer): Promise<RawLinkClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({
        host: '127.0.0.1',
        port,
        ...pskClientOptions(identity, key),
        secureContext: clientContext(),
      });
      const client = new RawLinkClient(socket);
      socket.once('secureConnect', () => resolve(client));
      socket.once('error', reject);
      socket.once('close', () => reject(new Error('closed during the handshake')));
    });
  }

  /** Handshake + hello; resolves with the server's accept. */
  static async accepted(
    port: number,
    identity: string,
    key: Buffer,
  ): Promise<{ client: RawLinkClient; accept: AcceptMessage }> {
    const client = await RawLinkClient.open(port, identity, key);
    client.send({ type: 'hello', v: LINK_PROTOCOL_VERSION, gatewayId: identity, agentVersion: 'test' });
    const accept = await client.next('accept');
    return { client, accept };
  }

  send(message: UpstreamMessage): void {
    this.socket.write(encodeMessage(message));
  }

  sendRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  get isClosed(): boolean {
    return this.socket.destroyed;
  }

  /** The first received message of that type not taken yet (waits for it). */
  async next<T extends DownstreamMessage['type']>(
    type: T,
    timeoutMs = 5000,
  ): Promise<Extract<DownstreamMessage, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex((m) => m.type === type);
      if (index >= 0) return this.received.splice(index, 1)[0] as Extract<DownstreamMessage, { type: T }>;
      if (this.socket.destroyed)
        throw new Error(`connection closed while waiting for ${type}; got ${JSON.stringify(this.received)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type} within ${timeoutMs} ms; got ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<string | undefined> {
    this.socket.end();
    return this.closed;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
