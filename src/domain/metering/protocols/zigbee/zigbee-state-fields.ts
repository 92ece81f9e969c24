import type { Phase, Quantity } from '../../canonical-reading.js';

/**
 * How one numeric state key maps onto a canonical quantity. The keys are zigbee-herdsman-converters' output keys,
 * which zigbee2mqtt publishes unchanged as its device state, so the ZigBee decoder (converter output) and the
 * zigbee2mqtt decoder (MQTT message) read the same table.
 */
export interface NumericField {
  readonly quantity: Quantity;
  /** Set for the `_phase_b` / `_phase_c` keys: ZCL's phase B and C attributes. */
  readonly phase?: Exclude<Phase, 'L1'>;
  /**
   * True for the plain key of a quantity that also exists per phase (voltage, current, power). ZCL's plain attribute
   * is phase A; whether that makes it L1 is each decoder's rule (it knows whether the device is multi-phase).
   */
  readonly phased?: boolean;
  readonly tariff?: 1 | 2;
}

/**
 * The converters already normalise units (W, kWh, V, A, °C, Hz, m³), so values pass through as they are. Only keys
 * whose meaning is unambiguous across device definitions are listed: Tuya's `power_a`/`energy_b` style names mean
 * channels on some devices and phases on others, so they are left out rather than guessed.
 */
export const NUMERIC_FIELDS: Readonly<Record<string, NumericField>> = {
  power: { quantity: 'power', phased: true },
  power_phase_b: { quantity: 'power', phase: 'L2' },
  power_phase_c: { quantity: 'power', phase: 'L3' },
  voltage: { quantity: 'voltage', phased: true },
  voltage_phase_b: { quantity: 'voltage', phase: 'L2' },
  voltage_phase_c: { quantity: 'voltage', phase: 'L3' },
  current: { quantity: 'current', phased: true },
  current_phase_b: { quantity: 'current', phase: 'L2' },
  current_phase_c: { quantity: 'current', phase: 'L3' },
  energy: { quantity: 'energyImported' },
  energy_tier_1: { quantity: 'energyImported', tariff: 1 },
  energy_tier_2: { quantity: 'energyImported', tariff: 2 },
  produced_energy: { quantity: 'energyExported' },
  produced_energy_tier_1: { quantity: 'energyExported', tariff: 1 },
  produced_energy_tier_2: { quantity: 'energyExported', tariff: 2 },
  temperature: { quantity: 'temperature' },
  frequency: { quantity: 'frequency' },
  ac_frequency: { quantity: 'frequency' },
  gas: { quantity: 'gasVolume' },
};

/** The mapping for a key; own keys only, so `constructor` or `__proto__` in a message map to nothing. */
export function numericField(key: string): NumericField | undefined {
  return Object.hasOwn(NUMERIC_FIELDS, key) ? NUMERIC_FIELDS[key] : undefined;
}

/** The relay key; multi-gang devices suffix it with the endpoint (`state_l1`, `state_left`). */
export const SWITCH_KEY = 'state';

/** The converters' on/off vocabulary; anything else (e.g. a Tuya 'TOGGLE' echo) is not a state. */
export function switchValue(value: unknown): 0 | 1 | undefined {
  if (typeof value !== 'string') return undefined;
  switch (value.toUpperCase()) {
    case 'ON':
      return 1;
    case 'OFF':
      return 0;
    default:
      return undefined;
  }
}
