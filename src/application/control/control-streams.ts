import {
  isActuatorCommandEvent,
  type ActuatorCommandEvent,
  type ActuatorEvent,
} from '../../domain/control/actuator-command.events.js';
import type { StreamEvents } from '../shared/decider-command.js';
import { derivedUuid } from '../shared/derived-uuid.js';

export const COMMAND_STREAM_PREFIX = 'command-';
export const ACTUATOR_STREAM_PREFIX = 'actuator-';
export const CONTROL_SCHEMA_VERSION = 1;

export function commandStream(commandId: string): string {
  return `${COMMAND_STREAM_PREFIX}${commandId}`;
}

export function actuatorStream(sensorId: string): string {
  return `${ACTUATOR_STREAM_PREFIX}${sensorId}`;
}

/** The same parts always name the same event or command (parts joined by NUL, so no two lists run together). */
function idFrom(...parts: readonly string[]): string {
  return derivedUuid(parts.join('\u0000'));
}

/** The command an `Idempotency-Key` names: per actor, so two callers' keys never collide. */
export function idempotentCommandId(actorId: string, idempotencyKey: string): string {
  return idFrom('wattlog:actuator-command', actorId, idempotencyKey);
}

/** A command's own stream: every event is caused by the command. */
export const COMMAND_EVENTS: StreamEvents<ActuatorCommandEvent> = {
  accepts: isActuatorCommandEvent,
  schemaVersion: CONTROL_SCHEMA_VERSION,
  causationId: (event) => event.data.commandId,
};

/** An actuator's reservations: caused by the command reserving it; ids derived from both, so a retry is a no-op. */
export const ACTUATOR_EVENTS: StreamEvents<ActuatorEvent> = {
  accepts: (event) => event.type === 'ActuatorReserved',
  schemaVersion: CONTROL_SCHEMA_VERSION,
  eventId: (event) => idFrom('wattlog:reserve', event.data.sensorId, event.data.commandId),
  causationId: (event) => event.data.commandId,
};
