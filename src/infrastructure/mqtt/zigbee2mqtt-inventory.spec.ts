import { Zigbee2MqttInventory } from './zigbee2mqtt-inventory.js';

const T0 = '2025-03-01T12:00:00.000Z';
const T1 = '2025-03-01T12:05:00.000Z';
const PLUG = '0xa4c138d2e5f60718';
const INSPELNING = '0x588e81fffe2b3c4d';

const coordinator = {
  ieee_address: '0x00124b0021c7f3a1',
  friendly_name: 'Coordinator',
  type: 'Coordinator',
  interview_completed: true,
};

function plugEntry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ieee_address: PLUG,
    friendly_name: 'living-room plug',
    type: 'Router',
    interview_completed: true,
    software_build_id: '1.0.5',
    definition: { model: 'TS011F_plug_1', vendor: 'Tuya', description: 'Smart plug (with power monitoring)' },
    ...overrides,
  };
}

const inspelningJoining = {
  ieee_address: INSPELNING,
  friendly_name: INSPELNING,
  type: 'Router',
  interview_completed: false,
  definition: null,
};

describe('Zigbee2MqttInventory', () => {
  it('reports new devices as joined and completed interviews as interviewed, ignoring the coordinator', () => {
    const inventory = new Zigbee2MqttInventory();
    expect(inventory.applyDeviceList([coordinator, plugEntry(), inspelningJoining], T0)).toEqual([
      {
        event: 'joined',
        nodeId: `zigbee:${PLUG}`,
        at: T0,
        detail: { friendlyName: 'living-room plug', type: 'Router' },
      },
      {
        event: 'interviewed',
        nodeId: `zigbee:${PLUG}`,
        at: T0,
        detail: {
          friendlyName: 'living-room plug',
          model: 'TS011F_plug_1',
          vendor: 'Tuya',
          description: 'Smart plug (with power monitoring)',
          firmware: '1.0.5',
        },
      },
      { event: 'joined', nodeId: `zigbee:${INSPELNING}`, at: T0, detail: { friendlyName: INSPELNING, type: 'Router' } },
    ]);
    expect(inventory.ieeeOf('living-room plug')).toBe(PLUG);
  });

  it('says nothing when the same list is published again, and reports a firmware update', () => {
    const inventory = new Zigbee2MqttInventory();
    inventory.applyDeviceList([plugEntry()], T0);
    expect(inventory.applyDeviceList([coordinator, plugEntry()], T1)).toEqual([]);
    expect(inventory.applyDeviceList([plugEntry({ software_build_id: '1.0.6' })], T1)).toEqual([
      expect.objectContaining({ event: 'interviewed', detail: expect.objectContaining({ firmware: '1.0.6' }) }),
    ]);
  });

  it('reports devices missing from a later list as left and forgets their names', () => {
    const inventory = new Zigbee2MqttInventory();
    inventory.applyDeviceList([plugEntry(), inspelningJoining], T0);
    expect(inventory.applyDeviceList([inspelningJoining], T1)).toEqual([
      { event: 'left', nodeId: `zigbee:${PLUG}`, at: T1, detail: { friendlyName: 'living-room plug' } },
    ]);
    expect(inventory.ieeeOf('living-room plug')).toBeUndefined();
  });

  it('follows a rename without reporting a new node', () => {
    const inventory = new Zigbee2MqttInventory();
    inventory.applyDeviceList([plugEntry()], T0);
    expect(inventory.applyDeviceList([plugEntry({ friendly_name: 'kitchen/kettle' })], T1)).toEqual([]);
    expect(inventory.ieeeOf('kitchen/kettle')).toBe(PLUG);
    expect(inventory.ieeeOf('living-room plug')).toBeUndefined();
  });

  it('handles bridge events and does not repeat them when the list follows', () => {
    const inventory = new Zigbee2MqttInventory();
    expect(
      inventory.applyBridgeEvent(
        { type: 'device_joined', data: { friendly_name: INSPELNING, ieee_address: INSPELNING } },
        T0,
      ),
    ).toEqual([{ event: 'joined', nodeId: `zigbee:${INSPELNING}`, at: T0, detail: { friendlyName: INSPELNING } }]);
    expect(
      inventory.applyBridgeEvent(
        { type: 'device_interview', data: { friendly_name: INSPELNING, ieee_address: INSPELNING, status: 'started' } },
        T0,
      ),
    ).toEqual([]);
    const definition = { model: 'E2206', vendor: 'IKEA', description: 'INSPELNING smart plug' };
    expect(
      inventory.applyBridgeEvent(
        {
          type: 'device_interview',
          data: {
            friendly_name: INSPELNING,
            ieee_address: INSPELNING,
            status: 'successful',
            supported: true,
            definition,
          },
        },
        T0,
      ),
    ).toEqual([
      {
        event: 'interviewed',
        nodeId: `zigbee:${INSPELNING}`,
        at: T0,
        detail: { friendlyName: INSPELNING, ...definition },
      },
    ]);
    // The list that zigbee2mqtt publishes right after adds the firmware: reported once more, with it.
    const listed = { ...inspelningJoining, interview_completed: true, software_build_id: '2.4.45', definition };
    expect(inventory.applyDeviceList([listed], T1)).toEqual([
      expect.objectContaining({ event: 'interviewed', detail: expect.objectContaining({ firmware: '2.4.45' }) }),
    ]);
    expect(inventory.applyDeviceList([listed], T1)).toEqual([]);
    expect(
      inventory.applyBridgeEvent(
        { type: 'device_leave', data: { ieee_address: INSPELNING, friendly_name: INSPELNING } },
        T1,
      ),
    ).toEqual([{ event: 'left', nodeId: `zigbee:${INSPELNING}`, at: T1, detail: { friendlyName: INSPELNING } }]);
    expect(inventory.applyDeviceList([], T1)).toEqual([]);
  });

  it('ignores malformed lists, entries and events', () => {
    const inventory = new Zigbee2MqttInventory();
    expect(inventory.applyDeviceList({ devices: [] }, T0)).toBeUndefined();
    expect(
      inventory.applyDeviceList(
        [null, 'x', { ieee_address: '0x12', friendly_name: 'short' }, { ieee_address: PLUG }],
        T0,
      ),
    ).toEqual([]);
    expect(inventory.applyBridgeEvent('device_joined', T0)).toEqual([]);
    expect(inventory.applyBridgeEvent({ type: 'device_announce', data: { ieee_address: PLUG } }, T0)).toEqual([]);
  });

  it('reports link quality moves of 10 or more and availability changes as link_quality events', () => {
    const inventory = new Zigbee2MqttInventory();
    inventory.applyDeviceList([plugEntry()], T0);
    const name = 'living-room plug';
    expect(inventory.linkQuality(name, 156, T0)).toEqual({
      event: 'link_quality',
      nodeId: `zigbee:${PLUG}`,
      at: T0,
      detail: { linkquality: 156 },
    });
    expect(inventory.linkQuality(name, 147, T0)).toBeUndefined();
    expect(inventory.linkQuality(name, 146, T1)).toEqual(expect.objectContaining({ detail: { linkquality: 146 } }));
    expect(inventory.linkQuality(name, 'high', T1)).toBeUndefined();
    expect(inventory.linkQuality('unknown device', 10, T1)).toBeUndefined();
    expect(inventory.availability(name, { state: 'offline' }, T1)).toEqual({
      event: 'link_quality',
      nodeId: `zigbee:${PLUG}`,
      at: T1,
      detail: { availability: 'offline' },
    });
    expect(inventory.availability(name, 'offline', T1)).toBeUndefined();
    expect(inventory.availability(name, 'online', T1)).toEqual(
      expect.objectContaining({ detail: { availability: 'online' } }),
    );
    expect(inventory.availability(name, 'sleeping', T1)).toBeUndefined();
  });

  it('knows groups by name, unless a device has the name', () => {
    const inventory = new Zigbee2MqttInventory();
    expect(inventory.applyGroupList([{ id: 1, friendly_name: 'all plugs', members: [] }])).toBe(true);
    expect(inventory.applyGroupList('x')).toBe(false);
    expect(inventory.isGroup('all plugs')).toBe(true);
    expect(inventory.isGroup('living-room plug')).toBe(false);
  });
});
