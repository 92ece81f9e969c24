import { QUANTITY_UNITS, type Quantity } from '../../canonical-reading.js';

type ValueOutcome = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** Meter unit (lower-cased) → canonical unit and the power of ten that gets there. */
const CONVERSIONS: Readonly<Record<string, { readonly unit: string; readonly exponent: number }>> = {
  kw: { unit: 'W', exponent: 3 },
  w: { unit: 'W', exponent: 0 },
  kwh: { unit: 'kWh', exponent: 0 },
  wh: { unit: 'kWh', exponent: -3 },
  v: { unit: 'V', exponent: 0 },
  a: { unit: 'A', exponent: 0 },
  m3: { unit: 'm3', exponent: 0 },
};

/** What the DSMR specification prescribes for each register, assumed when a meter leaves the unit out. */
const SPECIFIED_UNIT: Partial<Record<Quantity, string>> = {
  power: 'kW',
  energyImported: 'kWh',
  energyExported: 'kWh',
  voltage: 'V',
  current: 'A',
  gasVolume: 'm3',
};

const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * `01.193*kW` → 1193 (W). Scaling goes through the decimal text (`01.193e3`), so kW → W is exact rather than
 * 1193.0000000000002.
 */
export function canonicalValue(text: string, quantity: Quantity): ValueOutcome {
  const star = text.indexOf('*');
  const number = (star < 0 ? text : text.slice(0, star)).trim();
  const unit = star < 0 ? SPECIFIED_UNIT[quantity] : text.slice(star + 1).trim();
  if (!DECIMAL.test(number)) return { ok: false, message: `"${text}" is not a decimal number` };
  const conversion = unit === undefined ? undefined : CONVERSIONS[unit.toLowerCase()];
  if (!conversion || conversion.unit !== QUANTITY_UNITS[quantity]) {
    return {
      ok: false,
      message: `unit "${unit ?? ''}" in "${text}" cannot express ${quantity} (${QUANTITY_UNITS[quantity]})`,
    };
  }
  // `+ 0` turns the -0 of "-00.000" into 0.
  return { ok: true, value: Number(`${number}e${conversion.exponent}`) + 0 };
}
