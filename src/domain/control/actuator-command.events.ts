import type { DomainEvent } from '../shared/event.js';

export const SWITCH_ACTIONS = ['on', 'off', 'toggle'] as const;
export type SwitchAction = (typeof SWITCH_ACTIONS)[number];

/** 1 = on, 0 = off: the canonical `switchState` value the device reports. */
export type SwitchState = 0 | 1;

/**
 * Where a command came from: the web UI, another API caller, the CLI, or a rule inside the server. The HTTP caller
 * says which of the first three it is (only the server's own rules say `rule`).
 */
export const COMMAND_ORIGINS = ['ui', 'api', 'cli', 'rule'] as const;
export type CommandOrigin = (typeof COMMAND_ORIGINS)[number];

/** Commands recorded before the origin was: every one of them came through the HTTP API. */
export const ORIGIN_BEFORE_RECORDED: CommandOrigin = 'api';

export const COMMAND_FAILURE_REASONS = ['device_error', 'gateway_error'] as const;
export type CommandFailureReason = (typeof COMMAND_FAILURE_REASONS)[number];

export type ActuatorCommandRequested = DomainEvent<
  'ActuatorCommandRequested',
  {
    readonly commandId: string;
    readonly sensorId: string;
    readonly gatewayId: string;
    readonly nodeId: string;
    /** The actuator in the driver's own addressing (`<ieee>/<endpoint>`, a friendly name). */
    readonly target: string;
    readonly action: SwitchAction;
    /** The state that confirms the command; null for a toggle of an actuator whose state was never reported. */
    readonly expectedState: SwitchState | null;
    readonly requestedBy: string;
    /** Absent on commands recorded before origins were: read it with `originOf`. */
    readonly origin?: CommandOrigin;
    readonly reason: string;
    readonly idempotencyKey: string | null;
    readonly requestedAt: string;
    /** Waiting for the gateway and for the confirming report both end here. */
    readonly expiresAt: string;
  }
>;

export type ActuatorCommandDispatched = DomainEvent<
  'ActuatorCommandDispatched',
  { readonly commandId: string; readonly gatewayId: string; readonly dispatchedAt: string }
>;

/** The gateway went away as the command was sent: it waits again for the gateway to return. */
export type ActuatorCommandUndelivered = DomainEvent<
  'ActuatorCommandUndelivered',
  { readonly commandId: string; readonly gatewayId: string; readonly detail: string; readonly at: string }
>;

export type ActuatorCommandAcknowledged = DomainEvent<
  'ActuatorCommandAcknowledged',
  {
    readonly commandId: string;
    readonly confirmedBy: 'report';
    readonly state: SwitchState;
    /** When the device measured the confirming state (its report), and when the server saw it. */
    readonly reportedAt: string;
    readonly acknowledgedAt: string;
  }
>;

export type ActuatorCommandFailed = DomainEvent<
  'ActuatorCommandFailed',
  {
    readonly commandId: string;
    readonly reason: CommandFailureReason;
    readonly detail: string;
    readonly failedAt: string;
  }
>;

export type ActuatorCommandTimedOut = DomainEvent<
  'ActuatorCommandTimedOut',
  { readonly commandId: string; readonly lastStatus: 'requested' | 'dispatched'; readonly timedOutAt: string }
>;

/** In `actuator-<sensorId>`: the command that holds the actuator; appended at an expected revision. */
export type ActuatorReserved = DomainEvent<
  'ActuatorReserved',
  { readonly sensorId: string; readonly commandId: string; readonly reservedAt: string }
>;

export type ActuatorCommandEvent =
  | ActuatorCommandRequested
  | ActuatorCommandDispatched
  | ActuatorCommandUndelivered
  | ActuatorCommandAcknowledged
  | ActuatorCommandFailed
  | ActuatorCommandTimedOut;

export type ActuatorEvent = ActuatorReserved;

export type ControlEventType = ActuatorCommandEvent['type'] | ActuatorEvent['type'];

export const ACTUATOR_COMMAND_EVENT_TYPES: readonly ActuatorCommandEvent['type'][] = [
  'ActuatorCommandRequested',
  'ActuatorCommandDispatched',
  'ActuatorCommandUndelivered',
  'ActuatorCommandAcknowledged',
  'ActuatorCommandFailed',
  'ActuatorCommandTimedOut',
];

/** The stored type names of the control context. */
export const CONTROL_EVENT_TYPES: readonly ControlEventType[] = [...ACTUATOR_COMMAND_EVENT_TYPES, 'ActuatorReserved'];

export function isActuatorCommandEvent(event: { readonly type: string }): event is ActuatorCommandEvent {
  return (ACTUATOR_COMMAND_EVENT_TYPES as readonly string[]).includes(event.type);
}

export function isSwitchAction(value: unknown): value is SwitchAction {
  return typeof value === 'string' && (SWITCH_ACTIONS as readonly string[]).includes(value);
}

export function isCommandOrigin(value: unknown): value is CommandOrigin {
  return typeof value === 'string' && (COMMAND_ORIGINS as readonly string[]).includes(value);
}

/** The origin of a request, reading an absent (or unknown) one as the API, where every older command came from. */
export function originOf(request: ActuatorCommandRequested['data']): CommandOrigin {
  return isCommandOrigin(request.origin) ? request.origin : ORIGIN_BEFORE_RECORDED;
}
