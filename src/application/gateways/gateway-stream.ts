import { randomUUID } from 'node:crypto';
import { fold, type GatewayState } from '../../domain/gateways/gateway.decider.js';
import { isGatewayEvent, type GatewayEvent } from '../../domain/gateways/gateway.events.js';
import type { Principal } from '../../domain/access/principal.js';
import type { EventMetadata } from '../../domain/shared/event.js';
import type { EventStore, NewEvent } from '../ports/event-store.port.js';

export const GATEWAY_STREAM_PREFIX = 'gateway-';
export const GATEWAY_SCHEMA_VERSION = 1;

export function gatewayStream(gatewayId: string): string {
  return `${GATEWAY_STREAM_PREFIX}${gatewayId}`;
}

/** Who asked and which request it belongs to; stored as event metadata. */
export interface CommandMetadata {
  readonly actorId: string;
  readonly correlationId: string;
  /** Who asks, for the access policy; absent is anonymous, which every guarded command refuses. Never stored. */
  readonly principal?: Principal;
}

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export interface LoadedGateway {
  readonly state: GatewayState;
  /** Pass as expectedRevision so a concurrent writer turns into a conflict instead of a lost update. */
  readonly revision: number | 'no_stream';
}

export async function loadGateway(store: EventStore, gatewayId: string): Promise<LoadedGateway> {
  const recorded = await store.readStream(gatewayStream(gatewayId));
  const events = recorded.filter(isGatewayEvent).map((e) => ({ type: e.type, data: e.data }) as GatewayEvent);
  const last = recorded.at(-1);
  return { state: fold(events), revision: last ? last.revision : 'no_stream' };
}

export function toNewEvents(events: readonly GatewayEvent[], { actorId, correlationId }: CommandMetadata): NewEvent[] {
  return events.map((event) => ({
    id: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: { actorId, correlationId, schemaVersion: GATEWAY_SCHEMA_VERSION } satisfies EventMetadata,
  }));
}
