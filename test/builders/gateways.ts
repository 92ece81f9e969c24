import type { GatewayRegistered } from '../../src/domain/gateways/gateway.events.js';

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
