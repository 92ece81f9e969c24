import { randomUUID } from 'node:crypto';
import { isGatewayEvent, type GatewayEvent } from '../../../domain/gateways/gateway.events.js';
import { foldNetworkConfiguration, type NetworkConfigurationState } from '../../../domain/gateways/network-configuration.decider.js';
import { isNetworkConfigurationEvent, type NetworkConfigurationEvent } from '../../../domain/gateways/network-configuration.events.js';
import type { EventStore, NewEvent } from '../../ports/event-store.port.js';
import { GATEWAY_SCHEMA_VERSION, gatewayStream } from '../gateway-stream.js';

export interface LoadedNetworkConfiguration {
  readonly state: NetworkConfigurationState;
  /** The stream's last revision, whatever the event: link sessions append to the same stream. */
  readonly revision: number | 'no_stream';
}

/** Folds `gateway-<id>` into what network configuration needs: the gateway's lifecycle and network type, and its requests. */
export async function loadNetworkConfiguration(store: EventStore, gatewayId: string): Promise<LoadedNetworkConfiguration> {
  const recorded = await store.readStream(gatewayStream(gatewayId));
  const events = recorded
    .filter((e) => isGatewayEvent(e) || isNetworkConfigurationEvent(e))
    .map((e) => ({ type: e.type, data: e.data }) as GatewayEvent | NetworkConfigurationEvent);
  return { state: foldNetworkConfiguration(events), revision: recorded.at(-1)?.revision ?? 'no_stream' };
}

export function toNetworkEvents(events: readonly NetworkConfigurationEvent[], metadata: { readonly actorId: string; readonly correlationId: string }): NewEvent[] {
  return events.map((event) => ({
    id: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: { ...metadata, causationId: event.data.requestId, schemaVersion: GATEWAY_SCHEMA_VERSION },
  }));
}
