import { numericField, SWITCH_KEY } from '../zigbee/zigbee-state-fields.js';

/** `state` is the device's (only) relay; `state_<endpoint>` one relay of a multi-gang device (`state_l1`, `state_left`). */
const SWITCH_FIELD = new RegExp(`^${SWITCH_KEY}(?:_([a-z0-9]+))?$`);

/** The channel a switch property belongs to (`''` for the plain `state`), or undefined when it is not a switch. */
export function switchChannel(field: string): string | undefined {
  const match = SWITCH_FIELD.exec(field);
  if (!match) return undefined;
  return match[1] ?? '';
}

/** A message from a multi-phase meter: any per-phase property makes the plain ones phase L1. */
export function isMultiPhase(message: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(message).some((key) => numericField(key)?.phase !== undefined);
}
