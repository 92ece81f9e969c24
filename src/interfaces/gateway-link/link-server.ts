import type { Socket } from 'node:net';
import { createServer, type Server, type TLSSocket } from 'node:tls';
import type { Logger } from 'pino';
import type {
  GatewayKeyRing,
  LinkRefusalRecorder,
  LinkRefusalReason,
} from '../../application/gateways/ports/gateway-key-ring.port.js';
import type { IngestFrameResult } from '../../application/metering/ingest-frame/ingest-frame.command.js';
import type { GatewayFrame } from '../../domain/metering/gateway-frame.js';
import { DEFAULT_MAX_FRAME_BYTES } from '../../infrastructure/tls-link/frame-codec.js';
import type {
  CommandMessage,
  CommandResultMessage,
  ConfigMessage,
  NodeEventMessage,
} from '../../infrastructure/tls-link/link-messages.js';
import { decoyKey, pskServerOptions } from '../../infrastructure/tls-link/psk-tls.js';
import { classifyHandshakeFailure, shortIdentity, type PskAttempt } from './handshake-refusal.js';
import { LinkSession, type SessionHost, type SessionLimits } from './link-session.js';

export interface LinkServerDeps {
  readonly keyRing: GatewayKeyRing;
  readonly refusals: LinkRefusalRecorder;
  /** Stores consecutive sequenced frames (the IngestFrames use case); one result per frame. */
  ingest(gatewayId: string, frames: readonly GatewayFrame[], receivedAt: Date): Promise<IngestFrameResult[]>;
  /** Last stored sequence + 1 for the gateway. */
  nextSequence(gatewayId: string): Promise<number>;
  readonly logger: Logger;
  readonly now: () => Date;
  /**
   * Tells a decommissioned gateway from an unknown identity when the key ring has no key for it. The key ring port
   * answers undefined for both; without this, every keyless identity is classified `unknown_identity`.
   */
  isDecommissioned?(gatewayId: string): boolean;
  /** Session start and end for the gateway's trail and status (LinkSessionOpened/Closed). */
  readonly sessionEvents?: LinkSessionEvents;
  onCommandResult?(gatewayId: string, result: CommandResultMessage): void;
  onNodeNotice?(gatewayId: string, notice: NodeEventMessage): void;
}

export interface LinkSessionEvents {
  sessionOpened(session: {
    gatewayId: string;
    sessionId: string;
    remoteAddress: string;
    protocolVersion: number;
    at: Date;
  }): Promise<unknown>;
  sessionClosed(session: {
    gatewayId: string;
    sessionId: string;
    reason: string;
    at: Date;
    framesReceived: number;
    readingsReceived: number;
  }): Promise<unknown>;
}

export interface LinkServerOptions extends Partial<SessionLimits> {
  readonly host?: string;
  readonly port?: number;
  /** A TCP connection must finish the TLS handshake within this. */
  readonly handshakeTimeoutMs?: number;
}

export interface LinkSessionInfo {
  readonly gatewayId: string;
  readonly sessionId: string;
  readonly open: boolean;
  readonly queued: number;
  readonly paused: boolean;
}

export const DEFAULT_LINK_PORT = 7700;
export const DEFAULT_LINK_HOST = '0.0.0.0';

/**
 * The message coordinator: TLS 1.3 with external PSKs (identity = gateway id, key = network key from the key ring).
 * `pskCallback` is synchronous, hence the in-memory key ring; identities without a key get a random decoy key so
 * the handshake fails the same way whether the identity exists or not.
 */
export class LinkServer {
  private readonly server: Server;
  private readonly attempts = new WeakMap<TLSSocket, PskAttempt>();
  private readonly sessionsByGateway = new Map<string, Set<LinkSession>>();
  /** Admissions of one gateway run one after another, so two racing sessions cannot both survive. */
  private readonly admissions = new Map<string, Promise<unknown>>();
  private readonly stopRevocations: () => void;
  private readonly log: Logger;
  private readonly sessionHost: SessionHost;
  private readonly openedRecords = new WeakMap<LinkSession, Promise<unknown>>();
  /** Sessions whose start the cluster fence has seen in the log: a later start of their gateway supersedes them. */
  private readonly logged = new WeakSet<LinkSession>();
  /** Every TCP connection, including those still in (or stuck before) the handshake, so close() can end them. */
  private readonly connections = new Set<Socket>();

  constructor(
    private readonly deps: LinkServerDeps,
    private readonly options: LinkServerOptions = {},
  ) {
    this.log = deps.logger.child({ ns: 'wattlog:link' });
    this.sessionHost = {
      logger: this.log,
      limits: {
        maxFrameBytes: options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES,
        idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
        helloTimeoutMs: options.helloTimeoutMs ?? 10_000,
        queueLimit: options.queueLimit ?? 64,
        maxBatchFrames: options.maxBatchFrames ?? 16,
      },
      admit: (session) => this.admit(session),
      ingest: (gatewayId, frames) => deps.ingest(gatewayId, frames, deps.now()),
      // The session's close line already logs why; this only feeds the gateway's trail.
      refuse: (gatewayId, reason, detail) => this.record(gatewayId, reason, detail),
      opened: (session, info) => {
        const events = deps.sessionEvents;
        if (!events) return;
        const opened = events
          .sessionOpened({ gatewayId: session.gatewayId, sessionId: session.sessionId, ...info, at: deps.now() })
          .catch((error: unknown) =>
            this.log.error({ err: error, gatewayId: session.gatewayId }, 'recording a session start failed'),
          );
        this.openedRecords.set(session, opened);
      },
      closed: (session, info) => {
        const events = deps.sessionEvents;
        if (!events) return;
        const at = deps.now();
        // After the start is recorded: a close without its start would be ignored by the gateway's decider.
        void (this.openedRecords.get(session) ?? Promise.resolve())
          .then(() => events.sessionClosed({ gatewayId: session.gatewayId, sessionId: session.sessionId, ...info, at }))
          .catch((error: unknown) =>
            this.log.error({ err: error, gatewayId: session.gatewayId }, 'recording a session end failed'),
          );
        this.openedRecords.delete(session);
      },
      commandResult: (gatewayId, result) => deps.onCommandResult?.(gatewayId, result),
      nodeNotice: (gatewayId, notice) => deps.onNodeNotice?.(gatewayId, notice),
      ended: (session) => {
        const set = this.sessionsByGateway.get(session.gatewayId);
        set?.delete(session);
        if (set?.size === 0) this.sessionsByGateway.delete(session.gatewayId);
      },
    };
    this.server = createServer(
      {
        ...pskServerOptions((socket, identity) => this.pskFor(socket, identity)),
        handshakeTimeout: options.handshakeTimeoutMs ?? 10_000,
        // Hello/accept, frame/ack and command/ack are small request-reply messages: Nagle's algorithm against the
        // peer's delayed ACK would add about 40 ms to each exchange.
        noDelay: true,
      },
      (socket) => this.onSecureConnection(socket),
    );
    this.server.on('tlsClientError', (error: Error & { code?: string }, socket: TLSSocket) =>
      this.onHandshakeFailure(error, socket),
    );
    this.server.on('connection', (socket: Socket) => {
      this.connections.add(socket);
      socket.once('close', () => this.connections.delete(socket));
    });
    this.stopRevocations = deps.keyRing.onRevoked((gatewayId) => this.revoke(gatewayId));
  }

  listen(): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? DEFAULT_LINK_PORT, this.options.host ?? DEFAULT_LINK_HOST, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        const bound =
          typeof address === 'object' && address
            ? { host: address.address, port: address.port }
            : { host: '', port: 0 };
        this.log.info(bound, 'gateway link listening');
        resolve(bound);
      });
    });
  }

  /** Stops accepting, ends every session and waits for appends still running. */
  async close(): Promise<void> {
    this.stopRevocations();
    const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const sessions = this.allSessions();
    for (const session of sessions) session.close('server_shutdown', 'the server is shutting down', true);
    await Promise.all(sessions.map((s) => s.closed));
    for (const socket of this.connections) socket.destroy();
    await closing;
  }

  /** Sends a command or configuration to the gateway's open session; false when it has none. */
  send(gatewayId: string, message: CommandMessage | ConfigMessage): boolean {
    for (const session of this.sessionsByGateway.get(gatewayId) ?? []) {
      if (session.isOpen) return session.sendDown(message);
    }
    return false;
  }

  /**
   * The log says `sessionId` is the gateway's newest session (ClusterSessionFence): this node's other sessions of
   * the gateway that started earlier in the log end. A session whose start is not in the log yet is newer still,
   * so it stays; its own start, when seen, ends the others.
   */
  supersede(gatewayId: string, sessionId: string): void {
    for (const session of [...(this.sessionsByGateway.get(gatewayId) ?? [])]) {
      if (session.sessionId === sessionId) this.logged.add(session);
      else if (this.logged.has(session))
        session.close('replaced', 'a newer session of this gateway was accepted by another node', true);
    }
  }

  sessions(): LinkSessionInfo[] {
    return this.allSessions().map((s) => ({
      gatewayId: s.gatewayId,
      sessionId: s.sessionId,
      open: s.isOpen,
      queued: s.queued,
      paused: s.isPaused,
    }));
  }

  private allSessions(): LinkSession[] {
    return [...this.sessionsByGateway.values()].flatMap((set) => [...set]);
  }

  private pskFor(socket: TLSSocket, identity: string): Buffer {
    const key = this.deps.keyRing.keyFor(identity);
    const lookup = key ? 'key' : this.deps.isDecommissioned?.(identity) ? 'decommissioned' : 'unknown';
    this.attempts.set(socket, { identity, lookup, key });
    return key ?? decoyKey();
  }

  private onHandshakeFailure(error: Error & { code?: string }, socket: TLSSocket): void {
    // With a tlsClientError listener Node leaves the socket to us; a handshake timeout would otherwise keep it open.
    socket.destroy();
    const refusal = classifyHandshakeFailure(this.attempts.get(socket), error);
    this.log.warn(
      { gatewayId: refusal.gatewayId, reason: refusal.reason, detail: refusal.detail, remote: socket.remoteAddress },
      'link handshake refused',
    );
    if (refusal.gatewayId !== undefined) this.record(refusal.gatewayId, refusal.reason, refusal.detail);
  }

  private onSecureConnection(socket: TLSSocket): void {
    const attempt = this.attempts.get(socket);
    // A session that skipped pskCallback (a resumed ticket) was not checked against the current key: refuse it.
    if (!attempt?.key || attempt.lookup !== 'key') {
      this.log.warn({ remote: socket.remoteAddress }, 'link session without a checked PSK dropped');
      socket.destroy();
      return;
    }
    const session = new LinkSession(socket, attempt.identity, this.sessionHost);
    const set = this.sessionsByGateway.get(attempt.identity) ?? new Set<LinkSession>();
    set.add(session);
    this.sessionsByGateway.set(attempt.identity, set);
    // The key may have been rotated between the handshake and now.
    if (!this.deps.keyRing.keyFor(attempt.identity)?.equals(attempt.key))
      session.close('key_revoked', 'the network key changed', true);
  }

  private revoke(gatewayId: string): void {
    for (const session of [...(this.sessionsByGateway.get(gatewayId) ?? [])]) {
      session.close('key_revoked', 'the network key was rotated or the gateway decommissioned', true);
    }
  }

  private record(gatewayId: string, reason: LinkRefusalReason, detail: string): void {
    this.deps.refusals.record(shortIdentity(gatewayId), reason, detail, this.deps.now()).catch((error: unknown) => {
      this.log.error({ err: error, gatewayId: shortIdentity(gatewayId), reason }, 'recording a link refusal failed');
    });
  }

  private admit(session: LinkSession): Promise<number> {
    const gatewayId = session.gatewayId;
    const previous = this.admissions.get(gatewayId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const older = [...(this.sessionsByGateway.get(gatewayId) ?? [])].filter((s) => s !== session);
      for (const s of older) s.close('replaced', 'a newer session of this gateway was accepted', true);
      await Promise.all(older.map((s) => s.closed));
      return this.deps.nextSequence(gatewayId);
    });
    const settled = next.catch(() => undefined);
    this.admissions.set(gatewayId, settled);
    void settled.then(() => {
      if (this.admissions.get(gatewayId) === settled) this.admissions.delete(gatewayId);
    });
    return next;
  }
}
