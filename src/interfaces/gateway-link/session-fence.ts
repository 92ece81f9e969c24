import type { Logger } from 'pino';
import { GATEWAY_STREAM_PREFIX } from '../../application/gateways/gateway-stream.js';
import type { AllFilter, EventStore, Position, Subscription } from '../../application/ports/event-store.port.js';

const FILTER: AllFilter = { streamPrefixes: [GATEWAY_STREAM_PREFIX], types: ['LinkSessionOpened'] };
const RETRY_MS = 1000;

/** What the fence needs of the link server: end this node's sessions older (in the log) than the one named. */
export interface SupersedableSessions {
  supersede(gatewayId: string, sessionId: string): void;
}

/**
 * One session per gateway across every node over the same log. Each node follows the `LinkSessionOpened` events in
 * the log (the same catch-up subscription as everything else: NOTIFY wakes it, polling covers a lost notification)
 * and ends its own sessions of that gateway whose start is earlier in the log. The log's order decides, not the
 * nodes' clocks: the session recorded last wins, on every node alike. Following the log rather than a NOTIFY
 * payload means a node that was paused or lost its listener still learns of every newer session when it resumes.
 */
export class ClusterSessionFence {
  private subscription: Subscription | undefined;
  private following: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly sessions: SupersedableSessions,
    private readonly logger: Logger,
  ) {}

  /** Follows from the head of the log: sessions opened before this node started are not its own. */
  async start(): Promise<void> {
    const head = await this.store.headPosition();
    this.following = this.follow(head);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
    await this.following;
  }

  private async follow(after: Position | null): Promise<void> {
    while (!this.stopping) {
      try {
        this.subscription = this.store.subscribe({ after, filter: FILTER });
        if (this.stopping) await this.subscription.close();
        for await (const event of this.subscription) {
          after = event.position;
          const { gatewayId, sessionId } = event.data as { gatewayId?: unknown; sessionId?: unknown };
          if (typeof gatewayId === 'string' && typeof sessionId === 'string')
            this.sessions.supersede(gatewayId, sessionId);
        }
      } catch (error) {
        if (this.stopping) return;
        this.logger.error({ err: error }, 'following link sessions failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }
}
