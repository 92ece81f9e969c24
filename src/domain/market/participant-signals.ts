import { isAlertPayloadType, WEATHER_FORECAST_PAYLOAD_TYPE } from './signal-segments/signal-content.js';

/** What an owner is shown a payload type as: prices, demand response, alerts, weather, emissions, or other. */
export type SignalKind = 'price' | 'demand_response' | 'alert' | 'weather' | 'emissions' | 'other';

const PRICE_TYPES: ReadonlySet<string> = new Set(['PRICE', 'EXPORT_PRICE', 'PRICE_ALTERNATE']);
const DR_TYPES: ReadonlySet<string> = new Set([
  'SIMPLE',
  'DISPATCH_SETPOINT',
  'DISPATCH_SETPOINT_RELATIVE',
  'DISPATCH_INSTRUCTION',
  'CONTROL_SETPOINT',
  'CONTROL_LEVEL_OFFSET',
  'CONTROL_LEVEL_OFFSET_PERCENT',
  'CHARGE_STATE_SETPOINT',
]);
// Weather warnings arrive as alerts (MARKET.md §2.5); an owner looks for them beside the forecast.
const WEATHER_ALERTS: ReadonlySet<string> = new Set([
  'ALERT_FREEZING',
  'ALERT_WIND',
  'ALERT_FIRE',
  'ALERT_AIR_QUALITY',
]);

export function signalKindOf(payloadType: string): SignalKind {
  if (PRICE_TYPES.has(payloadType)) return 'price';
  if (DR_TYPES.has(payloadType)) return 'demand_response';
  if (payloadType === WEATHER_FORECAST_PAYLOAD_TYPE || WEATHER_ALERTS.has(payloadType)) return 'weather';
  if (isAlertPayloadType(payloadType)) return 'alert';
  if (payloadType === 'GHG') return 'emissions';
  return 'other';
}

export const SIGNAL_KINDS: readonly SignalKind[] = [
  'price',
  'demand_response',
  'alert',
  'weather',
  'emissions',
  'other',
];

/** What an enrolled participant is addressed by: targets the utility assigned, and its own names (MARKET.md §3). */
export interface ParticipantAddress {
  readonly venName: string;
  readonly venTargets: readonly string[];
  readonly resources: readonly { readonly resourceName: string; readonly targets: readonly string[] }[];
}

/**
 * Whether a grid signal concerns the participant (Def-3.1.0 "Object Privacy", MARKET.md §10 O9): a signal without
 * targets concerns every participant of its program; one with targets, a participant holding any of them, where a
 * participant holds its ven's and its resources' assigned targets and `ven:<venName>` / `resource:<resourceName>`.
 */
export function signalConcerns(signalTargets: readonly string[] | undefined, participant: ParticipantAddress): boolean {
  if (signalTargets === undefined || signalTargets.length === 0) return true;
  const held = new Set<string>([
    ...participant.venTargets,
    `ven:${participant.venName}`,
    ...participant.resources.flatMap((r) => [...r.targets, `resource:${r.resourceName}`]),
  ]);
  return signalTargets.some((t) => held.has(t));
}
