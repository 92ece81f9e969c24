import type { GatewayFrame } from '../../domain/metering/gateway-frame.js';
import type { NodeEventMessage } from '../../infrastructure/tls-link/link-messages.js';

/** A sequenced node event travels in the gateway's frame sequence, so it is stored exactly once like readings. */
export function nodeEventFrame(message: NodeEventMessage, seq: number): GatewayFrame {
  return {
    kind: 'node_event',
    seq,
    event: message.event,
    ...(message.nodeId !== undefined ? { nodeId: message.nodeId } : {}),
    ...(message.at !== undefined ? { at: message.at } : {}),
    ...(message.detail !== undefined ? { detail: message.detail } : {}),
  };
}
