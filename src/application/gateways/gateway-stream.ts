import type { Principal } from '../../domain/access/principal.js';
import { isGatewayEvent, type GatewayEvent } from '../../domain/gateways/gateway.events.js';
import type { StreamEvents } from '../shared/decider-command.js';

export const GATEWAY_STREAM_PREFIX = 'gateway-';
export const GATEWAY_SCHEMA_VERSION = 1;

export function gatewayStream(gatewayId: string): string {
  return `${GATEWAY_STREAM_PREFIX}${gatewayId}`;
}

/** The gateway decider's events in `gateway-<id>`, which also carries the gateway's network configuration. */
export const GATEWAY_EVENTS: StreamEvents<GatewayEvent> = {
  accepts: isGatewayEvent,
  schemaVersion: GATEWAY_SCHEMA_VERSION,
};

export const ANONYMOUS: Principal = { kind: 'anonymous' };
