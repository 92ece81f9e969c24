import { isGatewayEvent, type GatewayEvent } from '../../../domain/gateways/gateway.events.js';
import {
  isNetworkConfigurationEvent,
  type NetworkConfigurationEvent,
} from '../../../domain/gateways/network-configuration.events.js';
import type { StreamEvents } from '../../shared/decider-command.js';
import { GATEWAY_SCHEMA_VERSION } from '../gateway-stream.js';

/**
 * Network configuration folds `gateway-<id>` whole: the gateway's lifecycle and network type, and its requests. Each
 * event it decides is caused by its request.
 */
export const NETWORK_CONFIGURATION_EVENTS: StreamEvents<GatewayEvent | NetworkConfigurationEvent> = {
  accepts: (event) => isGatewayEvent(event) || isNetworkConfigurationEvent(event),
  schemaVersion: GATEWAY_SCHEMA_VERSION,
  causationId: (event) => (isNetworkConfigurationEvent(event) ? event.data.requestId : undefined),
};
