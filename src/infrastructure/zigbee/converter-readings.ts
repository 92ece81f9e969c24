import type { Phase, Quantity } from '../../domain/metering/canonical-reading.js';
import { numericField, SWITCH_KEY, switchValue } from '../../domain/metering/protocols/zigbee/zigbee-state-fields.js';

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
 * The converter output key as a canonical quantity, from the table the zigbee2mqtt decoder reads too. Here an
 * unsuffixed key carries no phase: a converter output is one cluster report, which does not tell whether the device
 * has more phases (the zigbee2mqtt decoder sees the whole device state and can make it L1).
 */
function targetOf(key: string): ReadingTarget | undefined {
  if (key === SWITCH_KEY) return { quantity: 'switchState' };
  const field = numericField(key);
  if (!field) return undefined;
  return {
    quantity: field.quantity,
    ...(field.phase ? { phase: field.phase } : {}),
    ...(field.tariff ? { tariff: field.tariff } : {}),
  };
}

function numeric(key: string, value: unknown): number | undefined {
  if (key === SWITCH_KEY) return switchValue(value);
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
    const base =
      endpointSuffix !== undefined && key.endsWith(`_${endpointSuffix}`) && !targetOf(key)
        ? key.slice(0, -endpointSuffix.length - 1)
        : key;
    const target = targetOf(base);
    const value = target ? numeric(base, raw) : undefined;
    if (target && value !== undefined) values.push({ ...target, key: base, value });
  }
  return values;
}
