import { normalizeIeee, parseZigbee2MqttTopic } from './zigbee2mqtt-topic.js';

describe('parseZigbee2MqttTopic', () => {
  it.each([
    ['zigbee2mqtt/plug', undefined, { kind: 'device', friendlyName: 'plug' }],
    ['zigbee2mqtt/kitchen/plug', undefined, { kind: 'device', friendlyName: 'kitchen/plug' }],
    ['zigbee2mqtt/kitchen/plug/set', undefined, { kind: 'command', friendlyName: 'kitchen/plug' }],
    ['zigbee2mqtt/plug/get', undefined, { kind: 'command', friendlyName: 'plug' }],
    ['zigbee2mqtt/plug/availability', undefined, { kind: 'availability', friendlyName: 'plug' }],
    ['zigbee2mqtt/bridge/devices', undefined, { kind: 'bridge', path: 'devices' }],
    ['zigbee2mqtt/bridge/response/device/rename', undefined, { kind: 'bridge', path: 'response/device/rename' }],
    ['home/z2m/bridge/event', 'home/z2m', { kind: 'bridge', path: 'event' }],
    ['home/z2m/hall/climate', 'home/z2m', { kind: 'device', friendlyName: 'hall/climate' }],
    ['home/other/plug', 'home/z2m', { kind: 'other' }],
    ['zigbee2mqtt', undefined, { kind: 'other' }],
    ['zigbee2mqtt/', undefined, { kind: 'other' }],
    ['/plug', undefined, { kind: 'other' }],
    ['zigbee2mqtt/plug/', undefined, { kind: 'other' }],
  ])('%s (base %s)', (topic, base, expected) => {
    expect(parseZigbee2MqttTopic(topic, base)).toEqual(expected);
  });
});

describe('normalizeIeee', () => {
  it('lower-cases a valid address and rejects anything else', () => {
    expect(normalizeIeee('0x00158D0001A2B3C4')).toBe('0x00158d0001a2b3c4');
    expect(normalizeIeee('00158d0001a2b3c4')).toBeUndefined();
    expect(normalizeIeee('0x00158d0001a2b3c')).toBeUndefined();
    expect(normalizeIeee('0x00158d0001a2b3cg')).toBeUndefined();
  });
});
