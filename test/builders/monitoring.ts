import type { PowerAboveSetting, VoltageBandSetting } from '../../src/domain/monitoring/alarm.events.js';

/** An alarm when power stays above 3000 W for 60 s. */
export function aPowerCeiling(overrides: Partial<PowerAboveSetting> = {}): PowerAboveSetting {
  return { kind: 'alarm_power_above', enabled: true, thresholdW: 3000, forSeconds: 60, ...overrides };
}

/** An alarm when a voltage leaves 207–253 V (EN 50160 around 230 V). */
export function aVoltageBand(overrides: Partial<VoltageBandSetting> = {}): VoltageBandSetting {
  return { kind: 'alarm_voltage_band', enabled: true, minV: 207, maxV: 253, ...overrides };
}
