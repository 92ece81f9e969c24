import { actuatorTargetOf } from './actuator-target.js';

describe('actuatorTargetOf', () => {
  it('addresses a ZigBee endpoint, a zigbee2mqtt friendly name or IEEE address, and nothing else', () => {
    expect(actuatorTargetOf('zigbee:0x000b57fffec6a5b2/1/switchState', 'zigbee')).toBe('0x000b57fffec6a5b2/1');
    expect(actuatorTargetOf('zigbee:0x000b57fffec6a5b2/1/power', 'zigbee')).toBeNull();
    expect(actuatorTargetOf('zigbee2mqtt:gw-1/Kitchen plug/switchState', 'zigbee2mqtt')).toBe('Kitchen plug');
    expect(actuatorTargetOf('zigbee:0x000b57fffec6a5b2/switchState', 'zigbee2mqtt')).toBe('0x000b57fffec6a5b2');
    expect(actuatorTargetOf('dsmr:E0043/power', 'dsmr')).toBeNull();
  });
});
