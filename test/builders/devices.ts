import {
  fieldOf,
  type NodeConfigurationChange,
  type NodeConfigurationRequested,
} from '../../src/domain/devices/node-configuration.events.js';

const AT = '2024-05-01T10:00:00.000Z';

/** Power reported at most every 5 s and at least every 300 s, or on a 50 W change. */
export const POWER_REPORTING: Extract<NodeConfigurationChange, { kind: 'reporting' }> = {
  kind: 'reporting',
  quantity: 'power',
  minIntervalS: 5,
  maxIntervalS: 300,
  reportableChange: 50,
};

/** An admin asks a ZigBee node for a change (power reporting unless told) for 60 s; the field follows the change. */
export function aNodeConfigurationRequested(
  overrides: Partial<NodeConfigurationRequested['data']> = {},
): NodeConfigurationRequested {
  const change = overrides.change ?? POWER_REPORTING;
  return {
    type: 'NodeConfigurationRequested',
    data: {
      requestId: 'r1',
      nodeId: 'zigbee:0x000b57fffec6a5b2',
      gatewayId: 'gw-1',
      field: fieldOf(change),
      change,
      requestedBy: 'user:admin',
      reason: 'less chatter',
      requestedAt: AT,
      expiresAt: '2024-05-01T10:01:00.000Z',
      ...overrides,
    },
  };
}
