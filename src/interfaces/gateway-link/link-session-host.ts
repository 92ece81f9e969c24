import type { Logger } from 'pino';
import type { LinkRefusalReason } from '../../application/gateways/ports/gateway-key-ring.port.js';
import type { IngestFrameResult } from '../../application/metering/ingest-frame/ingest-frame.command.js';
import type { GatewayFrame } from '../../domain/metering/gateway-frame.js';
import type { CommandResultMessage, NodeEventMessage } from '../../infrastructure/tls-link/link-messages.js';

export interface SessionLimits {
  readonly maxFrameBytes: number;
  readonly idleTimeoutMs: number;
  readonly helloTimeoutMs: number;
  /** Frames read but not yet appended; at this many the socket is paused until half have drained. */
  readonly queueLimit: number;
  /** At most this many queued consecutive frames go into one append. */
  readonly maxBatchFrames: number;
}

/**
 * What a session needs from its server. Generic in the session, which it hands back to the server, so this file need
 * not import the session class (link-session.ts names the concrete `SessionHost`).
 */
export interface SessionHostOf<LinkSession> {
  readonly logger: Logger;
  readonly limits: SessionLimits;
  /** Ends older sessions of the gateway (and waits for their in-flight append), then answers the next sequence. */
  admit(session: LinkSession): Promise<number>;
  /** Stores consecutive frames (one append when it can); one result per frame, in order. */
  ingest(gatewayId: string, frames: readonly GatewayFrame[]): Promise<IngestFrameResult[]>;
  refuse(gatewayId: string, reason: LinkRefusalReason, detail: string): void;
  commandResult(gatewayId: string, result: CommandResultMessage): void;
  /** An admitted session began (after the accept was sent). */
  opened(session: LinkSession, info: { remoteAddress: string; protocolVersion: number }): void;
  /** An admitted session ended; counts cover frames acked in it. */
  closed(session: LinkSession, info: { reason: string; framesReceived: number; readingsReceived: number }): void;
  nodeNotice(gatewayId: string, notice: NodeEventMessage): void;
  ended(session: LinkSession): void;
}
