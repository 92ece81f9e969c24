import type { ActuatorCommandRequested } from '../../src/domain/control/actuator-command.events.js';

const AT = '2024-05-01T10:00:00.000Z';

/** Switch a ZigBee plug on, as user u1 asked at AT, waiting 30 s for the report that it is on. */
export function anActuatorCommandRequested(
  overrides: Partial<ActuatorCommandRequested['data']> = {},
): ActuatorCommandRequested {
  return {
    type: 'ActuatorCommandRequested',
    data: {
      commandId: 'cmd-1',
      sensorId: 'zigbee:0x000b57fffec6a5b2/1/switchState',
      gatewayId: 'gw-1',
      nodeId: 'zigbee:0x000b57fffec6a5b2',
      target: '0x000b57fffec6a5b2/1',
      action: 'on',
      expectedState: 1,
      requestedBy: 'user:u1',
      reason: 'evening',
      idempotencyKey: null,
      requestedAt: AT,
      expiresAt: '2024-05-01T10:00:30.000Z',
      ...overrides,
    },
  };
}
