import type { TLSSocket } from 'node:tls';
import type { Logger } from 'pino';
import type { DurableOutbox } from '../../infrastructure/outbox/durable-outbox.js';
import { LinkChannel } from '../../infrastructure/tls-link/link-channel.js';
import {
  LINK_PROTOCOL_VERSION,
  type AcceptMessage,
  type CommandMessage,
  type ConfigMessage,
  type DownstreamMessage,
  type NodeEventMessage,
  type ReadingsMessage,
} from '../../infrastructure/tls-link/link-messages.js';
import { parseDownstream } from '../../infrastructure/tls-link/message-parser.js';
import type { AgentMetrics } from './agent-metrics.js';
import type { CommandHandler } from './command-handler.js';

/** A sequenced frame as the outbox keeps it: the wire message without its sequence number. */
export type OutboxEntry = Omit<ReadingsMessage, 'seq'> | Omit<NodeEventMessage, 'seq'>;

export interface AgentSessionDeps {
  readonly gatewayId: string;
  readonly agentVersion: string;
  readonly outbox: DurableOutbox<OutboxEntry>;
  readonly commands: CommandHandler;
  readonly logger: Logger;
  readonly metrics: AgentMetrics;
  /** Frames sent but not yet acked. */
  readonly window: number;
  readonly acceptTimeoutMs: number;
  onAccepted(accept: AcceptMessage, renumberedBy: number): void;
  onAcked(seq: number): void;
}

/** The server answers every refused handshake the same way (no oracle); say what that usually means. */
function describeSocketError(error: Error & { code?: string }): string {
  const code = error.code ?? error.message;
  return /ALERT_ILLEGAL_PARAMETER|BINDER|ALERT_HANDSHAKE_FAILURE/.test(code)
    ? `${code}: handshake refused (wrong network key, unknown or decommissioned gateway)`
    : code;
}

export interface SessionOutcome {
  readonly accepted: boolean;
  readonly reason: string;
}

/**
 * One connection of the agent: hello → accept → the outbox is aligned with the server's next sequence and pending
 * frames flow in a bounded window, each removed from the outbox only when its ack arrives.
 */
export class AgentSession {
  private readonly channel: LinkChannel<DownstreamMessage>;
  private state: 'handshake' | 'hello' | 'open' | 'closed' = 'handshake';
  private accept: AcceptMessage | undefined;
  private nextToSend = 0;
  private acked = -1;
  private pumping = false;
  private pumpAgain = false;
  private lastSentAt = performance.now();
  private timer: NodeJS.Timeout | undefined;
  private resolveDone!: (outcome: SessionOutcome) => void;
  readonly done = new Promise<SessionOutcome>((resolve) => (this.resolveDone = resolve));

  constructor(
    private readonly socket: TLSSocket,
    private readonly deps: AgentSessionDeps,
  ) {
    this.channel = new LinkChannel(socket, parseDownstream, {
      message: (message) => this.onMessage(message),
      broken: (reason, detail) => this.close(`server_protocol_error:${reason}`, detail),
    });
    socket.once('secureConnect', () => this.hello());
    socket.on('error', (error: Error & { code?: string }) => this.close('socket_error', describeSocketError(error)));
    socket.on('close', () => this.close('closed', ''));
    socket.on('timeout', () => this.close('server_silent', 'nothing received within the idle timeout'));
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** New entries are in the outbox. */
  wake(): void {
    if (this.state === 'open') this.pump();
  }

  close(reason: string, detail: string): void {
    if (this.state === 'closed') return;
    const accepted = this.accept !== undefined;
    this.state = 'closed';
    clearTimeout(this.timer);
    clearInterval(this.timer);
    this.channel.stop();
    this.socket.destroy();
    this.deps.metrics.connected.set({ gateway: this.deps.gatewayId }, 0);
    if (accepted) this.deps.logger.info({ sessionId: this.accept?.sessionId, reason, detail }, 'agent session closed');
    else this.deps.logger.warn({ reason, detail }, 'agent could not open a session');
    this.resolveDone({ accepted, reason });
  }

  private hello(): void {
    this.state = 'hello';
    const last = this.deps.outbox.lastDoneSequence;
    this.channel.send({
      type: 'hello',
      v: LINK_PROTOCOL_VERSION,
      gatewayId: this.deps.gatewayId,
      agentVersion: this.deps.agentVersion,
      ...(last !== undefined ? { lastAckedSequence: last } : {}),
    });
    this.timer = setTimeout(
      () => this.close('accept_timeout', `no accept within ${this.deps.acceptTimeoutMs} ms`),
      this.deps.acceptTimeoutMs,
    );
  }

  private onMessage(message: DownstreamMessage): void {
    if (this.state === 'closed') return;
    switch (message.type) {
      case 'accept':
        if (this.state !== 'hello') this.close('server_protocol_error:unexpected_accept', '');
        else this.onAccept(message);
        return;
      case 'ack':
        this.onAck(message.seq);
        return;
      case 'nack':
        // Only an accept can realign the outbox with the server, so start over with a fresh session.
        this.close('nack', `server expects ${message.expectedSequence}, got ${message.seq}`);
        return;
      case 'command':
      case 'config':
        this.apply(message);
        return;
      case 'ping':
        this.send({ type: 'pong' });
        return;
      case 'pong':
        return;
      case 'error':
        this.close(`server_error:${message.reason}`, message.detail ?? '');
        return;
    }
  }

  private onAccept(accept: AcceptMessage): void {
    clearTimeout(this.timer);
    this.accept = accept;
    this.channel.limitOutgoing(accept.maxFrameBytes);
    this.deps.outbox.sync(accept.nextSequence).then(
      ({ renumberedBy, alreadyStored }) => {
        if (this.state === 'closed') return;
        this.state = 'open';
        this.nextToSend = this.deps.outbox.firstPendingSequence;
        this.acked = this.nextToSend - 1;
        this.socket.setTimeout(accept.idleTimeoutMs);
        this.timer = setInterval(() => this.keepAlive(), Math.max(50, Math.floor(accept.idleTimeoutMs / 3)));
        this.timer.unref();
        this.deps.metrics.connected.set({ gateway: this.deps.gatewayId }, 1);
        this.deps.logger.info(
          {
            sessionId: accept.sessionId,
            nextSequence: accept.nextSequence,
            pending: this.deps.outbox.pendingCount,
            alreadyStored,
            renumberedBy,
          },
          'agent session opened',
        );
        if (renumberedBy !== 0)
          this.deps.logger.warn({ renumberedBy }, 'outbox renumbered to continue the server sequence');
        this.deps.onAccepted(accept, renumberedBy);
        this.pump();
      },
      (error: unknown) => this.close('outbox_error', (error as Error).message),
    );
  }

  private onAck(seq: number): void {
    if (this.state !== 'open' || seq <= this.acked || seq >= this.nextToSend) return;
    this.acked = seq;
    this.deps.metrics.framesAcked.inc({ gateway: this.deps.gatewayId });
    this.deps.outbox.ack(seq).then(
      () => {
        this.deps.metrics.outboxPending.set({ gateway: this.deps.gatewayId }, this.deps.outbox.pendingCount);
        this.deps.onAcked(seq);
      },
      (error: unknown) => this.close('outbox_error', (error as Error).message),
    );
    this.pump();
  }

  private pump(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    void this.fill()
      .catch((error: unknown) => this.close('outbox_error', (error as Error).message))
      .finally(() => {
        this.pumping = false;
        if (this.pumpAgain && this.state === 'open') {
          this.pumpAgain = false;
          this.pump();
        }
      });
  }

  private async fill(): Promise<void> {
    while (this.state === 'open') {
      const room = this.deps.window - (this.nextToSend - 1 - this.acked);
      if (room <= 0) return;
      const frames = await this.deps.outbox.readPending(this.nextToSend, room, 1024 * 1024);
      if (frames.length === 0 || this.state !== 'open') return;
      for (const { seq, entry } of frames) {
        this.send({ ...entry, seq });
        this.nextToSend = seq + 1;
        this.deps.metrics.framesSent.inc({ gateway: this.deps.gatewayId });
      }
    }
  }

  private send(message: Parameters<LinkChannel<DownstreamMessage>['send']>[0]): void {
    try {
      this.channel.send(message);
      this.lastSentAt = performance.now();
    } catch (error) {
      // Only a frame larger than the link allows can fail to encode: the server would refuse it anyway.
      this.close('frame_too_large', (error as Error).message);
    }
  }

  private keepAlive(): void {
    if (this.state === 'open' && performance.now() - this.lastSentAt >= (this.accept?.idleTimeoutMs ?? 0) / 3)
      this.send({ type: 'ping' });
  }

  private apply(message: CommandMessage | ConfigMessage): void {
    this.deps.commands.handle(message).then(
      (outcome) =>
        this.send({
          type: 'command_result',
          commandId: message.commandId,
          ok: outcome.ok,
          ...(outcome.detail ? { detail: outcome.detail.slice(0, 4000) } : {}),
          ...(outcome.report ? { report: outcome.report } : {}),
        }),
      (error: unknown) =>
        this.send({
          type: 'command_result',
          commandId: message.commandId,
          ok: false,
          detail: String((error as Error).message ?? error).slice(0, 4000),
        }),
    );
  }
}
