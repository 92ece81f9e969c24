import { NODE_EVENT_KINDS, type NodeEventKind } from '../../domain/devices/node-event-kinds.js';

/** Bumped on any incompatible change; the server refuses a hello with another version. */
export const LINK_PROTOCOL_VERSION = 1;

export { NODE_EVENT_KINDS, type NodeEventKind };

/** Gateway → server: first message of every session. */
export interface HelloMessage {
  readonly type: 'hello';
  readonly v: number;
  readonly gatewayId: string;
  readonly agentVersion: string;
  readonly lastAckedSequence?: number;
}

/** Server → gateway. `nextSequence` is the server's view: last stored sequence + 1 (0 for a new gateway). */
export interface AcceptMessage {
  readonly type: 'accept';
  readonly v: number;
  readonly sessionId: string;
  readonly nextSequence: number;
  readonly maxFrameBytes: number;
  readonly idleTimeoutMs: number;
}

/**
 * Native payloads as the gateway's driver produced them; each is normally `{ kind, ...fields, measuredAt? }`
 * but the envelope does not judge them: the server keeps what it cannot decode.
 */
export interface ReadingsMessage {
  readonly type: 'readings';
  readonly seq: number;
  readonly payloads: readonly unknown[];
}

/** Sent only after the frame is durably appended (or found already stored). */
export interface AckMessage {
  readonly type: 'ack';
  readonly seq: number;
}

export interface NackMessage {
  readonly type: 'nack';
  readonly seq: number;
  readonly reason: 'sequence_gap';
  readonly expectedSequence: number;
}

/** With `seq` it is a sequenced frame (stored, acked) like readings; without, a best-effort notice. */
export interface NodeEventMessage {
  readonly type: 'node_event';
  readonly seq?: number;
  readonly event: NodeEventKind;
  readonly nodeId?: string;
  readonly at?: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface CommandMessage {
  readonly type: 'command';
  readonly commandId: string;
  readonly target: string;
  readonly action: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface ConfigMessage {
  readonly type: 'config';
  readonly commandId: string;
  readonly target: string;
  readonly settings: Readonly<Record<string, unknown>>;
}

export interface CommandResultMessage {
  readonly type: 'command_result';
  readonly commandId: string;
  readonly ok: boolean;
  readonly detail?: string;
  /**
   * What the driver reports back beyond ok/detail (a coordinator's network after `network_config`). Only sent in
   * answer to commands that ask for one, which only servers that read it send.
   */
  readonly report?: Readonly<Record<string, unknown>>;
}

export interface PingMessage {
  readonly type: 'ping';
}

export interface PongMessage {
  readonly type: 'pong';
}

/** The sender closes the connection right after this. */
export interface ErrorMessage {
  readonly type: 'error';
  readonly reason: string;
  readonly detail?: string;
}

export type UpstreamMessage =
  HelloMessage | ReadingsMessage | NodeEventMessage | CommandResultMessage | PingMessage | PongMessage | ErrorMessage;

export type DownstreamMessage =
  AcceptMessage | AckMessage | NackMessage | CommandMessage | ConfigMessage | PingMessage | PongMessage | ErrorMessage;

/** What goes into a gateway's sequence: one frame = one stream revision on the server. */
export type SequencedMessage = ReadingsMessage | (NodeEventMessage & { readonly seq: number });
