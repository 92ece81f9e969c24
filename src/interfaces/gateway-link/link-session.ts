import { randomUUID } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { IngestFrameResult } from '../../application/metering/ingest-frame/ingest-frame.command.js';
import type { GatewayFrame } from '../../domain/metering/gateway-frame.js';
import { LinkChannel } from '../../infrastructure/tls-link/link-channel.js';
import {
  LINK_PROTOCOL_VERSION,
  type CommandMessage,
  type ConfigMessage,
  type HelloMessage,
  type UpstreamMessage,
} from '../../infrastructure/tls-link/link-messages.js';
import { parseUpstream } from '../../infrastructure/tls-link/message-parser.js';
import { consecutiveBatch } from './frame-batch.js';
import { shortIdentity } from './handshake-refusal.js';
import type { SessionHostOf, SessionLimits } from './link-session-host.js';
import { nodeEventFrame } from './node-event-frame.js';

export type { SessionLimits };
export type SessionHost = SessionHostOf<LinkSession>;

type State = 'hello' | 'admitting' | 'open' | 'closed';

/** Close reasons that are part of normal operation rather than a misbehaving peer. */
const ORDINARY = new Set(['peer_closed', 'replaced', 'server_shutdown', 'idle_timeout']);
/** How long a peer gets to read our error message before the socket is destroyed anyway. */
const CLOSE_GRACE_MS = 250;

/**
 * One authenticated connection: hello → accept, then sequenced frames appended strictly in order and acked only
 * after the append resolved. The queue of frames awaiting append is bounded by pausing the socket, so a slow store
 * slows the gateway down through TCP instead of growing memory.
 */
export class LinkSession {
  readonly sessionId = randomUUID();
  private state: State = 'hello';
  private readonly channel: LinkChannel<UpstreamMessage>;
  private readonly queue: GatewayFrame[] = [];
  private pumping: Promise<void> | null = null;
  private paused = false;
  private helloTimer: NodeJS.Timeout | undefined;
  private readonly openedAt = performance.now();
  private agentVersion: string | undefined;
  private framesAcked = 0;
  private readingsAcked = 0;
  private resolveClosed!: () => void;
  /** Resolves once the socket is closed and no append of this session is still running. */
  readonly closed = new Promise<void>((resolve) => (this.resolveClosed = resolve));

  constructor(
    readonly socket: TLSSocket,
    /** The PSK identity the handshake proved. */
    readonly gatewayId: string,
    private readonly host: SessionHost,
  ) {
    this.channel = new LinkChannel(
      socket,
      parseUpstream,
      {
        message: (message) => this.onMessage(message),
        broken: (reason, detail) => this.violation(reason, detail),
      },
      host.limits.maxFrameBytes,
    );
    socket.on('error', (error: Error & { code?: string }) =>
      this.close('socket_error', error.code ?? error.message, false),
    );
    socket.on('close', () => this.close('peer_closed', '', false));
    socket.on('timeout', () =>
      this.close('idle_timeout', `nothing received for ${host.limits.idleTimeoutMs} ms`, true),
    );
    this.helloTimer = setTimeout(() => {
      this.host.refuse(this.gatewayId, 'bad_hello', 'no hello in time');
      this.close('hello_timeout', `no hello within ${host.limits.helloTimeoutMs} ms`, true);
    }, host.limits.helloTimeoutMs);
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  get queued(): number {
    return this.queue.length;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Commands and configuration down to the gateway; false when the session cannot take them. */
  sendDown(message: CommandMessage | ConfigMessage): boolean {
    return this.state === 'open' && this.channel.send(message);
  }

  /**
   * Idempotent. `notify` sends `error {reason}` before closing; otherwise the socket is dropped at once.
   * An append already running completes (it cannot be recalled) but is not acked: the gateway re-sends it and the
   * store recognises it.
   */
  close(reason: string, detail: string, notify: boolean): void {
    if (this.state === 'closed') return;
    const wasOpen = this.state === 'open';
    this.state = 'closed';
    clearTimeout(this.helloTimer);
    this.channel.stop();
    this.queue.length = 0;
    this.socket.setTimeout(0);
    if (notify && this.channel.send({ type: 'error', reason, ...(detail ? { detail } : {}) })) {
      this.socket.end();
      setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS).unref();
    } else {
      this.socket.destroy();
    }
    const fields = {
      gatewayId: shortIdentity(this.gatewayId),
      sessionId: this.sessionId,
      reason,
      ...(detail ? { detail } : {}),
      admitted: wasOpen,
      framesAcked: this.framesAcked,
      durationMs: Math.round(performance.now() - this.openedAt),
    };
    if (ORDINARY.has(reason)) this.host.logger.info(fields, 'link session closed');
    else this.host.logger.warn(fields, 'link session closed');
    if (wasOpen)
      this.host.closed(this, { reason, framesReceived: this.framesAcked, readingsReceived: this.readingsAcked });
    this.host.ended(this);
    void (this.pumping ?? Promise.resolve()).then(() => this.resolveClosed());
  }

  private violation(reason: string, detail: string): void {
    if (this.state === 'closed') return;
    this.host.refuse(this.gatewayId, this.state === 'open' ? 'protocol_error' : 'bad_hello', `${reason}: ${detail}`);
    this.close(reason, detail, true);
  }

  private onMessage(message: UpstreamMessage): void {
    if (this.state === 'closed') return;
    if (this.state !== 'open') {
      if (message.type === 'hello' && this.state === 'hello') this.onHello(message);
      else this.violation('unexpected_message', `${message.type} before the session was accepted`);
      return;
    }
    switch (message.type) {
      case 'readings':
        this.enqueue({ kind: 'readings', seq: message.seq, payloads: message.payloads });
        return;
      case 'node_event':
        if (message.seq === undefined) this.host.nodeNotice(this.gatewayId, message);
        else this.enqueue(nodeEventFrame(message, message.seq));
        return;
      case 'command_result':
        this.host.commandResult(this.gatewayId, message);
        return;
      case 'ping':
        this.channel.send({ type: 'pong' });
        return;
      case 'pong':
        return;
      case 'error':
        this.close('peer_error', `${message.reason}${message.detail ? `: ${message.detail}` : ''}`, false);
        return;
      case 'hello':
        this.violation('unexpected_message', 'a second hello');
        return;
    }
  }

  private onHello(hello: HelloMessage): void {
    clearTimeout(this.helloTimer);
    if (hello.v !== LINK_PROTOCOL_VERSION) {
      this.violation('unsupported_version', `hello v${hello.v}; this server speaks v${LINK_PROTOCOL_VERSION}`);
      return;
    }
    if (hello.gatewayId !== this.gatewayId) {
      this.violation('identity_mismatch', 'hello.gatewayId differs from the TLS PSK identity');
      return;
    }
    this.state = 'admitting';
    this.agentVersion = hello.agentVersion;
    this.host.admit(this).then(
      (nextSequence) => this.accept(nextSequence, hello),
      (error: unknown) => {
        this.host.logger.error({ err: error, gatewayId: this.gatewayId }, 'link admission failed');
        this.close('store_unavailable', 'cannot read the gateway sequence', true);
      },
    );
  }

  private accept(nextSequence: number, hello: HelloMessage): void {
    if (this.state !== 'admitting') return;
    this.state = 'open';
    this.socket.setTimeout(this.host.limits.idleTimeoutMs);
    this.channel.send({
      type: 'accept',
      v: LINK_PROTOCOL_VERSION,
      sessionId: this.sessionId,
      nextSequence,
      maxFrameBytes: this.host.limits.maxFrameBytes,
      idleTimeoutMs: this.host.limits.idleTimeoutMs,
    });
    this.host.logger.info(
      {
        gatewayId: this.gatewayId,
        sessionId: this.sessionId,
        remote: this.socket.remoteAddress,
        agentVersion: this.agentVersion,
        cipher: this.socket.getCipher().name,
        nextSequence,
        ...(hello.lastAckedSequence !== undefined ? { lastAckedSequence: hello.lastAckedSequence } : {}),
      },
      'link session opened',
    );
    this.host.opened(this, { remoteAddress: this.socket.remoteAddress ?? '', protocolVersion: hello.v });
  }

  private enqueue(frame: GatewayFrame): void {
    this.queue.push(frame);
    if (!this.paused && this.queue.length >= this.host.limits.queueLimit) {
      this.paused = true;
      this.socket.pause();
    }
    this.pumping ??= this.pump().finally(() => (this.pumping = null));
  }

  private async pump(): Promise<void> {
    while (this.state === 'open') {
      const batch = consecutiveBatch(this.queue, this.host.limits.maxBatchFrames);
      if (batch.length === 0) return;
      let results: IngestFrameResult[];
      try {
        results = await this.host.ingest(this.gatewayId, batch);
      } catch (error) {
        this.host.logger.error(
          { err: error, gatewayId: this.gatewayId, seq: batch[0]!.seq, frames: batch.length },
          'frame append failed',
        );
        this.close('store_unavailable', 'the frame could not be stored; retry later', true);
        return;
      }
      if (this.state !== 'open') return;
      this.queue.splice(0, batch.length);
      // One TLS record and one write for the whole batch's answers.
      this.socket.cork();
      batch.forEach((frame, i) => this.answer(frame, results[i]!));
      this.socket.uncork();
      if (this.paused && this.queue.length <= this.host.limits.queueLimit / 2) {
        this.paused = false;
        this.socket.resume();
      }
    }
  }

  private answer(frame: GatewayFrame, result: IngestFrameResult): void {
    if (result.outcome === 'gap') {
      this.channel.send({
        type: 'nack',
        seq: frame.seq,
        reason: 'sequence_gap',
        expectedSequence: result.expectedSequence,
      });
      return;
    }
    this.framesAcked++;
    if (frame.kind === 'readings') this.readingsAcked += frame.payloads.length;
    this.channel.send({ type: 'ack', seq: frame.seq });
  }
}
