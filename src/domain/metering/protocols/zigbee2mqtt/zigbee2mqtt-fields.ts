import type { Phase, Quantity } from '../../canonical-reading.js';

/** How one numeric zigbee2mqtt state property maps onto a canonical quantity. */
export interface NumericField {
  readonly quantity: Quantity;
  /** Set for the `_phase_b` / `_phase_c` properties; the plain property is L1 only on multi-phase devices. */
  readonly phase?: Exclude<Phase, 'L1'>;
  /** True for the plain property of a quantity that also exists per phase (voltage, current, power). */
  readonly phased?: boolean;
  readonly tariff?: 1 | 2;
}

/**
 * zigbee2mqtt already normalises units in its converters (W, kWh, V, A, °C, Hz, m³), so values pass through as they
 * are. Only properties whose meaning is unambiguous across device definitions are listed: Tuya's `power_a`/`energy_b`
 * style names mean channels on some devices and phases on others, so they are left out rather than guessed.
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

/** The mapping for a property name; own keys only, so `constructor` or `__proto__` in a message map to nothing. */
export function numericField(property: string): NumericField | undefined {
  return Object.hasOwn(NUMERIC_FIELDS, property) ? NUMERIC_FIELDS[property] : undefined;
}

/** `state` is the device's (only) relay; `state_<endpoint>` one relay of a multi-gang device (`state_l1`, `state_left`). */
const SWITCH_FIELD = /^state(?:_([a-z0-9]+))?$/;

/** The channel a switch property belongs to (`''` for the plain `state`), or undefined when it is not a switch. */
export function switchChannel(field: string): string | undefined {
  const match = SWITCH_FIELD.exec(field);
  if (!match) return undefined;
  return match[1] ?? '';
}

/** zigbee2mqtt's on/off vocabulary; anything else (e.g. a Tuya 'TOGGLE' echo) is not a state. */
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

/** A message from a multi-phase meter: any per-phase property makes the plain ones phase L1. */
export function isMultiPhase(message: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(message).some((key) => numericField(key)?.phase !== undefined);
}
