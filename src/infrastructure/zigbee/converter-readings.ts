import type { Phase, Quantity } from '../../domain/metering/canonical-reading.js';

export interface ReadingTarget {
  readonly quantity: Quantity;
  readonly phase?: Phase;
  readonly tariff?: 1 | 2;
}

export interface ConvertedValue extends ReadingTarget {
  /** The converter's output key, e.g. `power` or `energy_tier_1`. */
  readonly key: string;
  readonly value: number;
}

/**
 * zigbee-herdsman-converters output keys (zigbee2mqtt's exposes) that are canonical quantities; their units already
 * match QUANTITY_UNITS (W, kWh, V, A, Hz, °C, m³). Phase A has no suffix in ZCL, so an unsuffixed key carries no phase.
 */
const TARGETS: Readonly<Record<string, ReadingTarget>> = {
  power: { quantity: 'power' },
  power_phase_b: { quantity: 'power', phase: 'L2' },
  power_phase_c: { quantity: 'power', phase: 'L3' },
  energy: { quantity: 'energyImported' },
  energy_tier_1: { quantity: 'energyImported', tariff: 1 },
  energy_tier_2: { quantity: 'energyImported', tariff: 2 },
  produced_energy: { quantity: 'energyExported' },
  produced_energy_tier_1: { quantity: 'energyExported', tariff: 1 },
  produced_energy_tier_2: { quantity: 'energyExported', tariff: 2 },
  voltage: { quantity: 'voltage' },
  voltage_phase_b: { quantity: 'voltage', phase: 'L2' },
  voltage_phase_c: { quantity: 'voltage', phase: 'L3' },
  current: { quantity: 'current' },
  current_phase_b: { quantity: 'current', phase: 'L2' },
  current_phase_c: { quantity: 'current', phase: 'L3' },
  ac_frequency: { quantity: 'frequency' },
  temperature: { quantity: 'temperature' },
  gas: { quantity: 'gasVolume' },
  state: { quantity: 'switchState' },
};

function numeric(key: string, value: unknown): number | undefined {
  if (key === 'state') return value === 'ON' ? 1 : value === 'OFF' ? 0 : undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  // Scaling by multiplier/divisor leaves binary noise (0.1 * 3 → 0.30000000000000004); 12 digits is far beyond any meter.
  return Number(value.toPrecision(12));
}

/**
 * Picks the canonical quantities out of one converter output. Multi-endpoint definitions suffix their keys with the
 * endpoint's name (`power_left`); `endpointSuffix` strips that, the endpoint itself goes into the sensor id anyway.
 */
export function convertedValues(output: Readonly<Record<string, unknown>>, endpointSuffix?: string): ConvertedValue[] {
  const values: ConvertedValue[] = [];
  for (const [key, raw] of Object.entries(output)) {
    const base = endpointSuffix !== undefined && key.endsWith(`_${endpointSuffix}`) && !TARGETS[key] ? key.slice(0, -endpointSuffix.length - 1) : key;
    const target = TARGETS[base];
    const value = target ? numeric(base, raw) : undefined;
    if (target && value !== undefined) values.push({ ...target, key: base, value });
  }
  return values;
}
