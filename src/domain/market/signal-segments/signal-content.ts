/**
 * The parts of an OpenADR 3.1.0 `event` object (components.schemas `event`, `interval`, `intervalPeriod`,
 * `valuesMap`, `eventPayloadDescriptor`) that decide when and what a grid signal says. Optional properties are also
 * `null`-able, as the schema makes them. Wire names are kept so an event read from the API fits as it is.
 */
export interface OadrIntervalPeriod {
  /** RFC 3339; `0001-01-01` or `0001-01-01T00:00:00` is "the beginning of time" (UG §7.3). */
  readonly start?: string | null;
  /** ISO 8601 duration; `P9999Y` means infinity (UG §7.3). */
  readonly duration?: string | null;
  /** ISO 8601 duration: the client shifts the start by a uniform amount within ±|randomizeStart|. */
  readonly randomizeStart?: string | null;
}

export interface OadrPoint {
  readonly x: number;
  readonly y: number;
}

export type OadrValue = number | string | boolean | OadrPoint;

export interface OadrValuesMap {
  readonly type: string;
  readonly values: readonly OadrValue[];
}

export interface OadrInterval {
  /** Client-chosen number, not a sequence number. */
  readonly id: number;
  readonly intervalPeriod?: OadrIntervalPeriod | null;
  readonly payloads: readonly OadrValuesMap[];
}

export interface OadrEventPayloadDescriptor {
  readonly payloadType: string;
  readonly units?: string | null;
  readonly currency?: string | null;
}

export interface OadrEventContent {
  /** VTN-provisioned id; carried into the segments so a timeline says where each value came from. */
  readonly id?: string | null;
  readonly programID?: string | null;
  /** Lower number = higher priority; 0 is the highest. Absent (null) ranks below every number. */
  readonly priority?: number | null;
  /** Shortens or lengthens (repeats) the span of the intervals (UG §7.3 "event.duration"). */
  readonly duration?: string | null;
  readonly intervalPeriod?: OadrIntervalPeriod | null;
  readonly intervals?: readonly OadrInterval[] | null;
  readonly payloadDescriptors?: readonly OadrEventPayloadDescriptor[] | null;
  /** RFC 3339; breaks ties between overlapping events of equal priority (the later revision wins). */
  readonly modificationDateTime?: string | null;
}

/**
 * Wattlog's private payload type for weather forecasts. OpenADR 3.1.0 has no forecast payload type (weather
 * warnings use ALERT_FREEZING, ALERT_WIND, ALERT_FIRE, ALERT_AIR_QUALITY); private strings are allowed where the
 * spec lists enumerations (Def-3.1.0 "Private Strings"). `X_` marks it as private, as HTTP's `X-` headers once did.
 * Values are numbers in the descriptor's units (`CELSIUS` or `FAHRENHEIT`), one value per interval or packed.
 */
export const WEATHER_FORECAST_PAYLOAD_TYPE = 'X_TEMPERATURE_FORECAST';

const ALERT_PREFIX = 'ALERT_';

/**
 * Payload types that carry one value per moment ("naturally unitary", UG §7.3): several values in one interval are
 * packed sub-intervals of equal length. Every other type (CURVE, OLS, DISPATCH_INSTRUCTION, the ALERT_* texts,
 * unknown private types) keeps its values together as one segment.
 */
const UNITARY_TYPES: ReadonlySet<string> = new Set([
  'SIMPLE',
  'PRICE',
  'PRICE_ALTERNATE',
  'EXPORT_PRICE',
  'GHG',
  'CHARGE_STATE_SETPOINT',
  'DISPATCH_SETPOINT',
  'DISPATCH_SETPOINT_RELATIVE',
  'CONTROL_SETPOINT',
  'CONTROL_LEVEL_OFFSET',
  'CONTROL_LEVEL_OFFSET_PERCENT',
  WEATHER_FORECAST_PAYLOAD_TYPE,
]);

export function isUnitaryPayloadType(type: string): boolean {
  return UNITARY_TYPES.has(type);
}

export function isAlertPayloadType(type: string): boolean {
  return type.startsWith(ALERT_PREFIX);
}
