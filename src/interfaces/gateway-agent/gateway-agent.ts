import { EventEmitter } from 'node:events';
import { connect } from 'node:tls';
import type { Logger } from 'pino';
import type { DurableOutbox } from '../../infrastructure/outbox/durable-outbox.js';
import type { AcceptMessage } from '../../infrastructure/tls-link/link-messages.js';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../../infrastructure/tls-link/message-parser.js';
import { pskClientOptions } from '../../infrastructure/tls-link/psk-tls.js';
import { agentMetrics, type AgentMetrics } from './agent-metrics.js';
import { AgentSession, type OutboxEntry } from './agent-session.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { NO_DEVICE_COMMANDS, type CommandHandler } from './command-handler.js';
import type { FrameSink, NodeEventReport } from './frame-source.js';
import { ServerEndpoints, type DialTarget, type ResolveHost, type ServerEndpoint } from './server-endpoints.js';

export interface GatewayAgentSettings {
  /** One server endpoint; `servers` lists several (tried in order, each name expanded to all its addresses). */
  readonly server?: ServerEndpoint;
  readonly servers?: readonly ServerEndpoint[];
  readonly gatewayId: string;
  readonly key: Buffer;
  readonly agentVersion: string;
  readonly batchIntervalMs: number;
  /** Frames the agent builds stay below this, so the stored event stays below the store's 1 MiB event limit. */
  readonly maxFrameBytes?: number;
  readonly maxPayloadsPerFrame?: number;
  readonly window?: number;
  readonly backoff?: BackoffPolicy;
  readonly connectTimeoutMs?: number;
}

export interface GatewayAgentDeps {
  readonly outbox: DurableOutbox<OutboxEntry>;
  readonly logger: Logger;
  readonly commands?: CommandHandler;
  readonly metrics?: AgentMetrics;
  readonly random?: () => number;
  /** Host name resolution; DNS unless a test says otherwise. */
  readonly resolveHost?: ResolveHost;
}

export interface GatewayAgentEvents {
  accepted: [accept: AcceptMessage, renumberedBy: number];
  acked: [seq: number];
  disconnected: [reason: string];
}

const DEFAULT_MAX_FRAME_BYTES = 256 * 1024;
/** Room for the envelope around the payloads ({"type":"readings","seq":…,"payloads":[…]}). */
const ENVELOPE_BYTES = 64;

/**
 * The gateway side: drivers push native payloads, which are batched into frames and made durable in the outbox
 * before anything is sent; a connection loop keeps one link session up (exponential backoff with jitter between
 * attempts) and drains the outbox through it.
 */
export class GatewayAgent extends EventEmitter<GatewayAgentEvents> implements FrameSink {
  private readonly metrics: AgentMetrics;
  private readonly maxFrameBytes: number;
  private readonly maxPayloads: number;
  private readonly log: Logger;
  private batch: unknown[] = [];
  private batchBytes = 0;
  private staged: OutboxEntry[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private session: AgentSession | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;
  private interruptSleep: (() => void) | null = null;
  private readonly endpoints: ServerEndpoints;

  constructor(
    private readonly settings: GatewayAgentSettings,
    private readonly deps: GatewayAgentDeps,
  ) {
    super();
    this.metrics = deps.metrics ?? agentMetrics();
    this.maxFrameBytes = settings.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    this.maxPayloads = settings.maxPayloadsPerFrame ?? 1000;
    this.log = deps.logger.child({ ns: 'wattlog:agent', gatewayId: settings.gatewayId });
    this.endpoints = new ServerEndpoints(
      settings.servers ?? (settings.server ? [settings.server] : []),
      deps.resolveHost,
      (endpoint, error) => this.log.warn({ endpoint, err: error }, 'server endpoint does not resolve'),
    );
  }

  get connected(): boolean {
    return this.session?.isOpen ?? false;
  }

  start(): void {
    this.running ??= this.connectLoop();
  }

  push(payload: unknown): boolean {
    let bytes: number;
    try {
      const json = JSON.stringify(payload);
      if (json === undefined) return this.refuse('not_json');
      bytes = Buffer.byteLength(json) + 1;
    } catch {
      return this.refuse('not_json');
    }
    // Leave room for the server's envelope checks (message → payloads → payload).
    if (jsonDepthExceeds(payload, MAX_JSON_DEPTH - 3)) return this.refuse('too_deep');
    if (bytes + ENVELOPE_BYTES > this.maxFrameBytes) return this.refuse('too_large');
    if (this.batch.length >= this.maxPayloads || this.batchBytes + bytes + ENVELOPE_BYTES > this.maxFrameBytes)
      this.stageBatch();
    this.batch.push(payload);
    this.batchBytes += bytes;
    this.flushTimer ??= setTimeout(() => void this.flush(), this.settings.batchIntervalMs);
    return true;
  }

  nodeEvent(report: NodeEventReport): void {
    this.stageBatch();
    this.staged.push({ type: 'node_event', ...report });
    void this.flush();
  }

  /** Resolves when everything pushed so far is durable in the outbox. */
  flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.stageBatch();
    const entries = this.staged;
    this.staged = [];
    if (entries.length > 0) this.writing = this.writing.then(() => this.write(entries));
    return this.writing;
  }

  /** Flushes, ends the session and the connection loop. The outbox stays open: its owner closes it. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.flush();
    this.session?.close('agent_stopping', '');
    this.interruptSleep?.();
    await this.running;
  }

  private refuse(reason: string): false {
    this.metrics.payloadsRefused.inc({ gateway: this.settings.gatewayId, reason });
    this.log.warn({ reason }, 'driver payload refused');
    return false;
  }

  private stageBatch(): void {
    if (this.batch.length === 0) return;
    this.staged.push({ type: 'readings', payloads: this.batch });
    this.batch = [];
    this.batchBytes = 0;
  }

  private async write(entries: OutboxEntry[]): Promise<void> {
    const gateway = this.settings.gatewayId;
    try {
      const { dropped, droppedRange } = await this.deps.outbox.append(entries);
      if (dropped > 0) {
        this.metrics.outboxDropped.inc({ gateway }, dropped);
        const detail = {
          dropped,
          ...(droppedRange ? { fromSequence: droppedRange[0], toSequence: droppedRange[1] } : {}),
        };
        // The server learns about the loss in the gateway's own sequence, right after it.
        await this.deps.outbox.append([{ type: 'node_event', event: 'outbox_overflow', detail }]);
      }
    } catch (error) {
      // The disk refused the write: these payloads are lost; say so loudly rather than retry into a full disk.
      const lost = entries.reduce((n, e) => n + (e.type === 'readings' ? e.payloads.length : 1), 0);
      this.metrics.payloadsRefused.inc({ gateway, reason: 'outbox_write_failed' }, lost);
      this.log.error({ err: error, lost }, 'outbox write failed');
      return;
    }
    this.metrics.outboxPending.set({ gateway }, this.deps.outbox.pendingCount);
    this.session?.wake();
  }

  /**
   * Dials the endpoints' addresses one after the other: when a node dies or refuses, the next is tried at once.
   * Only a whole round without an accepted session backs off (exponentially); after a session ends the agent waits
   * the shortest step, then dials the next address.
   */
  private async connectLoop(): Promise<void> {
    let failedRounds = 0;
    let acceptedInRound = false;
    while (!this.stopping) {
      const target = await this.endpoints.next();
      if (target === null) {
        if (acceptedInRound) {
          acceptedInRound = false;
          continue;
        }
        failedRounds += 1;
        await this.pause(failedRounds);
        continue;
      }
      const outcome = await this.connectOnce(target);
      this.emit('disconnected', outcome.reason);
      if (this.stopping) break;
      if (outcome.accepted) {
        failedRounds = 0;
        acceptedInRound = true;
        await this.pause(0);
      }
    }
  }

  private async pause(attempt: number): Promise<void> {
    const delay = backoffDelay(attempt, this.settings.backoff ?? DEFAULT_BACKOFF, this.deps.random ?? Math.random);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay);
      this.interruptSleep = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.interruptSleep = null;
  }

  private connectOnce(target: DialTarget): Promise<{ accepted: boolean; reason: string }> {
    const { address, port } = target;
    this.log.debug({ address, port, endpoint: target.endpoint }, 'dialing the server');
    const socket = connect({ host: address, port, ...pskClientOptions(this.settings.gatewayId, this.settings.key) });
    // Small request-reply messages: see the link server's noDelay.
    socket.setNoDelay(true);
    const connectTimeoutMs = this.settings.connectTimeoutMs ?? 10_000;
    socket.setTimeout(connectTimeoutMs);
    socket.once('secureConnect', () => socket.setTimeout(0));
    const session = new AgentSession(socket, {
      gatewayId: this.settings.gatewayId,
      agentVersion: this.settings.agentVersion,
      outbox: this.deps.outbox,
      commands: this.deps.commands ?? NO_DEVICE_COMMANDS,
      logger: this.log,
      metrics: this.metrics,
      window: this.settings.window ?? 64,
      acceptTimeoutMs: connectTimeoutMs,
      onAccepted: (accept, renumberedBy) => this.emit('accepted', accept, renumberedBy),
      onAcked: (seq) => this.emit('acked', seq),
    });
    this.session = session;
    return session.done.finally(() => {
      if (this.session === session) this.session = null;
    });
  }
}
