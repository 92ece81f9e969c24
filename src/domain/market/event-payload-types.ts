import type { GridSignalContent } from './openadr-objects.js';

/** OpenADR 3.1.0 event interval payload types (Definition, "Event Enumerations"). */
export const EVENT_PAYLOAD_TYPES: readonly string[] = [
  'SIMPLE',
  'PRICE',
  'PRICE_ALTERNATE',
  'CHARGE_STATE_SETPOINT',
  'DISPATCH_SETPOINT',
  'DISPATCH_SETPOINT_RELATIVE',
  'DISPATCH_INSTRUCTION',
  'CONTROL_SETPOINT',
  'CONTROL_LEVEL_OFFSET',
  'CONTROL_LEVEL_OFFSET_PERCENT',
  'EXPORT_PRICE',
  'GHG',
  'CURVE',
  'OLS',
  'IMPORT_CAPACITY_SUBSCRIPTION',
  'IMPORT_CAPACITY_RESERVATION',
  'IMPORT_CAPACITY_RESERVATION_FEE',
  'IMPORT_CAPACITY_AVAILABLE',
  'IMPORT_CAPACITY_AVAILABLE_PRICE',
  'EXPORT_CAPACITY_SUBSCRIPTION',
  'EXPORT_CAPACITY_RESERVATION',
  'EXPORT_CAPACITY_RESERVATION_FEE',
  'EXPORT_CAPACITY_AVAILABLE',
  'EXPORT_CAPACITY_AVAILABLE_PRICE',
  'IMPORT_CAPACITY_LIMIT',
  'EXPORT_CAPACITY_LIMIT',
  'ALERT_GRID_EMERGENCY',
  'ALERT_BLACK_START',
  'ALERT_POSSIBLE_OUTAGE',
  'ALERT_FLEX_ALERT',
  'ALERT_FIRE',
  'ALERT_FREEZING',
  'ALERT_WIND',
  'ALERT_TSUNAMI',
  'ALERT_AIR_QUALITY',
  'ALERT_OTHER',
  'CTA2045_REBOOT',
  'CTA2045_SET_OVERRIDE_STATUS',
];

/** Private payload types by convention (`X_TEMPERATURE_FORECAST`); others must be declared in a payload descriptor. */
const PRIVATE = /^X_[A-Z0-9_]{1,126}$/;
const NUMERIC = new Set(['PRICE', 'PRICE_ALTERNATE', 'EXPORT_PRICE', 'GHG']);

/**
 * What is wrong with the payloads of a grid signal: a type that is neither enumerated, nor private (`X_…`), nor
 * declared in the event's or its program's payload descriptors (so a typo such as `PRICES` is refused, not stored as
 * a signal nobody acts on); price-like values that are not numbers; SIMPLE levels outside 0–3; alerts without text.
 */
export function payloadProblems(content: GridSignalContent, programPayloadTypes: readonly string[]): string[] {
  const declared = new Set([...programPayloadTypes, ...(content.payloadDescriptors ?? []).map((d) => d.payloadType)]);
  const problems: string[] = [];
  for (const [i, interval] of (content.intervals ?? []).entries()) {
    for (const [j, payload] of interval.payloads.entries()) {
      const path = `intervals[${i}].payloads[${j}]`;
      const { type, values } = payload;
      if (!EVENT_PAYLOAD_TYPES.includes(type) && !PRIVATE.test(type) && !declared.has(type)) {
        problems.push(
          `${path}.type ${type} is not an OpenADR 3.1.0 event payload type, not private (X_…) and not declared in a payloadDescriptor`,
        );
        continue;
      }
      if (NUMERIC.has(type) && values.some((v) => typeof v !== 'number'))
        problems.push(`${path}.values of ${type} must be numbers`);
      if (type === 'SIMPLE' && values.some((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 3))
        problems.push(`${path}.values of SIMPLE must be the levels 0 to 3`);
      if (type.startsWith('ALERT_') && values.some((v) => typeof v !== 'string'))
        problems.push(`${path}.values of ${type} must be human-readable text`);
    }
    if (problems.length >= 20) break;
  }
  return problems;
}
