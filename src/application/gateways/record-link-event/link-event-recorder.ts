import { randomUUID } from 'node:crypto';
import {
  gatewayDecider,
  REFUSAL_RECORD_INTERVAL_MS,
  type GatewayCommand,
} from '../../../domain/gateways/gateway.decider.js';
import type { EventStore } from '../../ports/event-store.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { GATEWAY_EVENTS, gatewayStream } from '../gateway-stream.js';
import type { LinkRefusalReason, LinkRefusalRecorder } from '../ports/gateway-key-ring.port.js';

export interface SessionOpened {
  readonly gatewayId: string;
  readonly sessionId: string;
  readonly remoteAddress: string;
  readonly protocolVersion: number;
  readonly at: Date;
}

export interface SessionClosed {
  readonly gatewayId: string;
  readonly sessionId: string;
  readonly reason: string;
  readonly at: Date;
  readonly framesReceived: number;
  readonly readingsReceived: number;
}

export interface LinkEventRecorderOptions {
  /** Refusals tracked in memory before the oldest are forgotten; bounds memory under identity spraying. */
  readonly maxTrackedRefusals?: number;
  /** Appends retried after a concurrent write to the same gateway stream. */
  readonly maxAttempts?: number;
}

export const LINK_ACTOR_ID = 'link-server';

/**
 * Records what the link server sees in each gateway's stream. The decider rate-limits refusals durably; the
 * in-memory throttle in front of it spares the store a stream read for every attempt a brute-forcer makes.
 */
export class LinkEventRecorder implements LinkRefusalRecorder {
  private readonly lastRefusal = new Map<string, number>();
  private readonly maxTracked: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly store: EventStore,
    options: LinkEventRecorderOptions = {},
  ) {
    this.maxTracked = options.maxTrackedRefusals ?? 10_000;
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  async record(gatewayId: string, reason: LinkRefusalReason, detail: string, at: Date): Promise<void> {
    await this.recordRefusal(gatewayId, reason, detail, at);
  }

  /** Resolves to whether an event was appended (false when rate-limited or the identity was never registered). */
  async recordRefusal(gatewayId: string, reason: LinkRefusalReason, detail: string, at: Date): Promise<boolean> {
    const key = `${gatewayId}\u0000${reason}`;
    const last = this.lastRefusal.get(key);
    if (last !== undefined && at.getTime() - last < REFUSAL_RECORD_INTERVAL_MS) return false;
    this.remember(key, at.getTime());
    try {
      return await this.apply(
        gatewayId,
        { type: 'RecordLinkRefusal', data: { gatewayId, reason, detail, at: at.toISOString() } },
        randomUUID(),
      );
    } catch (error) {
      this.lastRefusal.delete(key);
      throw error;
    }
  }

  async sessionOpened(session: SessionOpened): Promise<boolean> {
    const { at, ...data } = session;
    return this.apply(
      session.gatewayId,
      { type: 'RecordLinkSessionOpened', data: { ...data, at: at.toISOString() } },
      session.sessionId,
    );
  }

  async sessionClosed(session: SessionClosed): Promise<boolean> {
    const { at, ...data } = session;
    return this.apply(
      session.gatewayId,
      { type: 'RecordLinkSessionClosed', data: { ...data, at: at.toISOString() } },
      session.sessionId,
    );
  }

  private remember(key: string, time: number): void {
    this.lastRefusal.delete(key);
    this.lastRefusal.set(key, time);
    if (this.lastRefusal.size > this.maxTracked) {
      const oldest = this.lastRefusal.keys().next();
      if (!oldest.done) this.lastRefusal.delete(oldest.value);
    }
  }

  private async apply(gatewayId: string, command: GatewayCommand, correlationId: string): Promise<boolean> {
    // Sessions of one gateway open and close concurrently; re-deciding on fresh state is always safe here.
    const { events } = await handleWithDecider(
      this.store,
      gatewayStream(gatewayId),
      gatewayDecider,
      command,
      { actorId: LINK_ACTOR_ID, correlationId },
      {
        events: GATEWAY_EVENTS,
        attempts: this.maxAttempts,
      },
    );
    return events.length > 0;
  }
}
