import type { VirtualDevice } from './virtual-device.js';

/** The physical value ↔ raw attribute value scaling a device announces through its multiplier/divisor attributes. */
interface Scale {
  readonly rawPerUnit: number;
  readonly toRaw: (physical: number) => number;
  readonly fromRaw: (raw: number) => number;
}

function scale(device: VirtualDevice, endpoint: number, cluster: string, multiplier: string, divisor: string): Scale {
  const m = Number(device.value(endpoint, cluster, multiplier) ?? 1) || 1;
  const d = Number(device.value(endpoint, cluster, divisor) ?? 1) || 1;
  return { rawPerUnit: d / m, toRaw: (physical) => Math.round((physical * d) / m), fromRaw: (raw) => (raw * m) / d };
}

function has(device: VirtualDevice, endpoint: number, cluster: string, attribute: string): boolean {
  return device.value(endpoint, cluster, attribute) !== undefined;
}

/**
 * Gives the virtual devices a plausible life for the demo: plug loads wander while switched on, meters count the
 * energy that flows, rooms warm and cool over the day. Values change through `VirtualDevice.set`, so devices report
 * them exactly as configured reporting would.
 */
export class VirtualDeviceSimulation {
  /** Energy below one raw counter step, carried to the next tick so slow loads still count. */
  private readonly energyRemainder = new Map<string, number>();

  constructor(private readonly random: () => number = Math.random) {}

  tick(devices: readonly VirtualDevice[], elapsedSeconds: number, at: Date): void {
    for (const device of devices.filter((d) => d.joined)) {
      for (const { id } of device.zdoEndpoints) {
        if (has(device, id, 'haElectricalMeasurement', 'activePower')) this.plug(device, id, elapsedSeconds);
        else if (has(device, id, 'seMetering', 'instantaneousDemand')) this.meter(device, id, elapsedSeconds);
        if (has(device, id, 'msTemperatureMeasurement', 'measuredValue')) this.room(device, id, at);
      }
    }
  }

  private plug(device: VirtualDevice, endpoint: number, elapsedSeconds: number): void {
    const power = scale(device, endpoint, 'haElectricalMeasurement', 'acPowerMultiplier', 'acPowerDivisor');
    const voltage = scale(device, endpoint, 'haElectricalMeasurement', 'acVoltageMultiplier', 'acVoltageDivisor');
    const current = scale(device, endpoint, 'haElectricalMeasurement', 'acCurrentMultiplier', 'acCurrentDivisor');
    const on = device.value(endpoint, 'genOnOff', 'onOff') !== 0;
    const previous = power.fromRaw(Number(device.value(endpoint, 'haElectricalMeasurement', 'activePower') ?? 0));
    const watts = on ? Math.min(2300, Math.max(5, (previous || 60) + (this.random() - 0.5) * 80)) : 0;
    const volts = 228 + this.random() * 6;
    device.set(endpoint, 'haElectricalMeasurement', {
      activePower: power.toRaw(watts),
      rmsVoltage: voltage.toRaw(volts),
      rmsCurrent: current.toRaw(watts / volts),
    });
    if (has(device, endpoint, 'seMetering', 'currentSummDelivered'))
      this.count(device, endpoint, watts, elapsedSeconds);
  }

  private meter(device: VirtualDevice, endpoint: number, elapsedSeconds: number): void {
    const kilowatts = scale(device, endpoint, 'seMetering', 'multiplier', 'divisor');
    const previous = kilowatts.fromRaw(Number(device.value(endpoint, 'seMetering', 'instantaneousDemand') ?? 0)) * 1000;
    const watts = Math.min(6000, Math.max(150, (previous || 400) + (this.random() - 0.5) * 300));
    this.count(device, endpoint, watts, elapsedSeconds, { instantaneousDemand: kilowatts.toRaw(watts / 1000) });
  }

  private count(
    device: VirtualDevice,
    endpoint: number,
    watts: number,
    elapsedSeconds: number,
    also: Record<string, number> = {},
  ): void {
    const counter = scale(device, endpoint, 'seMetering', 'multiplier', 'divisor');
    const key = `${device.ieee}/${endpoint}`;
    const kwh = (watts * elapsedSeconds) / 3_600_000 + (this.energyRemainder.get(key) ?? 0);
    const steps = Math.floor(kwh * counter.rawPerUnit);
    this.energyRemainder.set(key, kwh - steps / counter.rawPerUnit);
    const total = Number(device.value(endpoint, 'seMetering', 'currentSummDelivered') ?? 0) + steps;
    device.set(endpoint, 'seMetering', { ...also, currentSummDelivered: total });
  }

  private room(device: VirtualDevice, endpoint: number, at: Date): void {
    const hours = at.getUTCHours() + at.getUTCMinutes() / 60;
    const celsius = 20.5 + 1.5 * Math.sin(((hours - 9) / 24) * 2 * Math.PI) + (this.random() - 0.5) * 0.2;
    device.set(endpoint, 'msTemperatureMeasurement', { measuredValue: Math.round(celsius * 100) });
  }
}
