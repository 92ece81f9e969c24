import type { CanonicalReading, Phase } from '../../canonical-reading.js';
import { dsmrReading, type Measure, type TelegramContext } from './dsmr-reading.js';
import { canonicalValue } from './dsmr-units.js';
import type { ObisLine } from './obis-lines.js';

export type ElectricityOutcome =
  | { readonly ok: true; readonly readings: readonly CanonicalReading[] }
  | { readonly ok: false; readonly message: string };

const REGISTERS: readonly (readonly [obis: string, measure: Measure])[] = [
  ['1-0:1.8.1', { quantity: 'energyImported', tariff: 1 }],
  ['1-0:1.8.2', { quantity: 'energyImported', tariff: 2 }],
  ['1-0:2.8.1', { quantity: 'energyExported', tariff: 1 }],
  ['1-0:2.8.2', { quantity: 'energyExported', tariff: 2 }],
  ['1-0:32.7.0', { quantity: 'voltage', phase: 'L1' }],
  ['1-0:52.7.0', { quantity: 'voltage', phase: 'L2' }],
  ['1-0:72.7.0', { quantity: 'voltage', phase: 'L3' }],
  ['1-0:31.7.0', { quantity: 'current', phase: 'L1' }],
  ['1-0:51.7.0', { quantity: 'current', phase: 'L2' }],
  ['1-0:71.7.0', { quantity: 'current', phase: 'L3' }],
];

/** A total register counts only on meters without the tariff registers, or the tariffs would be counted twice. */
const TOTALS: readonly (readonly [obis: string, measure: Measure, tariffRegisters: readonly string[]])[] = [
  ['1-0:1.8.0', { quantity: 'energyImported' }, ['1-0:1.8.1', '1-0:1.8.2']],
  ['1-0:2.8.0', { quantity: 'energyExported' }, ['1-0:2.8.1', '1-0:2.8.2']],
];

/** Import and export arrive as two positive registers; canonical power is one signed value (import − export). */
const NET_POWER: readonly { readonly imported: string; readonly exported: string; readonly phase?: Phase }[] = [
  { imported: '1-0:1.7.0', exported: '1-0:2.7.0' },
  { imported: '1-0:21.7.0', exported: '1-0:22.7.0', phase: 'L1' },
  { imported: '1-0:41.7.0', exported: '1-0:42.7.0', phase: 'L2' },
  { imported: '1-0:61.7.0', exported: '1-0:62.7.0', phase: 'L3' },
];

/** The meter's own readings (channel 0), all stamped with the telegram's time. */
export function electricityReadings(
  objects: ReadonlyMap<string, ObisLine>,
  context: TelegramContext,
  nodeId: string,
  measuredAt: string,
): ElectricityOutcome {
  let problem: string | undefined;
  const valueOf = (obis: string, measure: Measure): number | undefined => {
    const text = objects.get(obis)?.values[0];
    if (text === undefined) return undefined;
    const outcome = canonicalValue(text, measure.quantity);
    if (outcome.ok) return outcome.value;
    problem ??= `${obis}: ${outcome.message}`;
    return undefined;
  };
  const readings: CanonicalReading[] = [];
  const add = (measure: Measure, value: number, source: Record<string, string>): void => {
    readings.push(dsmrReading(context, nodeId, measure, value, measuredAt, source));
  };
  for (const [obis, measure] of REGISTERS) {
    const value = valueOf(obis, measure);
    if (value !== undefined) add(measure, value, { obis });
  }
  for (const [obis, measure, tariffRegisters] of TOTALS) {
    const value = tariffRegisters.some((tariff) => objects.has(tariff)) ? undefined : valueOf(obis, measure);
    if (value !== undefined) add(measure, value, { obis });
  }
  for (const { imported, exported, phase } of NET_POWER) {
    const measure: Measure = phase ? { quantity: 'power', phase } : { quantity: 'power' };
    const plus = valueOf(imported, measure);
    const minus = valueOf(exported, measure);
    if (plus === undefined && minus === undefined) continue;
    // Rounded to the milliwatt so 1.111 kW − 4.444 kW is −3333, not −3332.9999999999995.
    const net = Math.round(((plus ?? 0) - (minus ?? 0)) * 1000) / 1000 + 0;
    const source: Record<string, string> =
      plus === undefined
        ? { obis: exported }
        : minus === undefined
          ? { obis: imported }
          : { obis: imported, exportObis: exported };
    add(measure, net, source);
  }
  // One unreadable register refuses the telegram: a half-understood meter must not look like a healthy one.
  return problem === undefined ? { ok: true, readings } : { ok: false, message: problem };
}
