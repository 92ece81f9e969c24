import type { GatewayRegistered } from '../../src/domain/gateways/gateway.events.js';
import {
  networkFieldOf,
  type NetworkConfigurationRequested,
} from '../../src/domain/gateways/network-configuration.events.js';

export const A_GATEWAY_ID = 'gw-1';
export const REGISTERED_AT = '2024-05-01T10:00:00.000Z';

/** A gateway registered with plausible details; pass what the spec is about and leave the rest. */
export function aRegisteredGateway(overrides: Partial<GatewayRegistered['data']> = {}): GatewayRegistered {
  return {
    type: 'GatewayRegistered',
    data: {
      gatewayId: A_GATEWAY_ID,
      name: 'Home',
      networkType: 'zigbee',
      address: '192.0.2.10',
      description: 'meter cupboard',
      location: { lat: 52.37, lon: 4.89, label: 'Amsterdam' },
      ownerId: 'owner-1',
      keyFingerprint: 'aaaaaaaaaaaaaaaa',
      registeredAt: REGISTERED_AT,
      ...overrides,
    },
  };
}

/** An admin moves the ZigBee network to channel 15 (unless told), waiting 60 s; the field follows the change. */
export function aNetworkConfigurationRequested(
  overrides: Partial<NetworkConfigurationRequested['data']> = {},
): NetworkConfigurationRequested {
  const change = overrides.change ?? { kind: 'channel', channel: 15 };
  return {
    type: 'NetworkConfigurationRequested',
    data: {
      requestId: 'r1',
      gatewayId: A_GATEWAY_ID,
      field: networkFieldOf(change),
      change,
      requestedBy: 'user:admin',
      reason: 'less interference',
      requestedAt: REGISTERED_AT,
      expiresAt: '2024-05-01T10:01:00.000Z',
      ...overrides,
    },
  };
}
