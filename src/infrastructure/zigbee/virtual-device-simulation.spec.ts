import { VirtualDevice, type DeviceRadio } from './virtual-device.js';
import { VirtualDeviceSimulation } from './virtual-device-simulation.js';
import { VIRTUAL_DEVICE_PROFILES, type VirtualProfileName } from './virtual-device-profiles.js';

const silentRadio: DeviceRadio = { transmit: () => undefined, announce: () => undefined };

function joined(profile: VirtualProfileName): VirtualDevice {
  const device = new VirtualDevice(VIRTUAL_DEVICE_PROFILES[profile], silentRadio);
  device.joined = true;
  return device;
}

describe('VirtualDeviceSimulation', () => {
  const middle = (): number => 0.5;

  it('draws a load on a switched-on plug and counts its energy in the device’s own units', () => {
    const plug = joined('ikea-inspelning');
    new VirtualDeviceSimulation(middle).tick([plug], 3600, new Date('2026-03-01T12:00:00Z'));
    // 60 W for an hour: activePower in 0.1 W, energy in Wh (divisor 1000 on kWh).
    expect(plug.value(1, 'haElectricalMeasurement', 'activePower')).toBe(600);
    expect(plug.value(1, 'seMetering', 'currentSummDelivered')).toBe(60);
    expect(plug.value(1, 'haElectricalMeasurement', 'rmsVoltage')).toBe(2310);
    expect(plug.value(1, 'haElectricalMeasurement', 'rmsCurrent')).toBe(Math.round((60 / 231) * 1000));
  });

  it('draws nothing from a plug that is off', () => {
    const plug = joined('tuya-ts011f');
    plug.set(1, 'genOnOff', { onOff: 0 });
    new VirtualDeviceSimulation(middle).tick([plug], 3600, new Date('2026-03-01T12:00:00Z'));
    expect(plug.value(1, 'haElectricalMeasurement', 'activePower')).toBe(0);
    expect(plug.value(1, 'seMetering', 'currentSummDelivered')).toBe(0);
  });

  it('carries energy below one counter step over to later ticks', () => {
    const plug = joined('ikea-inspelning');
    const simulation = new VirtualDeviceSimulation(middle);
    // 60 W for one second is 1/60 Wh: nothing to count yet, one Wh after a minute.
    simulation.tick([plug], 1, new Date('2026-03-01T12:00:00Z'));
    expect(plug.value(1, 'seMetering', 'currentSummDelivered')).toBe(0);
    for (let i = 0; i < 60; i++) simulation.tick([plug], 1, new Date('2026-03-01T12:00:00Z'));
    expect(plug.value(1, 'seMetering', 'currentSummDelivered')).toBe(1);
  });

  it('moves a meter interface’s demand (kW) and summation (kWh) together', () => {
    const meter = joined('develco-zhemi101');
    new VirtualDeviceSimulation(middle).tick([meter], 3600, new Date('2026-03-01T12:00:00Z'));
    expect(meter.value(2, 'seMetering', 'instantaneousDemand')).toBe(400);
    expect(meter.value(2, 'seMetering', 'currentSummDelivered')).toBe(400);
  });

  it('warms a room towards the afternoon and leaves devices that are off the network alone', () => {
    const sensor = joined('sonoff-snzb02');
    const away = new VirtualDevice(VIRTUAL_DEVICE_PROFILES['sonoff-snzb02'], silentRadio, '0x00124b0022a1b2c4');
    new VirtualDeviceSimulation(middle).tick([sensor, away], 10, new Date('2026-03-01T15:00:00Z'));
    expect(sensor.value(1, 'msTemperatureMeasurement', 'measuredValue')).toBe(2200);
    expect(away.value(1, 'msTemperatureMeasurement', 'measuredValue')).toBe(2000);
  });
});
